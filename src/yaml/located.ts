// A parsed YAML document that knows where each of its values came from, and the problems found in
// one, worded for the person who has to edit the file. Shared by the quick reading and `yaml`'s.
import type { Problem } from '../errors.js';
import { maxNestingDepth, maxYamlAliases } from '../parse-boundary/limits.js';

export interface LocatedDocument {
  file: string;
  data: unknown;
  /** Problems found while parsing (syntax errors, duplicate keys). Empty when the YAML is sound. */
  problems: Problem[];
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  /** The line alone, which a report cites: often known without `yaml` (see quick-read.ts). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function refused(file: string, problem: Problem): LocatedDocument {
  return { file, data: undefined, problems: [problem], locate: () => undefined, lineOf: () => undefined };
}

/** What went wrong, in the reader's terms: the library's wording names its internals. */
export function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/alias count/i.test(message)) return `more than ${maxYamlAliases} YAML aliases to expand (an alias bomb?): refused`;
  if (/unresolved alias/i.test(message)) return `a YAML alias (*name) refers to no anchor (&name) set before it`;
  if (err instanceof RangeError || /call stack/i.test(message)) return `nested too deeply to read (more than ${maxNestingDepth} levels): refused`;
  return `cannot be read: ${firstLine(message)}`;
}

export function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** A problem at a path of a parsed document, with its line and column when the path exists. */
export function located(doc: LocatedDocument, path: (string | number)[], message: string): Problem {
  const pos = doc.locate(path);
  return { file: doc.file, line: pos?.line, column: pos?.column, path: path.join('.'), message };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
