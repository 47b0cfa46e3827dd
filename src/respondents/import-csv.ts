// A survey export (one row per respondent, one column per question id, as Microsoft Forms and
// Google Forms write them) turned into answers files. Pure: text in, answers files or located
// problems out. Parsed with csv-parse, never split by hand: quoted commas and line breaks in
// cells are common in exports.
import { parse } from 'csv-parse/sync';
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { AnswersFile } from '../answers/schema.js';
import { isRealDay } from '../day.js';
import type { Problem } from '../errors.js';

/** Columns that are not questions: who answered, and the assessment's metadata. */
export const metaColumns = ['respondent.name', 'respondent.role', 'metadata.organization', 'metadata.team', 'metadata.date'] as const;
/** Columns the form tools add on their own; read past, never an error. */
const formColumns = new Set(['timestamp', 'email address', 'email', 'id', 'start time', 'completion time', 'name', 'last modified time']);

/** The header row `init --format csv` writes: build the form from it. */
export function csvHeader(checklist: LoadedChecklist): string {
  return `${[...metaColumns, ...checklist.questions.map((q) => q.id)].join(',')}\r\n`;
}

export type Imported = { ok: true; files: { name: string; line: number; answers: AnswersFile }[] } | { ok: false; problems: Problem[] };

export function importCsv(file: string, text: string, checklist: LoadedChecklist): Imported {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { ok: false, problems: [{ file, line: e.lines, message: `not CSV: ${e.message.replace(/^Invalid Record Length: |^CsvError: /, '')}` }] };
  }
  if (!rows.length) return { ok: false, problems: [{ file, line: 1, message: 'no header row: start from `rollout-check init --format csv`' }] };
  // The long layout (`--csv-layout responses`: a row per respondent and question) is turned into
  // the wide one, a row per respondent, and read like any form export.
  if (rows[0]!.map((h) => h.trim()).includes('question_id')) rows = widen(rows);
  const header = rows[0]!.map((h) => h.trim());
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const problems: Problem[] = [];
  header.forEach((h, c) => {
    if (!byId.has(h) && !(metaColumns as readonly string[]).includes(h) && !formColumns.has(h.toLowerCase()))
      problems.push({
        file,
        line: 1,
        column: c + 1,
        message: `column "${h}" is not a question id of ${checklist.id} ${checklist.version} (nor ${metaColumns.join(', ')})`,
      });
  });
  const roles = checklist.roles?.map((r) => r.id) ?? [];
  const files: { name: string; line: number; answers: AnswersFile }[] = [];
  rows.slice(1).forEach((row, r) => {
    const line = r + 2;
    const cell = (name: string) => row[header.indexOf(name)]?.trim() ?? '';
    const answers: Record<string, string | number | string[]> = {};
    header.forEach((h, c) => {
      const q = byId.get(h);
      const raw = row[c]?.trim() ?? '';
      if (!q || raw === '') return;
      const value = cellValue(q, raw);
      if (typeof value === 'object' && 'problem' in value) problems.push({ file, line, column: c + 1, message: `row ${line}, column ${h}: ${value.problem}` });
      else answers[h] = value;
    });
    const name = cell('respondent.name') || `respondent ${r + 1}`;
    const role = cell('respondent.role') || 'other';
    if (roles.length && !roles.includes(role))
      problems.push({
        file,
        line,
        column: header.indexOf('respondent.role') + 1,
        message: `row ${line}, column respondent.role: "${role}" is not a role (roles: ${roles.join(', ')})`,
      });
    const metadata = Object.fromEntries(['organization', 'team', 'date'].map((k) => [k, cell(`metadata.${k}`)]).filter(([, v]) => v));
    if (metadata.date && !isRealDay(metadata.date))
      problems.push({
        file,
        line,
        column: header.indexOf('metadata.date') + 1,
        message: `row ${line}, column metadata.date: "${metadata.date}" is not a date as YYYY-MM-DD`,
      });
    files.push({ name, line, answers: { checklist: { id: checklist.id, version: checklist.version }, metadata, respondent: { name, role }, answers } });
  });
  return problems.length ? { ok: false, problems } : { ok: true, files };
}

function cellValue(q: ResolvedQuestion, raw: string): string | number | string[] | { problem: string } {
  if (raw.toLowerCase() === 'unknown') return 'unknown';
  if (q.type === 'number') {
    const n = Number(raw.replace(/%$/, ''));
    return Number.isFinite(n) ? n : { problem: `"${raw}" is not a number` };
  }
  const ids = q.choices.map((c) => c.id);
  // Forms export a choice by its label or its id; a multi-select answer as a list joined by ; or ,
  const toId = (x: string) => ids.find((id) => id === x) ?? q.choices.find((c) => c.label.toLowerCase() === x.toLowerCase())?.id;
  if (q.type === 'multi') {
    const parts = raw.split(/\s*[;,]\s*/).filter(Boolean);
    const bad = parts.find((x) => !toId(x));
    return bad ? { problem: `"${bad}" is not one of ${ids.join(', ')}` } : parts.map((x) => toId(x)!);
  }
  return toId(raw) ?? { problem: `"${raw}" is not one of ${ids.join(', ')}, unknown` };
}

/**
 * A long table (respondent.*, metadata.*, question_id, value, and columns read past) as a wide
 * one: a row per respondent, in the order they first appear, a column per question in the order
 * the questions first appear. A cell of the long table is the respondent's `value`.
 */
function widen(rows: string[][]): string[][] {
  const header = rows[0]!.map((h) => h.trim());
  const at = (name: string) => header.indexOf(name);
  const keys = metaColumns.filter((c) => at(c) >= 0);
  const questions: string[] = [];
  const people = new Map<string, { meta: string[]; answers: Map<string, string> }>();
  for (const row of rows.slice(1)) {
    const meta = keys.map((k) => row[at(k)]?.trim() ?? '');
    const id = row[at('question_id')]?.trim() ?? '';
    if (!id) continue;
    const who = JSON.stringify(meta);
    if (!people.has(who)) people.set(who, { meta, answers: new Map() });
    if (!questions.includes(id)) questions.push(id);
    people.get(who)!.answers.set(id, row[at('value')] ?? '');
  }
  return [[...keys, ...questions], ...[...people.values()].map((p) => [...p.meta, ...questions.map((q) => p.answers.get(q) ?? '')])];
}
