// Parses YAML while keeping source positions, so that any problem found later (by zod or by our
// own rules) can be reported with the line and column the user has to edit.
import { LineCounter, parseDocument, isNode, isPair, isMap, isSeq, isScalar, visit, type Document } from 'yaml';
import type { Problem } from '../errors.js';
import { nestsDeeperThan, rawBracketDepth } from '../input/depth.js';
import { maxNestingDepth, maxYamlAliases, maxYamlBracketDepth } from '../input/limits.js';

export interface LocatedDocument {
  file: string;
  data: unknown;
  /** Problems found while parsing (syntax errors, duplicate keys). Empty when the YAML is sound. */
  problems: Problem[];
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

/**
 * Never throws for anything the text contains: syntax errors, alias bombs, unresolved aliases,
 * nesting deep enough to exhaust the stack all come back as located problems.
 */
export function parseLocated(file: string, text: string): LocatedDocument {
  const lineCounter = new LineCounter();
  if (rawBracketDepth(text) > maxYamlBracketDepth)
    return failed(file, { file, line: 1, message: `nested more than ${maxNestingDepth} levels deep: refused` });
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return failed(file, { file, line: 1, message: describeFailure(err) });
  }
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    // The parser reports some failures of its own (a stack overflow on deep nesting) as errors.
    return { file, line: pos.line, column: pos.col, message: /call stack/i.test(e.message) ? describeFailure(new RangeError(e.message)) : firstLine(e.message) };
  });
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: maxYamlAliases });
      if (nestsDeeperThan(data, maxNestingDepth)) problems.push({ file, line: 1, message: `nested more than ${maxNestingDepth} levels deep: refused` });
    } catch (err) {
      const at = firstAlias(doc);
      const pos = at === undefined ? { line: 1, col: 1 } : lineCounter.linePos(at);
      problems.push({ file, line: pos.line, column: pos.col, message: describeFailure(err) });
    }
    if (problems.length) data = undefined;
  }
  return {
    file,
    data,
    problems,
    locate: (path) => {
      const offset = offsetOf(doc, path);
      if (offset === undefined) return undefined;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

/** The offset of the deepest node on `path` that exists (a missing key points at its parent). */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let best = isNode(node) ? node.range?.[0] : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key));
      if (!pair) break;
      // Point at the key: for "unknown key" and "wrong value" alike the key's line is what to edit.
      const keyNode = pair.key;
      if (isNode(keyNode) && keyNode.range) best = keyNode.range[0];
      node = pair.value;
      if (isNode(node) && node.range && !isMap(node) && !isSeq(node)) best = node.range[0];
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (!isNode(item)) break;
      node = item;
      if (item.range) best = item.range[0];
    } else break;
  }
  return best;
}

function failed(file: string, problem: Problem): LocatedDocument {
  return { file, data: undefined, problems: [problem], locate: () => undefined };
}

/** What went wrong, in the reader's terms: the library's wording names its internals. */
export function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/alias count/i.test(message)) return `more than ${maxYamlAliases} YAML aliases to expand (an alias bomb?): refused`;
  if (/unresolved alias/i.test(message)) return `a YAML alias (*name) refers to no anchor (&name) set before it`;
  if (err instanceof RangeError || /call stack/i.test(message)) return `nested too deeply to read (more than ${maxNestingDepth} levels): refused`;
  return `cannot be read: ${firstLine(message)}`;
}

function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  try {
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
  } catch {
    // Too deep to walk: the caller points at the first line.
  }
  return offset;
}

function firstLine(message: string): string {
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
