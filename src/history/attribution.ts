// Attribution as data: which commits are agent work, and by which tool (policies/attribution.yaml).
// Validated like the checklist: every problem comes back with its file and line, including a
// pattern that does not compile.
import type { AttributionFile } from './attribution-file.js';
import { ruleKind, type RuleKind } from './rule-kind.js';

export { ruleKind };

export type { AttributionFile };

/** What the analysis needs: compiled matchers, in the order they are tried. */
export interface Attribution {
  tools: { id: string; name: string; kind: 'agent' | 'automation' }[];
  /** Index into `tools` of the tool that made the commit, or -1 for human work. */
  classify(commit: { author: string; committer: string; message: string; trailers: readonly Trailer[] }): number;
  /** Index into `tools` of the tool whose branch a merge commit brought in, or -1. */
  classifyBranch(branch: string): number;
  /** Index into `tools` of the tool whose account opened a pull request, or -1. */
  classifyLogin(login: string): number;
  isFix(subject: string): boolean;
  /** The files the rules came from, for the report. */
  sources: string[];
}

export interface Trailer {
  key: string;
  value: string;
}

interface Compiled {
  tool: number;
  kind: RuleKind;
  key?: string;
  re: RegExp;
}

/**
 * Pure: combines validated files into one attribution. The user's files come first, so an
 * in-house rule wins over a built-in one; a tool id in both keeps its place and gains the rules.
 */
export function combineAttribution(files: { file: string; data: AttributionFile }[]): Attribution {
  const tools: { id: string; name: string; kind: 'agent' | 'automation' }[] = [];
  const rules: Compiled[] = [];
  const fixes: RegExp[] = [];
  for (const { data } of files) {
    for (const t of data.tools) {
      let index = tools.findIndex((x) => x.id === t.id);
      if (index < 0) index = tools.push({ id: t.id, name: t.name, kind: t.kind ?? 'agent' }) - 1;
      // A file that names the kind decides it: an in-house file adding rules to the built-in
      // "automation" tool need not repeat that it is automation.
      else if (t.kind) tools[index]!.kind = t.kind;
      for (const r of t.rules) {
        const kind = ruleKind(r);
        if ('trailer' in r) rules.push({ tool: index, kind, key: r.trailer.key.toLowerCase(), re: new RegExp(r.trailer.value, 'i') });
        else rules.push({ tool: index, kind, re: new RegExp((r as Record<string, string>)[kind]!, 'i') });
      }
    }
    for (const s of data.fixSubjects ?? []) fixes.push(new RegExp(s, 'i'));
  }
  // Agents before automation, whatever the file order: an agent that commits through a bot
  // account (claude[bot] with the Actions app's address) or on a bot's commit is still the agent.
  const automation = (r: Compiled) => (tools[r.tool]!.kind === 'automation' ? 1 : 0);
  const commitRules = rules.filter((r) => r.kind !== 'branch' && r.kind !== 'login').sort((a, b) => automation(a) - automation(b));
  const branchRules = rules.filter((r) => r.kind === 'branch');
  const loginRules = rules.filter((r) => r.kind === 'login');
  return {
    tools,
    sources: files.map((f) => f.file),
    classify(c) {
      // Rules are tried in file order; the first that matches decides.
      for (const r of commitRules) {
        if (
          r.kind === 'author'
            ? r.re.test(c.author)
            : r.kind === 'committer'
              ? r.re.test(c.committer)
              : r.kind === 'message'
                ? r.re.test(c.message)
                : hasTrailer(c.trailers, r)
        )
          return r.tool;
      }
      return -1;
    },
    classifyBranch(branch) {
      return branchRules.find((r) => r.re.test(branch))?.tool ?? -1;
    },
    classifyLogin(login) {
      return loginRules.find((r) => r.re.test(login))?.tool ?? -1;
    },
    isFix: (subject) => fixes.some((re) => re.test(subject)),
  };
}

/**
 * Whether a trailer rule matches one of the commit's trailers. A plain loop: run for every trailer
 * rule of every commit, a function made for each call (as with trailers.some) came to a hundred
 * megabytes to collect over a history of 100,000 commits.
 */
function hasTrailer(trailers: readonly Trailer[], rule: Compiled): boolean {
  for (let i = 0; i < trailers.length; i++) if (trailers[i]!.key === rule.key && rule.re.test(trailers[i]!.value)) return true;
  return false;
}
