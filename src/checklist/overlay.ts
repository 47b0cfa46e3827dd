// Client overlays: extend a checklist by id without forking it. An overlay adds questions,
// rewrites text, changes weights or obligations, or ignores a question with a reason. Applying
// one is pure; every id it names must exist, and what it did is recorded for every report.
import * as z from '../zod-mini.js';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Problem } from '../errors.js';
import type { AppliedOverlay } from './applied-overlay.js';
import type { LocatedDocument } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';
import { Checklist, FailureModeId, Obligation, Question, Recommendation } from './schema.js';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/));

export const Overlay = z.strictObject({
  /** A name for this overlay, shown in reports. */
  id,
  /** The checklist it applies to; a version, when given, must match. */
  extends: z.strictObject({ id, version: z.optional(z.string()) }),
  add: z.optional(z.array(Question)),
  change: z.optional(
    z.array(
      z.strictObject({
        id,
        text: z.optional(z.string().check(z.minLength(1))),
        why: z.optional(z.string().check(z.minLength(1))),
        help: z.optional(z.string().check(z.minLength(1))),
        obligation: z.optional(Obligation),
        failureModes: z.optional(z.array(z.strictObject({ id: FailureModeId, weight: z.number().check(z.positive()) })).check(z.minLength(1))),
        metAt: z.optional(z.number().check(z.gte(0)).check(z.lte(1))),
        naAllowed: z.optional(z.boolean()),
        quick: z.optional(z.boolean()),
        recommendations: z.optional(z.array(Recommendation)),
      }),
    ),
  ),
  ignore: z.optional(z.array(z.strictObject({ id, reason: z.string().check(z.trim()).check(z.minLength(1, 'an ignored question needs a reason')) }))),
});
export type Overlay = z.infer<typeof Overlay>;

export interface OverlayResult {
  checklist: Checklist;
  applied: AppliedOverlay;
  ignored: Record<string, string>;
  problems: Problem[];
}

export function applyOverlay(base: Checklist, doc: LocatedDocument, text: string): OverlayResult {
  const none = { checklist: base, applied: emptyApplied(doc.file, text), ignored: {} };
  const { parsed, problems } = parseTolerantly(doc, Overlay);
  if (!parsed) return { ...none, problems };
  const o = parsed.data;
  const at = (path: (string | number)[], message: string): Problem => {
    const pos = doc.locate(path);
    return { file: doc.file, line: pos?.line, column: pos?.column, path: path.join('.'), message };
  };
  if (o.extends.id !== base.id) problems.push(at(['extends', 'id'], `overlay extends "${o.extends.id}", but the checklist is "${base.id}"`));
  // An overlay for a version the checklist still reads (its `compatible` list) applies unchanged.
  else if (o.extends.version !== undefined && o.extends.version !== base.version && !(base.compatible ?? []).includes(o.extends.version))
    problems.push(at(['extends', 'version'], `overlay is for ${base.id} ${o.extends.version}, but the checklist is ${base.version}`));

  const known = new Set(base.questions.map((q) => q.id));
  o.change?.forEach((c, i) => known.has(c.id) || problems.push(at(['change', i, 'id'], `overlay changes unknown question "${c.id}"`)));
  o.ignore?.forEach((c, i) => known.has(c.id) || problems.push(at(['ignore', i, 'id'], `overlay ignores unknown question "${c.id}"`)));
  o.add?.forEach((q, i) => known.has(q.id) && problems.push(at(['add', i, 'id'], `overlay adds "${q.id}", which the checklist already has (use change)`)));
  if (problems.length) return { ...none, problems };

  const changes = new Map((o.change ?? []).map((c) => [c.id, c]));
  const questions = base.questions.map((q) => {
    const c = changes.get(q.id);
    if (!c) return q;
    const { id: _id, ...fields } = c;
    return { ...q, ...fields };
  });
  return {
    checklist: { ...base, questions: [...questions, ...(o.add ?? [])] },
    applied: {
      id: o.id,
      file: basename(doc.file),
      sha256: sha256(text),
      added: (o.add ?? []).map((q) => q.id),
      changed: (o.change ?? []).map(({ id: qid, ...fields }) => ({ id: qid, fields: Object.keys(fields).sort() })),
      ignored: (o.ignore ?? []).map((x) => ({ id: x.id, reason: x.reason })),
    },
    ignored: Object.fromEntries((o.ignore ?? []).map((x) => [x.id, x.reason])),
    problems: [],
  };
}

function emptyApplied(file: string, text: string): AppliedOverlay {
  return { id: '', file: basename(file), sha256: sha256(text), added: [], changed: [], ignored: [] };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
