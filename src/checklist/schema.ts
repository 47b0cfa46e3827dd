// The checklist model: what a policy YAML file may contain. Every object is strict so that a
// misspelt key is reported instead of silently ignored.
import * as z from '../zod-mini.js';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lowercase letters, digits, ".", "_" and "-"'));

import { FailureModeId, Level, Obligation, RiskLevel, failureModeIds, levels, obligations, riskLevels } from './levels.js';

export { FailureModeId, Level, Obligation, RiskLevel, failureModeIds, levels, obligations, riskLevels };
import { owaspAgenticIds } from './ids.js';

/** One answer option. `score` is required on scored questions (checked in rules, not here). */
export const Choice = z.strictObject({
  id,
  label: z.string().check(z.minLength(1)),
  score: z.optional(z.number().check(z.gte(0)).check(z.lte(1))),
  risk: z.optional(RiskLevel),
  /** Multi-select only: this choice excludes every other ("none of these"). */
  exclusive: z.optional(z.boolean()),
  /** Multi-select only: relative weight of this practice (default 1). */
  weight: z.optional(z.number().check(z.positive())),
});
export type Choice = z.infer<typeof Choice>;

/** A numeric band: [min, max) on a number question. */
export const Band = z.strictObject({
  id,
  label: z.string().check(z.minLength(1)),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  score: z.optional(z.number().check(z.gte(0)).check(z.lte(1))),
  risk: z.optional(RiskLevel),
});
export type Band = z.infer<typeof Band>;

export const Link = z.strictObject({ title: z.string().check(z.minLength(1)), url: z.url() });

export const Recommendation = z.strictObject({
  id,
  /** An imperative next step, in one sentence. */
  text: z.string().check(z.minLength(1)),
  effort: Level,
  impact: Level,
  /** Question ids whose own gaps should be closed first. */
  requires: z.optional(z.array(id)),
  /** Multi-select only: the step applies only while one of these practices is missing. */
  whenMissing: z.optional(z.array(id).check(z.minLength(1))),
  links: z.optional(z.array(Link)),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const References = z.strictObject({
  /** NIST AI RMF 1.0 subcategories, e.g. "GOVERN 1.4". */
  airmf: z.optional(z.array(z.string().check(z.regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/)))),
  /** NIST AI 600-1 suggested action ids, e.g. "GV-3.2-003". */
  ai600: z.optional(z.array(z.string().check(z.regex(/^(GV|MP|MS|MG)-\d+\.\d+-\d{3}$/)))),
  /** OWASP Top 10 for Agentic Applications (2026) risks the question guards against, each with why. */
  owaspAgentic: z.optional(z.array(z.strictObject({ id: z.enum(owaspAgenticIds), reason: z.string().check(z.trim(), z.minLength(1)) })).check(z.minLength(1))),
});
export type References = z.infer<typeof References>;

/**
 * Applicability over earlier answers. Leaves name a question; `anyOf` matches when any listed
 * choice was given, `atLeast`/`below` compare a number answer. Combinators nest.
 */
export type Condition =
  | { question: string; anyOf?: string[]; noneOf?: string[]; atLeast?: number; below?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
export const Condition: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      question: id,
      anyOf: z.optional(z.array(id).check(z.minLength(1))),
      noneOf: z.optional(z.array(id).check(z.minLength(1))),
      atLeast: z.optional(z.number()),
      below: z.optional(z.number()),
    }),
    z.strictObject({ all: z.array(Condition).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(Condition).check(z.minLength(1)) }),
    z.strictObject({ not: Condition }),
  ]),
);

export const questionTypes = ['single', 'multi', 'yesno', 'number'] as const;

export const Question = z.strictObject({
  id,
  /** Context questions are asked first, are never scored and feed applicability conditions. */
  context: z.optional(z.boolean()),
  failureModes: z.optional(z.array(z.strictObject({ id: FailureModeId, weight: z.number().check(z.positive()) }))),
  text: z.string().check(z.minLength(1)),
  /** One line: why a team should care. */
  why: z.string().check(z.minLength(1)),
  /** Longer guidance shown on request. */
  help: z.optional(z.string().check(z.minLength(1))),
  type: z.enum(questionTypes),
  /** Name of a reusable scale declared under `scales` (single questions). */
  scale: z.optional(id),
  choices: z.optional(z.array(Choice)),
  bands: z.optional(z.array(Band)),
  /** Unit shown after a number answer, e.g. "%". */
  unit: z.optional(z.string()),
  obligation: z.optional(Obligation),
  /**
   * Musts only: the stage the must is needed for. `pilot` (the default): without it even one
   * bounded pilot is not under control. `scale`: a pilot can run without it, but growing beyond
   * pilot size cannot. `stageWhy` says why, in the checklist's words.
   */
  stage: z.optional(z.enum(['pilot', 'scale'])),
  stageWhy: z.optional(z.string().check(z.minLength(1))),
  /** Score at or above which the question counts as met (default: checklist scoring.metAt). */
  metAt: z.optional(z.number().check(z.gte(0)).check(z.lte(1))),
  when: z.optional(Condition),
  /** Plain-language reason shown when `when` is false. */
  whenLabel: z.optional(z.string()),
  naAllowed: z.optional(z.boolean()),
  /** Part of the short quick check. */
  quick: z.optional(z.boolean()),
  recommendations: z.optional(z.array(Recommendation)),
  references: z.optional(References),
});
export type Question = z.infer<typeof Question>;

