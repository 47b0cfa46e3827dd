// The report: everything any format needs, already sorted and labelled. It is also the saved
// result (`assess --format json`), so it is self-contained, every field is explicit (null, never
// missing), and its shape is published as a JSON Schema (`rollout-check schema result`).
import * as z from '../zod-mini.js';
import { FailureModeId, Level, Obligation, RiskLevel } from '../checklist/levels.js';
import { AppliedOverlay } from '../checklist/applied-overlay.js';
import { ReportEvidence, ReportHistory } from '../evidence/model.js';

export { AppliedOverlay, ReportEvidence, ReportHistory };

/** Bump the major version for any change that breaks a reader of saved results. */
import { reportSchemaVersion } from '../versions.js';

export { reportSchemaVersion };

const nullableString = z.nullable(z.string());
const percent = z.nullable(z.number().check(z.minimum(0), z.maximum(100)));

export const ReportQuestion = z.strictObject({
  id: z.string(),
  text: z.string(),
  why: z.string(),
  context: z.boolean(),
  failureModes: z.array(z.strictObject({ id: FailureModeId, weight: z.number() })),
  obligation: z.nullable(Obligation),
  status: z.enum(['answered', 'unknown', 'unanswered', 'na', 'not-asked', 'out-of-scope']),
  /** Human-readable answer: chosen labels, "Unknown", "N/A", or "Not asked". */
  answer: z.string(),
  /** The answer as given (choice ids or a number), for machine readers. */
  value: z.nullable(z.union([z.array(z.string()), z.number()])),
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  risk: z.nullable(RiskLevel),
  met: z.nullable(z.boolean()),
  note: nullableString,
  evidence: z.array(z.string()),
  naReason: nullableString,
  notAskedReason: nullableString,
  /** A context question whose disputed answer brought this question back into scope. */
  reopenedBy: nullableString,
  /**
   * Set when repository evidence contradicts the answer. `answer`, `value`, `score`, `risk` and
   * `met` above are then the evidence-adjusted ones (what the verdict uses); this keeps the claim.
   */
  dispute: z.nullable(
    z.strictObject({
      claimed: z.string(),
      claimedValue: z.array(z.string()),
      claimedScore: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
      claimedRisk: z.nullable(RiskLevel),
      findings: z.array(z.string()),
    }),
  ),
  references: z.strictObject({
    airmf: z.array(z.string()),
    ai600: z.array(z.string()),
    /** OWASP Top 10 for Agentic Applications (2026) risks, each with why the question guards against it. */
    owaspAgentic: z._default(z.array(z.strictObject({ id: z.string(), reason: z.string() })), []),
  }),
  /**
   * A risk the team accepts until a date, with its owner. Scored as answered; gates pass over it
   * until it expires (`until` before the assessment's date).
   */
  accepted: z._default(z.nullable(z.strictObject({ reason: z.string(), owner: z.string(), until: z.string(), expired: z.boolean() })), null),
  /** Multi-select: the missing practices that carry `risk` (what closes the gap). */
  missing: z._default(z.array(z.string()), []),
  /** Where the answer's standing comes from (see src/evidence/provenance.ts). */
  provenance: z._default(z.strictObject({ status: z.enum(['self-reported', 'corroborated', 'disputed', 'proposed']), sources: z.array(z.string()) }), {
    status: 'self-reported',
    sources: [],
  }),
  /** With several respondents: what each answered (the fields above are the merged answer). */
  responses: z._default(
    z.array(z.strictObject({ name: z.string(), role: z.string(), answer: z.string(), value: z._default(z.string(), ''), score: z.nullable(z.number()) })),
    [],
  ),
});
export type ReportQuestion = z.infer<typeof ReportQuestion>;

/** Shares of the weight in scope, in percent adding up to 100: what the score rests on. */
export const EvidenceShares = z._default(z.strictObject({ corroborated: percent, disputed: percent, selfReported: percent }), {
  corroborated: null,
  disputed: null,
  selfReported: null,
});

