// The evidence map: which scanner findings bear on which answers (policies/evidence-map.yaml).
import * as z from '../zod-mini.js';
import type { LoadedChecklist } from './model.js';
import { located } from '../yaml/parse-located.js';
import type { Problem } from '../errors.js';
import { parseLocated } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';

const entrySchema = (finding: RegExp) =>
  z.strictObject({
    finding: z.string().check(z.regex(finding)),
    question: z.string(),
    /** The answer this finding suggests for an unanswered or unknown question. */
    proposes: z.optional(z.union([z.string(), z.array(z.string())])),
    /**
     * For single-choice questions: the answer the finding shows to be true, scored in place of a
     * contradicted claim. Multi-select answers are adjusted from `contradicts` itself.
     */
    implies: z.optional(z.string()),
    /** Absent when the finding can only suggest an answer, never dispute one (protections). */
    contradicts: z.optional(z.union([z.strictObject({ anyOf: z.array(z.string()).check(z.minLength(1)) }), z.strictObject({ missing: z.string() })])),
    /** The answers the finding bears out: an answer that includes one of these is corroborated. */
    corroborates: z.optional(z.strictObject({ anyOf: z.array(z.string()).check(z.minLength(1)) })),
    /**
     * The least severity at which the finding disputes an answer: a milder one still proposes. An
     * answer about workflows that can write is not contradicted by an agent that can write nothing.
     */
    disputesFrom: z.optional(z.enum(['low', 'medium', 'high'])),
  });

// Built on first use: a run that never reads the YAML map (the build validated it) never builds it.
const evidenceMapSchema = () =>
  z.strictObject({
    checklist: z.string(),
    entries: z.array(entrySchema(/^[a-z-]+\.[a-z0-9-]+$/)),
    /**
     * How platform settings (a bundle saved by `collect github`) bear on answers: the same rules as
     * the scanner's findings, read from GitHub's answers instead of the repository's files.
     */
    platform: z._default(z.array(entrySchema(/^platform\.[a-z0-9-]+$/)), []),
    /**
     * How signals from the git history bear on answers. The history never changes an answer: it
     * proposes one where there is none, and where it disagrees the report shows both side by side.
     */
    history: z._default(
      z.array(
        z.strictObject({
          signal: z.string().check(z.regex(/^history\.[a-z0-9-]+$/)),
          question: z.string(),
          /** A choice (or choices), or "measured": the signal's own figure, for a number question. */
          proposes: z.optional(z.union([z.string(), z.array(z.string())])),
          /** The answers the signal disagrees with, or "better-band": a number claimed in a better band than measured. */
          disagrees: z.optional(z.union([z.array(z.string()).check(z.minLength(1)), z.literal('better-band')])),
        }),
      ),
      [],
    ),
  });
let built: ReturnType<typeof evidenceMapSchema> | undefined;
export type EvidenceMap = z.infer<ReturnType<typeof evidenceMapSchema>>;
export type EvidenceEntry = EvidenceMap['entries'][number];

/** Pure: validates the map against the checklist: every question and choice it names must exist. */
export function validateEvidenceMap(
  file: string,
  text: string,
  checklist: LoadedChecklist,
): { ok: true; map: EvidenceMap } | { ok: false; problems: Problem[] } {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const { parsed, problems } = parseTolerantly(doc, (built ??= evidenceMapSchema()));
  if (!parsed) return { ok: false, problems };
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const checkEntry = (section: 'entries' | 'platform') => (e: EvidenceEntry, i: number) => {
    const q = byId.get(e.question);
    if (!q) return problems.push(located(doc, [section, i, 'question'], `unknown question "${e.question}"`));
    const ids = new Set([...q.choices.map((c) => c.id)]);
    const contradicted = !e.contradicts ? [] : 'anyOf' in e.contradicts ? e.contradicts.anyOf : [e.contradicts.missing];
    const corroborated = e.corroborates?.anyOf ?? [];
    const named = [
      ...(Array.isArray(e.proposes) ? e.proposes : e.proposes ? [e.proposes] : []),
      ...contradicted,
      ...corroborated,
      ...(e.implies ? [e.implies] : []),
    ];
    for (const id of named) if (!ids.has(id)) problems.push(located(doc, [section, i], `"${e.question}" has no choice "${id}"`));
    const both = corroborated.filter((id) => contradicted.includes(id));
    if (both.length) problems.push(located(doc, [section, i], `${both.map((b) => `"${b}"`).join(', ')} both contradicted and corroborated by one finding`));
    if (!e.contradicts) {
      if (e.implies !== undefined)
        problems.push(located(doc, [section, i, 'implies'], `"implies" needs "contradicts": it is what a contradicted answer is scored as`));
    } else if (q.type === 'multi') {
      if (e.implies !== undefined)
        problems.push(
          located(doc, [section, i, 'implies'], `"${e.question}" is multi-select: the adjusted answer follows from "contradicts", so leave "implies" out`),
        );
    } else if ('missing' in e.contradicts) {
      problems.push(located(doc, [section, i, 'contradicts'], `"missing" only applies to multi-select questions; "${e.question}" takes one answer: use anyOf`));
    } else if (e.implies === undefined) {
      problems.push(located(doc, [section, i], `"${e.question}" takes one answer: say which choice the finding implies ("implies")`));
    } else if (contradicted.includes(e.implies)) {
      problems.push(located(doc, [section, i, 'implies'], `"${e.implies}" is one of the answers this entry contradicts`));
    } else if (!q.context) {
      // A dispute may only lower an answer: evidence against a claim never earns points.
      const score = (id: string) => q.choices.find((c) => c.id === id)?.score ?? 0;
      const higher = contradicted.filter((id) => score(id) <= score(e.implies!));
      if (higher.length)
        problems.push(
          located(
            doc,
            [section, i, 'implies'],
            `"${e.implies}" scores at least as much as the contradicted ${higher.map((h) => `"${h}"`).join(', ')}: a dispute must lower the answer`,
          ),
        );
    }
  };
  parsed.data.entries.forEach(checkEntry('entries'));
  parsed.data.platform.forEach(checkEntry('platform'));
  parsed.data.history.forEach((e, i) => {
    const q = byId.get(e.question);
    if (!q) return problems.push(located(doc, ['history', i, 'question'], `unknown question "${e.question}"`));
    if (q.type === 'number') {
      if (e.proposes !== undefined && e.proposes !== 'measured')
        problems.push(located(doc, ['history', i, 'proposes'], `"${e.question}" takes a number: propose "measured"`));
      if (e.disagrees !== undefined && e.disagrees !== 'better-band')
        problems.push(located(doc, ['history', i, 'disagrees'], `"${e.question}" takes a number: use "better-band"`));
      return;
    }
    const ids = new Set(q.choices.map((c) => c.id));
    const named = [...(Array.isArray(e.proposes) ? e.proposes : e.proposes ? [e.proposes] : []), ...(Array.isArray(e.disagrees) ? e.disagrees : [])];
    for (const id of named) if (!ids.has(id)) problems.push(located(doc, ['history', i], `"${e.question}" has no choice "${id}"`));
    if (e.disagrees === 'better-band')
      problems.push(located(doc, ['history', i, 'disagrees'], `"better-band" is for number questions; "${e.question}" takes choices`));
  });
  return problems.length ? { ok: false, problems } : { ok: true, map: parsed.data };
}
