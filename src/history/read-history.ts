// Reads a repository's history into a HistoryResult: the edge that runs git and reads files,
// feeding the pure parser, graph and analyser. Two passes over git: the graph (no diffs, cheap),
// then one streaming `git log --reverse --numstat`. Of the history itself only running counts stay.
import { InputError } from '../errors.js';
import { builtinAttribution, readCompiledAttribution, readUserFile } from '../io/files.js';
import { HistoryAnalyser } from './analyse.js';
import { combineAttribution, type Attribution, type AttributionFile } from './attribution.js';
import { emptyTreeOf, gitOutput, lineCountsAt, repositoryFacts, startGit, windowArgs, type StartedGit } from './git.js';
import { GraphBuilder } from './graph.js';
import { LogParser, logFormat, mergedBranch } from './log-stream.js';
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
}

/**
 * The user's files first, then the built-in rules: the build's validated copy when the YAML is
 * unchanged, so a run with no file of its own never loads the validator (schema and YAML parser).
 */
export async function loadAttribution(files: string[] = []): Promise<Attribution> {
  const loaded = [...files.map((file) => ({ file, text: readUserFile(file), builtin: false })), { file: 'policies/attribution.yaml', text: readUserFile(builtinAttribution), builtin: true }];
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
  // the repository is checked: the passes over it then start alongside the checks.
  const fixed = anchored ? undefined : fixedSince(asked);
  let passes = fixed === undefined ? undefined : startPasses(dir, [...windowArgs(fixed, null), 'HEAD']);
  try {
    const facts = await repositoryFacts(dir);
    const anchor = anchored ? endOfDay(options.anchorDate!) : facts.newestTime;
    const window = parseWindow(asked, anchor);
    // Ending at a date means reading the branch as it stood then: from the first-parent commit of
    // that day, so a side branch merged later is not mistaken for the branch itself.
    const tip = anchored ? gitOutput(dir, ['rev-list', '-1', '--first-parent', `--before=@${anchor}`, 'HEAD'])?.trim() : 'HEAD';
    const range = tip ? [...windowArgs(window.since, null), tip] : undefined;
    passes ??= range && startPasses(dir, range);

    const graph = new GraphBuilder((subject) => {
      const branch = mergedBranch(subject);
      return branch === undefined ? -1 : attribution.classifyBranch(branch);
    });
    const lines = splitLines((line) => graph.line(line));
    if (passes) await passes.graph.stream(lines.push);
    lines.end();
    const built = graph.finish();

    // Lines older than the window share in every removal: count them at the window's start.
    const before = window.since === null || !tip ? undefined : gitOutput(dir, ['rev-list', '-1', '--first-parent', `--before=@${window.since}`, tip])?.trim();
    const baseline = before ? await lineCountsAt(dir, emptyTreeOf(dir), before) : new Map<string, number>();

    const analyser = new HistoryAnalyser(attribution, built, baseline, anchored ? anchor : built.newestTime);
    const parser = new LogParser((c) => analyser.add(c));
    if (passes && built.size) await passes.changes.stream((chunk) => parser.push(chunk));
    parser.end();
    return summariseHistory(analyser.finish(parser.malformed), attribution, {
      root: options.label ?? '.',
      branch: facts.branch,
      shallow: facts.shallow,
      window: { asked: window.asked, since: window.since === null ? null : isoDay(window.since), until: isoDay(anchor), anchor: anchored ? 'metadata-date' : 'newest-commit' },
      pullRequests: options.pullRequests ?? null,
    });
  } finally {
    // Not read (an empty window), or the run failed before they were: git is not left running.
    passes?.graph.stop();
    passes?.changes.stop();
  }
}

/**
 * The two passes over a range, started together so that one git is at work while the other starts
 * and while the graph is built: the graph (no diffs, cheap), then the changes, which wait (their
 * pipe full) until the graph is done.
 */
function startPasses(dir: string, range: string[]): { graph: StartedGit; changes: StartedGit } {
  return {
    graph: startGit(dir, ['log', '--no-show-signature', '--format=%H %P%x1f%ct%x1f%s', ...range]),
    changes: startGit(dir, ['log', '--reverse', '-z', '--numstat', '-M', '--no-ext-diff', '--no-textconv', '--no-show-signature', '--encoding=UTF-8', `--format=${logFormat}`, ...range]),
  };
}

/** A chunk handler that hands on whole lines, without gluing whole chunks together. */
function splitLines(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  const push = (chunk: string) => {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      onLine(start === 0 ? pending + chunk.slice(0, end) : chunk.slice(start, end));
      start = end + 1;
    }
    pending = start === 0 ? pending + chunk : chunk.slice(start);
  };
  return { push, end: () => pending && onLine(pending) };
}
