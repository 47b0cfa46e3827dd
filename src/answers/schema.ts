// The answers file: the one artefact both the questionnaire and CI read and write.
import * as z from 'zod';
import { FailureModeId } from '../checklist/levels.js';
import { isRealDay } from '../day.js';

const text = z.string().trim().min(1);

/** A bare answer: a choice id, "unknown", a number, or a list of choice ids (multi-select). */
export const AnswerValue = z.union([z.string().min(1), z.number(), z.array(z.string().min(1))]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/**
 * A repository finding the team has looked at and accepts, on the record: it no longer disputes
 * the answer. `finding` is the finding's stable key, "rule@path".
 */
export const Acknowledgement = z.strictObject({
  finding: z.string(),
  /** Checked by validateAnswers, not here: a missing one is a warning in assess, an error in validate. */
  reason: z.string().optional(),
});

/**
 * A known risk the team accepts for a while, on the record: who owns it and until when. It does
 * not fail `--fail-on` until `until` is before the assessment's date (never the clock). The
 * fields are checked by validateAnswers, so that a missing one is named, with its line.
 */
export const Accepted = z.strictObject({
  reason: z.string().optional(),
  owner: z.string().optional(),
  until: z.union([z.string(), z.date()]).optional(),
});

export const AnswerEntry = z.union([
  AnswerValue,
  z.strictObject({
    answer: AnswerValue,
    note: text.optional(),
    evidence: z.array(text).optional(),
    acknowledge: z.array(Acknowledgement).optional(),
    accepted: Accepted.optional(),
  }),
  z.strictObject({
    /** Not applicable, with the reason. Only where the question allows it. */
    na: text,
    note: text.optional(),
    evidence: z.array(text).optional(),
  }),
]);
export type AnswerEntry = z.infer<typeof AnswerEntry>;

export const Metadata = z.strictObject({
  organization: text.optional(),
  team: text.optional(),
  assessor: text.optional(),
  /** The assessment date (YYYY-MM-DD). Reports take their date from here, never the clock. */
  date: z
    .union([z.string(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
    // A real day: "2026-02-31" would otherwise slide into March, and windows and expiries use it.
    .pipe(
      z.string().superRefine((d, ctx) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) ctx.addIssue({ code: 'custom', message: 'date must be YYYY-MM-DD' });
        else if (!isRealDay(d)) ctx.addIssue({ code: 'custom', message: `no such day: ${d}` });
      }),
    )
    .optional(),
  client: text.optional(),
  engagement: text.optional(),
  logo: text.optional(),
});
export type Metadata = z.infer<typeof Metadata>;

export const AnswersFile = z.strictObject({
  checklist: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
  // A metadata key with only comments under it parses as null: treat it as empty.
  metadata: Metadata.nullable().optional(),
  /** Set by the questionnaire when only part of the checklist was asked. */
  scope: z
    .strictObject({ quick: z.boolean().optional(), failureModes: z.array(FailureModeId).min(1).optional() })
    .optional(),
  /** Who gave these answers, when several people answer the same checklist. */
  respondent: z.strictObject({ name: text, role: text }).optional(),
  answers: z.record(z.string(), AnswerEntry).nullable().optional(),
});
export type AnswersFile = z.infer<typeof AnswersFile>;
