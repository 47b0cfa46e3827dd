// Parses YAML while keeping source positions, so that any problem found later (by zod or by our
// own rules) can be reported with the line and column the user has to edit. A plain document is
// read quickly by js-yaml (quick-read.ts); `yaml` reads the rest, and answers any question about
// a column or a problem (parse-fully.ts).
import { nestsDeeperThan, rawBracketDepth } from '../parse-boundary/depth.js';
import { maxNestingDepth, maxYamlBracketDepth } from '../parse-boundary/limits.js';
import { refused, type LocatedDocument } from './located.js';
import { parseFully } from './parse-fully.js';
import { quickRead } from './quick-read.js';

export { describeFailure, located, sortProblems, type LocatedDocument } from './located.js';

/**
 * Never throws for anything the text contains: syntax errors, alias bombs, unresolved aliases,
 * nesting deep enough to exhaust the stack all come back as located problems.
 */
export function parseLocated(file: string, text: string): LocatedDocument {
  if (rawBracketDepth(text) > maxYamlBracketDepth) return refused(file, { file, line: 1, message: `nested more than ${maxNestingDepth} levels deep: refused` });
  const quick = quickRead(text);
  if (!quick || nestsDeeperThan(quick.data, maxNestingDepth)) return parseFully(file, text);
  // Columns, and lines the quick reading cannot vouch for, come from `yaml`, read only if asked.
  let full: LocatedDocument | undefined;
  const fully = () => (full ??= parseFully(file, text));
  return { file, data: quick.data, problems: [], locate: (path) => fully().locate(path), lineOf: (path) => quick.lineOf(path) ?? fully().lineOf(path) };
}
