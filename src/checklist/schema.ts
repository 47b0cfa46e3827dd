// The checklist model: what a policy YAML file may contain. Every object is strict so that a
// misspelt key is reported instead of silently ignored.
import * as z from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lowercase letters, digits, ".", "_" and "-"');

import { FailureModeId, Level, Obligation, RiskLevel, failureModeIds, levels, obligations, riskLevels } from './levels.js';

export { FailureModeId, Level, Obligation, RiskLevel, failureModeIds, levels, obligations, riskLevels };

/** One answer option. `score` is required on scored questions (checked in rules, not here). */
export const Choice = z.strictObject({
  id,
  label: z.string().min(1),
  score: z.number().min(0).max(1).optional(),
  risk: RiskLevel.optional(),
  /** Multi-select only: this choice excludes every other ("none of these"). */
  exclusive: z.boolean().optional(),
  /** Multi-select only: relative weight of this practice (default 1). */
  weight: z.number().positive().optional(),
});
export type Choice = z.infer<typeof Choice>;

/** A numeric band: [min, max) on a number question. */
export const Band = z.strictObject({
  id,
  label: z.string().min(1),
  min: z.number().optional(),
  max: z.number().optional(),
  score: z.number().min(0).max(1).optional(),
  risk: RiskLevel.optional(),
});
export type Band = z.infer<typeof Band>;

export const Link = z.strictObject({ title: z.string().min(1), url: z.string().url() });

