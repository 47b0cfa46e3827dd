// Pure: checklist text in, a resolved checklist or every problem found out. Never throws for
// bad input.
import { createHash } from 'node:crypto';
import type { Problem } from '../errors.js';
import { parseLocated, type LocatedDocument } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';
import { resolveQuestions, type LoadedChecklist } from './model.js';
import { checklistRules } from './rules.js';
import { Checklist } from './schema.js';

export type ChecklistResult = { ok: true; checklist: LoadedChecklist } | { ok: false; problems: Problem[] };

export function validateChecklist(file: string, text: string): ChecklistResult {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const { parsed, problems: schemaProblems } = parseTolerantly(doc, Checklist);
  if (!parsed) return { ok: false, problems: schemaProblems };
  const problems = [...schemaProblems, ...checklistRules.flatMap((rule) => rule(parsed.data)).map((p) => located(doc, p.path, p.message))];
  if (problems.length) return { ok: false, problems: sortProblems(problems) };
  const { scales: _scales, questions: _questions, ...rest } = parsed.data;
  return {
    ok: true,
    checklist: {
      ...rest,
      questions: resolveQuestions(parsed.data),
      hash: createHash('sha256').update(text).digest('hex'),
      source: file,
    },
  };
}

export function located(doc: LocatedDocument, path: (string | number)[], message: string): Problem {
  const pos = doc.locate(path);
  return { file: doc.file, line: pos?.line, column: pos?.column, path: path.join('.'), message };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
