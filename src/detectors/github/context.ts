// What the workflow reader carries from job to job: the file, the findings so far, the events that
// start it (its own and its callers'), and the guards already credited. Shared by the workflow
// reader and the judges of each agent action's inputs.
import type { FindingDraft, ParsedFile } from '../types.js';

export interface Context {
  f: ParsedFile;
  out: FindingDraft[];
  events: string[];
  /** The repository's other workflows, for jobs that call one (uses: ./.github/workflows/x.yml). */
  workflows: ReadonlyMap<string, ParsedFile>;
  /** workflow_run follows a workflow that outsiders start (a pull request, an issue): their run starts this one. */
  runAfterOutsiders: boolean;
  /** Untrusted events that start an agent job of this workflow. */
  agentEvents?: Set<string>;
  /** Guards already credited (job:line): a dispatcher's check is one protection, however many jobs it gates. */
  credited?: Set<string>;
  /** For a reusable workflow: the untrusted events its callers pass on, from where, and whether a dispatcher routes them at run time. */
  callers: { event: string; from: string; routed: boolean; permissions: unknown }[];
  /** What the repository's .claude/settings.json pre-approves (read on first ask): a `claude -p` in CI runs with it too. */
  claudeProjectAllow: () => readonly string[];
}

/** The line of a node under the current step: `at('with', 'claude_args')`. */
export type At = (...path: (string | number)[]) => number | undefined;

/** The line of `term` inside the value at `path` (a block scalar starts on the line after its key). */
export function lineWithin(f: ParsedFile, path: (string | number)[], term: RegExp, after = 0): number | undefined {
  const base = f.lineAt?.(path);
  if (base === undefined) return undefined;
  const lines = f.text.split('\n');
  const first = lines[base - 1] ?? '';
  if (!/[|>][-+]?\s*(#.*)?$/.test(first)) return base;
  // A block scalar runs while its lines are blank or indented deeper than its key.
  const keyIndent = /^\s*/.exec(first)![0].length;
  for (let i = base; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() && /^\s*/.exec(line)![0].length <= keyIndent) break;
    if (i + 1 > after && term.test(line)) return i + 1;
  }
  return base;
}
