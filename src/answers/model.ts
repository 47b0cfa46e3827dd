// Answers after they have been checked against a checklist: every value is typed and valid.
import type { FailureModeId } from '../checklist/schema.js';
import type { Metadata } from './schema.js';

export type ResolvedValue = { kind: 'choices'; ids: string[] } | { kind: 'number'; value: number } | { kind: 'unknown' } | { kind: 'na'; reason: string };

export interface ResolvedAnswer {
  value: ResolvedValue;
  note?: string;
  evidence: string[];
  /** Findings the team accepts for this answer, each with its reason. */
  acknowledge: { finding: string; reason: string }[];
  /** A risk accepted until a date, with its owner. */
  accepted?: { reason: string; owner: string; until: string };
}

export interface Answers {
  checklist: { id: string; version: string };
  metadata: Metadata;
  scope: { quick: boolean; failureModes?: FailureModeId[] };
  /** Keyed by question id; a question absent here was not answered at all. */
  answers: Record<string, ResolvedAnswer>;
  /** sha256 of the answers file's bytes, or of the canonical YAML when built interactively. */
  hash: string;
  source: string;
  respondent?: { name: string; role: string };
  /**
   * The line of an answer in the file, for pointing at it (SARIF, annotations). A function, so
   * that a team of 500 files only pays for locating the answers it reports on.
   */
  lineOf?: (question: string) => number | undefined;
}