export const FailureMode = z.strictObject({
  id: FailureModeId,
  title: z.string().check(z.minLength(1)),
  /** Two or three words, for chart labels and narrow tables. */
  short: z.optional(z.string().check(z.minLength(1))),
  description: z.string().check(z.minLength(1)),
});
export type FailureMode = z.infer<typeof FailureMode>;

/** One of the six "before you scale" questions, judged from the answers behind it. */
export const PreScaleQuestion = z.strictObject({
  id,
  text: z.string().check(z.minLength(1)),
  questions: z.array(id).check(z.minLength(1)),
});

/** One of the five characteristics of a stronger rollout. */
export const Characteristic = z.strictObject({
  id,
  title: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
  questions: z.array(id).check(z.minLength(1)),
});

/**
 * A context answer that other answers make impossible: when `when` holds, an answer to
 * `question` among `contradicts` is disputed and `implies` is scored instead, and what the claim
 * took out of scope comes back as unknown, as a contradicting repository does under --scan.
 */
export const ContextRule = z.strictObject({
  id,
  when: Condition,
  question: id,
  contradicts: z.array(id).check(z.minLength(1)),
  implies: id,
  /** Why the answers cannot both hold, for the report's first screen. */
  because: z.string().check(z.minLength(1)),
});
export type ContextRule = z.infer<typeof ContextRule>;

/** What counts as pilot size, from the answers: a rollout this size may pilot before it scales. */
export const PilotSize = z.strictObject({
  when: Condition,
  /** The size in words, for the verdict's reasons ("one or two teams with a chosen first workflow"). */
  label: z.string().check(z.minLength(1)),
});
export type PilotSize = z.infer<typeof PilotSize>;

export const Verdict = z.strictObject({
  id: z.enum(['tighten', 'pilot', 'scale']),
  title: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
});

export const ScoringRules = z.strictObject({
  /** Default score at or above which an answer meets the question. */
  metAt: z.number().check(z.gte(0)).check(z.lte(1)),
  /** A pre-scale question is clear when every answer behind it scores at least this. */
  clearAt: z.number().check(z.gte(0)).check(z.lte(1)),
  /** Thresholds for the "scale" verdict. */
  scale: z.strictObject({
    minOverall: z.number().check(z.gte(0)).check(z.lte(100)),
    minPerFailureMode: z.number().check(z.gte(0)).check(z.lte(100)),
    minCoverage: z.number().check(z.gte(0)).check(z.lte(100)),
  }),
  /**
   * Many respondents, one answer per question: `median` takes the answer at the median score of
   * those who answered, `lowest` the lowest-scored one. Musts default to lowest: a control is only
   * in place if the people who work with it agree it is.
   */
  merge: z._default(z.strictObject({ default: z.enum(['median', 'lowest']), must: z.enum(['median', 'lowest']) }), { default: 'median', must: 'lowest' }),
  /** A question whose respondents' scores are at least this far apart (0 to 1) is divergent. */
  divergentSpread: z._default(z.number().check(z.gte(0)).check(z.lte(1)), 0.5),
});
export type ScoringRules = z.infer<typeof ScoringRules>;

export const Checklist = z.strictObject({
  id,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version must be semantic (1.2.3)')),
  /**
   * Earlier versions whose answers files stay valid as they are: every question and choice they
   * could name still exists with the same meaning. Answers pinned to one are accepted.
   */
  compatible: z.optional(z.array(z.string().check(z.minLength(1)))),
  title: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
  scoring: ScoringRules,
  verdicts: z.array(Verdict).check(z.length(3)),
  failureModes: z.array(FailureMode).check(z.length(7)),
  scales: z.optional(z.record(id, z.array(Choice).check(z.minLength(2)))),
  preScale: z.array(PreScaleQuestion).check(z.minLength(1)),
  characteristics: z.array(Characteristic).check(z.minLength(1)),
  /** The roles respondents answer in, so reports can group by them. */
  roles: z.optional(z.array(z.strictObject({ id, label: z.string().check(z.minLength(1)) }))),
  /** Without it no rollout counts as pilot size: every must, of either stage, decides tighten. */
  pilotSize: z.optional(PilotSize),
  contextRules: z.optional(z.array(ContextRule)),
  questions: z.array(Question).check(z.minLength(1)),
});
export type Checklist = z.infer<typeof Checklist>;
export type PreScaleQuestion = z.infer<typeof PreScaleQuestion>;
export type Characteristic = z.infer<typeof Characteristic>;