export const ReportFailureMode = z.strictObject({
  id: FailureModeId,
  title: z.string(),
  /** A few words for chart labels; null when the checklist gives none. */
  short: z._default(z.nullable(z.string()), null),
  description: z.string(),
  /** Points over the applicable weight: unknowns earn nothing. Evidence-adjusted under --scan. */
  score: percent,
  /** The score if every unknown turned out fully met. */
  upTo: percent,
  /** The score of the answers as claimed, before repository evidence: null without --scan. */
  claimedScore: percent,
  points: z.number(),
  answeredMax: z.number(),
  maxAchievable: z.number(),
  totalMax: z.number(),
  high: z.number().check(z.int()),
  medium: z.number().check(z.int()),
  low: z.number().check(z.int()),
  answered: z.number().check(z.int()),
  applicable: z.number().check(z.int()),
  coverage: percent,
  na: z.number().check(z.int()),
  notAsked: z.number().check(z.int()),
  unmetMusts: z.array(z.string()),
  unknownMusts: z.array(z.string()),
  unknownHighRisk: z.array(z.string()),
  evidence: EvidenceShares,
});
export type ReportFailureMode = z.infer<typeof ReportFailureMode>;

export const ReportStep = z.strictObject({
  id: z.string(),
  text: z.string(),
  effort: Level,
  impact: Level,
  obligation: Obligation,
  risk: RiskLevel,
  questions: z.array(z.string()),
  failureModes: z.array(FailureModeId),
  after: z.array(z.string()),
  links: z.array(z.strictObject({ title: z.string(), url: z.string() })),
  phase: z.union([z.literal(30), z.literal(60), z.literal(90)]),
});
export type ReportStep = z.infer<typeof ReportStep>;

