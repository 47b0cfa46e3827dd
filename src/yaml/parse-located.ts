// Parses YAML while keeping source positions, so that any problem found later (by zod or by our
// own rules) can be reported with the line and column the user has to edit.
import { LineCounter, parseDocument, isNode, isPair, isMap, isSeq, isScalar, type Document } from 'yaml';
import type { Problem } from '../errors.js';

export interface LocatedDocument {
  file: string;
  data: unknown;
  /** Problems found while parsing (syntax errors, duplicate keys). Empty when the YAML is sound. */
  problems: Problem[];
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

export function parseLocated(file: string, text: string): LocatedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, column: pos.col, message: firstLine(e.message) };
  });
  const data = problems.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
