// Reads a repository's history into a HistoryResult: the edge that runs git and reads files,
// feeding the pure parser, graph and analyser. The passes over git (passes.ts): the graph (no
// diffs, cheap), then one streaming `git log --reverse --numstat`, or for a small history that one
// alone. Of the history itself only running counts stay.
import { InputError } from '../errors.js';
import { readUserFile } from '../io/files.js';
import { builtinAttribution, readCompiledAttribution } from '../io/artefacts.js';
import { HistoryAnalyser } from './analyse.js';
import { combineAttribution, type Attribution, type AttributionFile } from './attribution.js';
import { emptyTreeOf, gitOutput, gitOutputLater, isPartialClone, lineCountsAt, repositoryFacts, windowArgs } from './git.js';
import { GraphBuilder } from './graph.js';
import { mergedBranch } from './log-stream.js';
import { readGraph, startPasses, stopPasses } from './passes.js';
import type { HistoryResult, PullRequestSummary } from './model.js';
import { summariseHistory } from './summarise.js';
import { endOfDay, fixedSince, isoDay, parseWindow } from './window.js';

export interface HistoryOptions {
  /** --since: "90d" (default), a date, or "all". */
  since?: string;
  /** The answers file's date: the window ends there instead of at the newest commit. */
  anchorDate?: string;
  /** The attribution, when the caller has already loaded it (for --prs too). */
  attribution?: Attribution;
  /** --attribution files, tried before the built-in rules (when `attribution` is not given). */
  attributionFiles?: string[];
  pullRequests?: PullRequestSummary | null;
  /** How the folder is named in the report (relative, never an absolute path). */
  label?: string;
  /** Told who made each commit (a tool id, or "human"): how the attribution corpus is scored. */
  onCommit?: (hash: string, who: string) => void;
}

/**
 * The user's files first, then the built-in rules: the build's validated copy when the YAML is
 * unchanged, so a run with no file of its own never loads the validator (schema and YAML parser).
 */
export async function loadAttribution(files: string[] = []): Promise<Attribution> {
  const loaded = [
    ...files.map((file) => ({ file, text: readUserFile(file), builtin: false })),
    { file: 'policies/attribution.yaml', text: readUserFile(builtinAttribution), builtin: true },
  ];
  const validated: { file: string; data: AttributionFile }[] = [];
  for (const { file, text, builtin } of loaded) {
    const compiled = builtin ? readCompiledAttribution<AttributionFile>(text) : undefined;
    if (compiled) {
      validated.push({ file, data: compiled });
      continue;
    }
    const result = (await import('./attribution-file.js')).validateAttribution(file, text);
    if (!result.ok) throw new InputError(result.problems);
    validated.push({ file, data: result.data });
  }
  return combineAttribution(validated);
}

export async function readHistory(dir: string, options: HistoryOptions = {}): Promise<HistoryResult> {
  const attribution = options.attribution ?? (await loadAttribution(options.attributionFiles));
  const anchored = options.anchorDate !== undefined;
  const asked = options.since ?? '90d';
  // A window that does not hang on the newest commit (all of it, or from a date) is known before
  // the repository is checked: the passes over it then start alongside git's checks.
  const fixed = anchored ? undefined : fixedSince(asked);
  // A partial clone holds commits but not every file's contents: lines are not counted there
  // rather than downloaded one object at a time (the limit is named in the result).
  const lines = !isPartialClone(dir);
  let passes = fixed === undefined ? undefined : startPasses(dir, [...windowArgs(fixed, null), 'HEAD'], lines);
  try {
    // One path for every window: git itself says what the repository is (and names what is amiss).
    const facts = await repositoryFacts(dir);
    const anchor = anchored ? endOfDay(options.anchorDate!) : facts.newestTime;
    const window = parseWindow(asked, anchor);
    // Ending at a date means reading the branch as it stood then: from the first-parent commit of
    // that day, so a side branch merged later is not mistaken for the branch itself.
    const tip = anchored ? gitOutput(dir, ['rev-list', '-1', '--first-parent', `--before=@${anchor}`, 'HEAD'])?.trim() : 'HEAD';
    const range = tip ? [...windowArgs(window.since, null), tip] : undefined;
    passes ??= range && startPasses(dir, range, lines);
    // The last commit before the window (its lines are counted below), looked up meanwhile.
    const before = window.since === null || !tip ? undefined : gitOutputLater(dir, ['rev-list', '-1', '--first-parent', `--before=@${window.since}`, tip]);
    // Awaited below; should the run fail first, its failure is not left unhandled.
    before?.catch(() => {});

    const builder = new GraphBuilder((subject) => {
      const branch = mergedBranch(subject);
      return branch === undefined ? -1 : attribution.classifyBranch(branch);
    });
    const read = passes ? await readGraph(passes, builder) : undefined;
    const built = read?.graph ?? builder.finish();
    const until = anchor;

    // Lines older than the window share in every removal: count them at the window's start.
    const start = (await before)?.trim();
    const baseline = start && lines ? await lineCountsAt(dir, emptyTreeOf(dir, start), start) : new Map<string, number>();

    const analyser = new HistoryAnalyser(attribution, built, baseline, anchored ? until : built.newestTime);
    const malformed = read && built.size ? await read.replay((c) => analyser.add(c)) : 0;
    if (options.onCommit) analyser.eachCommit((hash, cls) => options.onCommit!(hash, attribution.tools[cls]?.id ?? 'human'));
    return summariseHistory(analyser.finish(malformed), attribution, {
      root: options.label ?? '.',
      branch: facts.branch,
      shallow: facts.shallow,
      partial: !lines,
      window: {
        asked: window.asked,
        since: window.since === null ? null : isoDay(window.since),
        until: isoDay(until),
        anchor: anchored ? 'metadata-date' : 'newest-commit',
      },
      pullRequests: options.pullRequests ?? null,
    });
  } finally {
    // Not read (an empty window), or the run failed before they were: git is not left running.
    stopPasses(passes);
  }
}
