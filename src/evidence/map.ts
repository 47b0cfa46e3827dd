// The evidence map: which scanner findings bear on which answers (policies/evidence-map.yaml).
import { z } from 'zod';
import type { LoadedChecklist } from '../checklist/model.js';
import { located } from '../checklist/validate.js';
import type { Problem } from '../errors.js';
import { parseLocated } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';

export const EvidenceMap = z.strictObject({
  checklist: z.string(),
  entries: z.array(
    z.strictObject({
      finding: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/),
      question: z.string(),
      /** The answer this finding suggests for an unanswered or unknown question. */
      proposes: z.union([z.string(), z.array(z.string())]).optional(),
      contradicts: z.union([z.strictObject({ anyOf: z.array(z.string()).min(1) }), z.strictObject({ missing: z.string() })]),
    }),
  ),
});
export type EvidenceMap = z.infer<typeof EvidenceMap>;
export type EvidenceEntry = EvidenceMap['entries'][number];

/** Pure: validates the map against the checklist: every question and choice it names must exist. */
export function validateEvidenceMap(file: string, text: string, checklist: LoadedChecklist): { ok: true; map: EvidenceMap } | { ok: false; problems: Problem[] } {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const { parsed, problems } = parseTolerantly(doc, EvidenceMap);
  if (!parsed) return { ok: false, problems };
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  parsed.data.entries.forEach((e, i) => {
    const q = byId.get(e.question);
    if (!q) return problems.push(located(doc, ['entries', i, 'question'], `unknown question "${e.question}"`));
    const ids = new Set([...q.choices.map((c) => c.id)]);
    const named = [...(Array.isArray(e.proposes) ? e.proposes : e.proposes ? [e.proposes] : []), ...('anyOf' in e.contradicts ? e.contradicts.anyOf : [e.contradicts.missing])];
    for (const id of named) if (!ids.has(id)) problems.push(located(doc, ['entries', i], `"${e.question}" has no choice "${id}"`));
  });
  return problems.length ? { ok: false, problems } : { ok: true, map: parsed.data };
}
