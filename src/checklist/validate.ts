// Pure: checklist text in, a resolved checklist or every problem found out. Never throws for
// bad input.
import { createHash } from 'node:crypto';
import type { Problem } from '../errors.js';
import { located, parseLocated, sortProblems } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';
import { resolveQuestions, type LoadedChecklist } from './model.js';
import { checklistRules } from './rules.js';
import { applyOverlay } from './overlay.js';
import { Checklist } from './schema.js';

export type ChecklistResult = { ok: true; checklist: LoadedChecklist } | { ok: false; problems: Problem[] };

export interface SourceText {
  file: string;
  text: string;
}

/** Validates a checklist, with any client overlays applied in order on top of it. */
export function validateChecklist(file: string, text: string, overlays: SourceText[] = []): ChecklistResult {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const { parsed, problems: schemaProblems } = parseTolerantly(doc, Checklist);
  if (!parsed) return { ok: false, problems: schemaProblems };
  const baseProblems = [...schemaProblems, ...checklistRules.flatMap((rule) => rule(parsed.data)).map((p) => located(doc, p.path, p.message))];
  if (baseProblems.length) return { ok: false, problems: sortProblems(baseProblems) };

  let merged = parsed.data;
  const applied: LoadedChecklist['overlays'] = [];
  const ignored: Record<string, string> = {};
  for (const overlay of overlays) {
    const odoc = parseLocated(overlay.file, overlay.text);
    if (odoc.problems.length) return { ok: false, problems: odoc.problems };
    const result = applyOverlay(merged, odoc, overlay.text);
    if (result.problems.length) return { ok: false, problems: sortProblems(result.problems) };
    merged = result.checklist;
    applied.push(result.applied);
    Object.assign(ignored, result.ignored);
  }
  if (overlays.length) {
    // Rules again on the result: an overlay can break what the checklist alone satisfied.
    const mergedProblems = checklistRules.flatMap((rule) => rule(merged));
    if (mergedProblems.length)
      return {
        ok: false,
        problems: mergedProblems.map((p) => ({ file: overlays.at(-1)!.file, path: p.path.join('.'), message: `after applying overlays: ${p.message}` })),
      };
  }
  const { scales: _scales, questions: _questions, ...rest } = merged;
  return {
    ok: true,
    checklist: {
      ...rest,
      questions: resolveQuestions(merged).map((q) => (ignored[q.id] ? { ...q, ignored: ignored[q.id] } : q)),
      hash: createHash('sha256').update(text).digest('hex'),
      source: file,
      overlays: applied,
    },
  };
}

// Kept here too for the modules that name them from the checklist validator.
export { located, sortProblems };
