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
}

/** The line of a node under the current step: `at('with', 'claude_args')`. */
export type At = (...path: (string | number)[]) => number | undefined;
