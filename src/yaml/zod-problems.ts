// Turns zod issues into located, one-line problems a person can act on.
import { safeParse, type $ZodError, type $ZodIssue, type $ZodType, type output } from 'zod/v4/core';
import type { Problem } from '../errors.js';
import type { LocatedDocument } from './parse-located.js';

/**
 * Parses with a strict schema. Unknown keys alone do not stop validation: they are reported, then
 * dropped so the semantic rules can still run and the author sees every problem in one go. Any zod
 * schema, classic or mini: both are parsed by zod's core.
 */
export function parseTolerantly<T extends $ZodType>(doc: LocatedDocument, schema: T): { parsed?: { data: output<T> }; problems: Problem[] } {
  const first = safeParse(schema, doc.data, { reportInput: true });
  if (first.success) return { parsed: { data: first.data }, problems: [] };
  const problems = zodProblems(doc, first.error);
  if (!first.error.issues.every((i) => i.code === 'unrecognized_keys')) return { problems };
  const pruned = structuredClone(doc.data);
  for (const issue of first.error.issues) {
    const holder = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)?.[key], pruned);
    if (issue.code === 'unrecognized_keys' && holder && typeof holder === 'object')
      for (const key of issue.keys) delete (holder as Record<string, unknown>)[key];
  }
  const second = safeParse(schema, pruned, { reportInput: true });
  return second.success ? { parsed: { data: second.data }, problems } : { problems };
}

export function zodProblems(doc: LocatedDocument, error: $ZodError): Problem[] {
  const problems = error.issues
    .flatMap((issue) => flatten(issue))
    .map((issue) => {
      const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k.description) : k));
      // Point an unknown key at the key itself, not at the start of the mapping holding it.
      const pos = doc.locate(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path);
      return {
        file: doc.file,
        line: pos?.line,
        column: pos?.column,
        path: path.join('.') || undefined,
        message: describe(issue),
      };
    });
  const unique = new Map(problems.map((p) => [`${p.line}:${p.column}:${p.message}`, p]));
  return [...unique.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

type Issue = $ZodIssue;

// A union (conditions) reports one nested issue list per branch; the branch that got furthest
// is the one the author meant, so report its issues rather than "invalid input".
function flatten(issue: Issue): Issue[] {
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const branches = issue.errors.map((errs) => errs.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as Issue));
    const best = branches.reduce((a, b) => (score(b) < score(a) ? b : a));
    return best.flatMap(flatten);
  }
  return [issue];
}

function score(issues: Issue[]): number {
  // Fewer issues, and fewer "unknown key" issues, means a closer match.
  return issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? 3 : 1), 0);
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `missing required key "${String(issue.path.at(-1))}"` : `expected ${issue.expected}, found ${kind(issue.input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