export const Report = z.strictObject({
  schemaVersion: z.string(),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  checklist: z.strictObject({ id: z.string(), version: z.string(), title: z.string(), sha256: z.string() }),
  overlays: z.array(AppliedOverlay),
  answers: z.strictObject({
    file: z.string(),
    sha256: z.string(),
    /** The answers file as given on the command line, relative, with forward slashes. */
    path: z.optional(z.string()),
    /** The line of each answer in that file. */
    lines: z._default(z.record(z.string(), z.number().check(z.int())), {}),
  }),
  metadata: z.strictObject({
    organization: nullableString,
    team: nullableString,
    assessor: nullableString,
    date: nullableString,
    client: nullableString,
    engagement: nullableString,
    /** The client's logo as a data: URI, embedded so the report needs no other file. */
    logo: nullableString,
  }),
  /** True when notes, evidence and people's names were removed (`--redact`). */
  redacted: z.boolean(),
  scope: z.strictObject({ partial: z.boolean(), quick: z.boolean(), failureModes: z.nullable(z.array(FailureModeId)) }),
  verdict: z.strictObject({ id: z.enum(['tighten', 'pilot', 'scale']), title: z.string(), description: z.string(), reasons: z.array(z.string()) }),
  /** For the first screen: how many answers the repository disputes, and the first three. */
  disputed: z.strictObject({
    count: z.number().check(z.int()),
    summary: nullableString,
    first: z.array(z.strictObject({ question: z.string(), text: z.string(), where: z.string(), message: z.string() })),
  }),
  overall: z.strictObject({
    /** The headline: points over the applicable weight, unknowns earning nothing. */
    score: percent,
    /** The score if every unknown turned out fully met. */
    upTo: percent,
    /** The score of the answers as claimed, before repository evidence: null without --scan. */
    claimedScore: percent,
    answered: z.number().check(z.int()),
    applicable: z.number().check(z.int()),
    coverage: percent,
    unknown: z.number().check(z.int()),
    evidence: EvidenceShares,
    /** "64% of the weight corroborated, 36% self-reported": the verdict's basis, for every format. */
    basis: z._default(nullableString, null),
  }),
  failureModes: z.array(ReportFailureMode).check(z.length(7)),
  questions: z.array(ReportQuestion),
  nextSteps: z.array(ReportStep),
  preScale: z.array(
    z.strictObject({ id: z.string(), text: z.string(), status: z.enum(['clear', 'fuzzy', 'not-assessed']), fuzzyBecause: z.array(z.string()) }),
  ),
  characteristics: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      status: z.enum(['in-place', 'partial', 'missing', 'unknown']),
      score: z.nullable(z.number()),
    }),
  ),
  crosswalk: z.array(
    z.strictObject({
      framework: z.enum(['NIST AI RMF 1.0', 'NIST AI 600-1', 'OWASP Agentic Top 10 2026']),
      ref: z.string(),
      /** OWASP rows: the risk's name. */
      title: z._default(z.nullable(z.string()), null),
      questions: z.array(z.string()),
      failureModes: z.array(FailureModeId),
      /** OWASP rows: why each question guards against the risk, in question order. */
      reasons: z._default(z.array(z.strictObject({ question: z.string(), reason: z.string() })), []),
    }),
  ),
  /** Repository evidence from `assess --scan`, or null. */
  evidence: z._default(z.nullable(ReportEvidence), null),
  /** Accepted risks, in checklist order: apart from met, unmet, unknown and N/A in every format. */
  accepted: z._default(
    z.array(
      z.strictObject({
        question: z.string(),
        text: z.string(),
        answer: z.string(),
        risk: z.nullable(RiskLevel),
        obligation: z.nullable(Obligation),
        met: z.nullable(z.boolean()),
        reason: z.string(),
        owner: z.string(),
        until: z.string(),
        expired: z.boolean(),
      }),
    ),
    [],
  ),
  /** What got worse since `--baseline`, or null without one. */
  regression: z._default(
    z.nullable(
      z.strictObject({
        baseline: z.string(),
        baselineDate: nullableString,
        tolerance: z.number(),
        verdict: z.nullable(z.strictObject({ from: z.enum(['tighten', 'pilot', 'scale']), to: z.enum(['tighten', 'pilot', 'scale']) })),
        failureModes: z.array(z.strictObject({ id: FailureModeId, from: z.number(), to: z.number(), drop: z.number() })),
        newHighRisks: z.array(z.strictObject({ id: z.string(), text: z.string(), before: z.string(), after: z.string() })),
        /** Questions only one side has, and a note when the checklists differ. */
        notCompared: z.array(z.string()),
      }),
    ),
    null,
  ),
  /** Who answered, when an assessment merges several answers files. Empty for one file. */
  respondents: z._default(z.array(z.strictObject({ name: z.string(), role: z.string(), roleLabel: z.string(), file: z.string() })), []),
  /** For the first screen: questions the respondents answered far apart, with who said what. */
  divergent: z._default(
    z.strictObject({
      count: z.number().check(z.int()),
      summary: nullableString,
      items: z.array(
        z.strictObject({
          question: z.string(),
          text: z.string(),
          obligation: z.nullable(Obligation),
          spread: z.number(),
          responses: z.array(z.strictObject({ name: z.string(), role: z.string(), answer: z.string() })),
        }),
      ),
    }),
    { count: 0, summary: null, items: [] },
  ),
  /** Scores by role and failure mode: where people see the rollout differently. */
  roleScores: z._default(
    z.array(z.strictObject({ role: z.string(), label: z.string(), respondents: z.number().check(z.int()), scores: z.array(z.nullable(z.number())) })),
    [],
  ),
  /** The git history from `assess --history`, or null. */
  history: z._default(z.nullable(ReportHistory), null),
  /**
   * Context answers other answers contradict (the checklist's context rules), for the first
   * screen: scored as implied, with what the claim had taken out of scope back as unknown.
   */
  contradictions: z._default(
    z.array(
      z.strictObject({
        rule: z.string(),
        question: z.string(),
        questionText: z.string(),
        claimed: z.string(),
        claimedValue: z.array(z.string()),
        implied: z.string(),
        impliedValue: z.array(z.string()),
        because: z.string(),
        reopened: z.array(z.string()),
        line: z.string(),
      }),
    ),
    [],
  ),
  /** The rollout's size against the checklist's pilot size; null when the checklist has none. */
  stage: z._default(
    z.nullable(
      z.strictObject({
        /** Null when an answer the rule needs is unknown. */
        pilotSized: z.nullable(z.boolean()),
        pilotSize: z.string(),
      }),
    ),
    null,
  ),
});
export type Report = z.infer<typeof Report>;
