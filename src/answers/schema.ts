// The answers file: the one artefact both the questionnaire and CI read and write.
import * as z from '../zod-mini.js';
import { FailureModeId } from '../checklist/levels.js';
import { isRealDay } from '../day.js';

const text = z.string().check(z.trim(), z.minLength(1));
const nonEmpty = z.string().check(z.minLength(1));

/** A bare answer: a choice id, "unknown", a number, or a list of choice ids (multi-select). */
export const AnswerValue = z.union([nonEmpty, z.number(), z.array(nonEmpty)]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/**
 * A repository finding the team has looked at and accepts, on the record: it no longer disputes
 * the answer. `finding` is the finding's stable key, "rule@path".
 */
export const Acknowledgement = z.strictObject({
  finding: z.string(),
  /** Checked by validateAnswers, not here: a missing one is a warning in assess, an error in validate. */
  reason: z.optional(z.string()),
});

/**
 * A known risk the team accepts for a while, on the record: who owns it and until when. It does
 * not fail `--fail-on` until `until` is before the assessment's date (never the clock). The
 * fields are checked by validateAnswers, so that a missing one is named, with its line.
 */
export const Accepted = z.strictObject({
  reason: z.optional(z.string()),
  owner: z.optional(z.string()),
  until: z.optional(z.union([z.string(), z.date()])),
});

export const AnswerEntry = z.union([
  AnswerValue,
  z.strictObject({
    answer: AnswerValue,
    note: z.optional(text),
    evidence: z.optional(z.array(text)),
    acknowledge: z.optional(z.array(Acknowledgement)),
    accepted: z.optional(Accepted),
  }),
  z.strictObject({
    /** Not applicable, with the reason. Only where the question allows it. */
    na: text,
    note: z.optional(text),
    evidence: z.optional(z.array(text)),
  }),
]);
export type AnswerEntry = z.infer<typeof AnswerEntry>;

export const Metadata = z.strictObject({
  organization: z.optional(text),
  team: z.optional(text),
  assessor: z.optional(text),
  /** The assessment date (YYYY-MM-DD). Reports take their date from here, never the clock. */
  date: z.optional(
    z.pipe(
      z.pipe(
        z.union([z.string(), z.date()]),
        z.transform((d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
      ),
      // A real day: "2026-02-31" would otherwise slide into March, and windows and expiries use it.
      z.string().check(
        z.superRefine((d, ctx) => {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) ctx.addIssue({ code: 'custom', message: 'date must be YYYY-MM-DD' });
          else if (!isRealDay(d)) ctx.addIssue({ code: 'custom', message: `no such day: ${d}` });
        }),
      ),
    ),
  ),
  client: z.optional(text),
  engagement: z.optional(text),
  logo: z.optional(text),
});
export type Metadata = z.infer<typeof Metadata>;

export const AnswersFile = z.strictObject({
  checklist: z.strictObject({ id: nonEmpty, version: nonEmpty }),
  // A metadata key with only comments under it parses as null: treat it as empty.
  metadata: z.optional(z.nullable(Metadata)),
  /** Set by the questionnaire when only part of the checklist was asked. */
  scope: z.optional(z.strictObject({ quick: z.optional(z.boolean()), failureModes: z.optional(z.array(FailureModeId).check(z.minLength(1))) })),
  /** Who gave these answers, when several people answer the same checklist. */
  respondent: z.optional(z.strictObject({ name: text, role: text })),
  answers: z.optional(z.nullable(z.record(z.string(), AnswerEntry))),
});
export type AnswersFile = z.infer<typeof AnswersFile>;