export const Recommendation = z.strictObject({
  id,
  /** An imperative next step, in one sentence. */
  text: z.string().min(1),
  effort: Level,
  impact: Level,
  /** Question ids whose own gaps should be closed first. */
  requires: z.array(id).optional(),
  /** Multi-select only: the step applies only while one of these practices is missing. */
  whenMissing: z.array(id).min(1).optional(),
  links: z.array(Link).optional(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const References = z.strictObject({
  /** NIST AI RMF 1.0 subcategories, e.g. "GOVERN 1.4". */
  airmf: z.array(z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/)).optional(),
  /** NIST AI 600-1 suggested action ids, e.g. "GV-3.2-003". */
  ai600: z.array(z.string().regex(/^(GV|MP|MS|MG)-\d+\.\d+-\d{3}$/)).optional(),
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
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      question: id,
      anyOf: z.array(id).min(1).optional(),
      noneOf: z.array(id).min(1).optional(),
      atLeast: z.number().optional(),
      below: z.number().optional(),
    }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

export const questionTypes = ['single', 'multi', 'yesno', 'number'] as const;

export const Question = z.strictObject({
  id,
  /** Context questions are asked first, are never scored and feed applicability conditions. */
  context: z.boolean().optional(),
  failureModes: z.array(z.strictObject({ id: FailureModeId, weight: z.number().positive() })).optional(),
  text: z.string().min(1),
  /** One line: why a team should care. */
  why: z.string().min(1),
  /** Longer guidance shown on request. */
  help: z.string().min(1).optional(),
  type: z.enum(questionTypes),
  /** Name of a reusable scale declared under `scales` (single questions). */
  scale: id.optional(),
  choices: z.array(Choice).optional(),
  bands: z.array(Band).optional(),
  /** Unit shown after a number answer, e.g. "%". */
  unit: z.string().optional(),
  obligation: Obligation.optional(),
  /**
   * Musts only: the stage the must is needed for. `pilot` (the default): without it even one
   * bounded pilot is not under control. `scale`: a pilot can run without it, but growing beyond
   * pilot size cannot. `stageWhy` says why, in the checklist's words.
   */
  stage: z.enum(['pilot', 'scale']).optional(),
  stageWhy: z.string().min(1).optional(),
  /** Score at or above which the question counts as met (default: checklist scoring.metAt). */
  metAt: z.number().min(0).max(1).optional(),
  when: Condition.optional(),
  /** Plain-language reason shown when `when` is false. */
  whenLabel: z.string().optional(),
  naAllowed: z.boolean().optional(),
  /** Part of the short quick check. */
  quick: z.boolean().optional(),
  recommendations: z.array(Recommendation).optional(),
  references: References.optional(),
});
export type Question = z.infer<typeof Question>;

export const FailureMode = z.strictObject({
  id: FailureModeId,
  title: z.string().min(1),
  description: z.string().min(1),
});
export type FailureMode = z.infer<typeof FailureMode>;

/** One of the six "before you scale" questions, judged from the answers behind it. */
export const PreScaleQuestion = z.strictObject({
  id,
  text: z.string().min(1),
  questions: z.array(id).min(1),
});

/** One of the five characteristics of a stronger rollout. */
export const Characteristic = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().min(1),
  questions: z.array(id).min(1),
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
  contradicts: z.array(id).min(1),
  implies: id,
  /** Why the answers cannot both hold, for the report's first screen. */
  because: z.string().min(1),
});
export type ContextRule = z.infer<typeof ContextRule>;

/** What counts as pilot size, from the answers: a rollout this size may pilot before it scales. */
export const PilotSize = z.strictObject({
  when: Condition,
  /** The size in words, for the verdict's reasons ("one or two teams with a chosen first workflow"). */
  label: z.string().min(1),
});
export type PilotSize = z.infer<typeof PilotSize>;

export const Verdict = z.strictObject({
  id: z.enum(['tighten', 'pilot', 'scale']),
  title: z.string().min(1),
  description: z.string().min(1),
});

export const ScoringRules = z.strictObject({
  /** Default score at or above which an answer meets the question. */
  metAt: z.number().min(0).max(1),
  /** A pre-scale question is clear when every answer behind it scores at least this. */
  clearAt: z.number().min(0).max(1),
  /** Thresholds for the "scale" verdict. */
  scale: z.strictObject({
    minOverall: z.number().min(0).max(100),
    minPerFailureMode: z.number().min(0).max(100),
    minCoverage: z.number().min(0).max(100),
  }),
  /**
   * Many respondents, one answer per question: `median` takes the answer at the median score of
   * those who answered, `lowest` the lowest-scored one. Musts default to lowest: a control is only
   * in place if the people who work with it agree it is.
   */
  merge: z.strictObject({ default: z.enum(['median', 'lowest']), must: z.enum(['median', 'lowest']) }).default({ default: 'median', must: 'lowest' }),
  /** A question whose respondents' scores are at least this far apart (0 to 1) is divergent. */
  divergentSpread: z.number().min(0).max(1).default(0.5),
});
export type ScoringRules = z.infer<typeof ScoringRules>;

export const Checklist = z.strictObject({
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version must be semantic (1.2.3)'),
  /**
   * Earlier versions whose answers files stay valid as they are: every question and choice they
   * could name still exists with the same meaning. Answers pinned to one are accepted.
   */
  compatible: z.array(z.string().min(1)).optional(),
  title: z.string().min(1),
  description: z.string().min(1),
  scoring: ScoringRules,
  verdicts: z.array(Verdict).length(3),
  failureModes: z.array(FailureMode).length(7),
  scales: z.record(id, z.array(Choice).min(2)).optional(),
  preScale: z.array(PreScaleQuestion).min(1),
  characteristics: z.array(Characteristic).min(1),
  /** The roles respondents answer in, so reports can group by them. */
  roles: z.array(z.strictObject({ id, label: z.string().min(1) })).optional(),
  /** Without it no rollout counts as pilot size: every must, of either stage, decides tighten. */
  pilotSize: PilotSize.optional(),
  contextRules: z.array(ContextRule).optional(),
  questions: z.array(Question).min(1),
});
export type Checklist = z.infer<typeof Checklist>;
export type PreScaleQuestion = z.infer<typeof PreScaleQuestion>;
export type Characteristic = z.infer<typeof Characteristic>;
