// zod's reading of a saved result, for a portfolio: the authority, and the only one that words a
// problem. A result this version wrote never needs it (quick-fields.ts), so the build loads
// this module, and zod with it, on first use only (loadedOnUse in scripts/build.mjs).
import * as z from '../zod-mini.js';

const score = z.nullable(z.number());
const text = z.nullable(z.string());
const ResultSummary = z.object({
  schemaVersion: z.string(),
  checklist: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  metadata: z.object({ organization: text, team: text, client: text, date: text }),
  verdict: z.object({ id: z.enum(['tighten', 'pilot', 'scale']) }),
  // Results before schema 2.3.0 have no evidence shares: read as unknown, not as none.
  overall: z.object({
    score,
    coverage: score,
    answered: z.number(),
    applicable: z.number(),
    unknown: z.number(),
    evidence: z.optional(z.object({ corroborated: score })),
  }),
  failureModes: z.array(z.object({ id: z.string(), title: z.string(), score, high: z.number() })).check(z.length(7)),
  nextSteps: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type ResultFields = z.infer<typeof ResultSummary>;

/** The fields a portfolio reads, or what is wrong with the first one that is not right. */
export function checkResultFields(data: unknown): { ok: true; fields: ResultFields } | { ok: false; problem: string } {
  const parsed = z.safeParse(ResultSummary, data);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || 'top level'}: ${issue.message}` };
}
