// What weighing evidence produces, as carried into the report and its saved result: the
// repository's findings held against the answers, and the history's. Owned here, where it is
// made; written in zod/mini like the rest of the result.
import * as z from '../zod-mini.js';
import { FailureModeId, Obligation } from '../checklist/levels.js';
import { HistoryResult } from '../history/model.js';

const nullableString = z.nullable(z.string());

const Severity = z.enum(['high', 'medium', 'low', 'info']);

export const ReportEvidence = z.strictObject({
  /** The scanned folder, or null when only platform settings were read. */
  root: z.nullable(z.string()),
  tools: z.array(z.strictObject({ id: z.string(), name: z.string(), files: z.array(z.string()) })),
  findings: z.array(
    z.strictObject({
      /** Stable across edits of the file: "rule@path". What an acknowledgement names. */
      key: z.string(),
      id: z.string(),
      tool: z.string(),
      failureMode: FailureModeId,
      severity: Severity,
      kind: z.enum(['risk', 'protective', 'fact']),
      where: z.string(),
      message: z.string(),
      recommendation: nullableString,
    }),
  ),
  notObservable: z.array(z.strictObject({ failureMode: FailureModeId, message: z.string() })),
  /** Files the scanner could not read or parse, with the reason (never their contents). */
  skipped: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
  /** Findings in paths set aside (the ignore file, --exclude): counted, never weighed. */
  notActive: z._default(z.strictObject({ excludes: z.array(z.string()), count: z.number(), unmatched: z._default(z.array(z.string()), []) }), {
    excludes: [],
    count: 0,
    unmatched: [],
  }),
  /** The platform bundle read (`--platform`): whose settings, and which parts GitHub did not show. */
  platform: z._default(
    z.nullable(
      z.strictObject({
        repository: z.string(),
        branch: nullableString,
        collectedAt: nullableString,
        unreadable: z.array(z.strictObject({ path: z.string(), status: z.number(), message: z.string() })),
      }),
    ),
    null,
  ),
  /** Answers a finding bears out: the claim and the evidence agree. */
  corroborations: z._default(
    z.array(z.strictObject({ question: z.string(), questionText: z.string(), finding: z.string(), where: z.string(), message: z.string() })),
    [],
  ),
  /** Answers the evidence suggests for questions left unanswered or unknown (not scored). */
  proposals: z.array(
    z.strictObject({
      question: z.string(),
      questionText: z.string(),
      proposed: z.string(),
      value: z.array(z.string()),
      because: z.array(z.string()),
      /** Where the evidence is: "file:line" or "platform:<path>". */
      where: z._default(z.array(z.string()), []),
    }),
  ),
  /** Answers the repository contradicts, in checklist order: what was claimed, what is scored. */
  disputes: z.array(
    z.strictObject({
      question: z.string(),
      questionText: z.string(),
      obligation: z.nullable(Obligation),
      context: z.boolean(),
      claimed: z.string(),
      claimedValue: z.array(z.string()),
      implied: z.string(),
      impliedValue: z.array(z.string()),
      /** The most severe of the findings behind it. */
      severity: Severity,
      findings: z.array(z.strictObject({ key: z.string(), where: z.string(), severity: Severity, message: z.string() })),
      /** Context disputes: the questions the claim had taken out of scope, now back. */
      reopened: z.array(z.string()),
    }),
  ),
  /** Findings that would dispute an answer, accepted in the answers file with a reason. */
  acknowledged: z.array(
    z.strictObject({ question: z.string(), questionText: z.string(), finding: z.string(), where: z.string(), message: z.string(), reason: z.string() }),
  ),
  /** Acknowledgements that name no finding in this repository: stale, or mistyped. */
  staleAcknowledgements: z.array(z.strictObject({ question: z.string(), finding: z.string(), reason: z.string() })),
});
export type ReportEvidence = z.infer<typeof ReportEvidence>;

/** What `assess --history` adds: the history's figures, its signals and how they meet the answers. */
export const ReportHistory = z.strictObject({
  ...HistoryResult.shape,
  signals: z.array(z.strictObject({ id: z.string(), failureMode: FailureModeId, severity: Severity, message: z.string() })),
  /** Answers the history disagrees with. Never scored differently: shown beside the claim. */
  disagreements: z.array(
    z.strictObject({
      question: z.string(),
      questionText: z.string(),
      claimed: z.string(),
      signal: z.string(),
      severity: Severity,
      failureMode: FailureModeId,
      message: z.string(),
    }),
  ),
  /** Answers the history suggests for questions left unanswered or unknown (not scored). */
  proposals: z.array(z.strictObject({ question: z.string(), questionText: z.string(), proposed: z.string(), signal: z.string(), because: z.string() })),
});
export type ReportHistory = z.infer<typeof ReportHistory>;
