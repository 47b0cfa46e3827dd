// The reading by `yaml`: the authority on every YAML file, and the only one that reports problems
// and columns. A clean run seldom needs it (see quick-read.ts), so the build loads this module, and
// the library with it, on first use only (loadedOnUse in scripts/build.mjs).
import { LineCounter, parseDocument, isNode, isPair, isMap, isSeq, isScalar, visit, type Document } from 'yaml';
import type { Problem } from '../errors.js';
import { nestsDeeperThan } from '../parse-boundary/depth.js';
import { maxNestingDepth, maxYamlAliases } from '../parse-boundary/limits.js';
import { describeFailure, firstLine, refused, type LocatedDocument } from './located.js';
import { unclosedFlowAt } from './unclosed.js';

/** Never throws for anything the text contains (see parseLocated). */
export function parseFully(file: string, text: string): LocatedDocument {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return refused(file, { file, line: 1, message: describeFailure(err) });
  }
  // An unclosed bracket: one problem where it opened; what the parser says after it is noise.
  // Only when the bracket opened before the first error: an earlier error is not its follow-on.
  const unclosed = doc.errors.find((e) => /^Flow (sequence|map)\b.*end with an? [\]}]/.test(e.message));
  const at = unclosed && unclosedFlowAt(text, unclosed.pos[0]);
  if (unclosed && at !== undefined && doc.errors.every((e) => e.pos[0] >= at)) {
    const closer = unclosed.message.includes('end with a ]') ? ']' : '}';
    const pos = lineCounter.linePos(at);
    const what =
      closer === ']'
        ? 'the list opened with "[" here is never closed: add "]" at its end'
        : 'the mapping opened with "{" here is never closed: add "}" at its end';
    return refused(file, { file, line: pos.line, column: pos.col, message: what });
  }
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    // The parser reports some failures of its own (a stack overflow on deep nesting) as errors.
    return {
      file,
      line: pos.line,
      column: pos.col,
      message: /call stack/i.test(e.message) ? describeFailure(new RangeError(e.message)) : firstLine(e.message),
    };
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
  const locate = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc, path);
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { file, data, problems, locate, lineOf: (path) => locate(path)?.line };
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
