// The quick reading of a YAML file: js-yaml's event parser, for the plain documents that answers
// files, checklists and most agent configuration are. `yaml` (in parse-fully.ts) stays the
// authority: it alone reports errors, columns and anything unusual, and this reading only stands
// in for it where the two are known to agree. It earns its place on a short run: `yaml` spends
// more than ten milliseconds on a 2 KB answers file before its code is warm, js-yaml a few.
//
// Agreement is checked by test/unit/quick-read.test.ts, which generates documents and holds both
// readings side by side. Anything outside the plain subset below is handed back (undefined), and
// the caller reads the text with `yaml` exactly as it always did:
// - one document, with no directives and no `---` or `...` lines;
// - no anchors, aliases or tags (`yaml` guards aliases against "billion laughs", and its tags
//   differ from js-yaml's);
// - every scalar on one line (folding of multi-line and block scalars is where YAML parsers differ),
//   and every flow collection on one line;
// - every key a plain or quoted scalar that is not null (`yaml` turns a null key into "");
// - no tab characters, no carriage return without a line feed, no byte-order mark, no line longer
//   than 1,000 characters (the corners where `yaml` refuses what js-yaml reads).
import { constructFromEvents, CORE_SCHEMA, COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { maxNestingDepth } from '../parse-boundary/limits.js';

export interface QuickDocument {
  data: unknown;
  /**
   * The line (1-based) `yaml` gives for a path (parse-fully.ts, offsetOf): the deepest node on it
   * that exists; for a mapping value, its key's line, or the value's own when it is a scalar.
   * Undefined where this reading cannot say for certain (an empty value): ask `yaml`.
   */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A key's or an item's lines: `line` is undefined for an empty value, whose place only `yaml` knows. */
interface Place {
  keyLine?: number;
  line: number | undefined;
  inner?: Container;
}
/**
 * A mapping or a sequence. `inexact`: a mapping with a key `yaml` may match by another spelling
 * (`0x1F` is key 31 to it): a key not found there may still be there, so only `yaml` can say.
 */
type Container = { keys: Map<string, Place>; inexact: boolean } | { items: Place[] };

interface Frame {
  container?: Container;
  /** In a mapping: the key just read, waiting for its value. */
  key?: { name: string; line: number };
  /** A flow collection's line: everything in it must be on that line. */
  flowLine?: number;
}

const longestLine = 1000;
/** A directive, or a line that starts or ends a document: `yaml` and js-yaml part ways around these. */
const documentMarker = /^ *(?:%|---|\.\.\.)/m;

export function quickRead(text: string): QuickDocument | undefined {
  if (!plainText(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: maxNestingDepth });
  } catch {
    return undefined;
  }
  const lineAt = lineCounter(text);
  const stack: Frame[] = [];
  let documents = 0;
  let top: Place | undefined;
  /** Records a node's place in the collection holding it; false when that needs `yaml`. */
  const place = (parent: Frame | undefined, line: number | undefined, inner?: Container): boolean => {
    const c = parent?.container;
    if (!c) top = { line, inner };
    else if ('items' in c) c.items.push({ line, inner });
    else if (parent.key) {
      c.keys.set(parent.key.name, { keyLine: parent.key.line, line, inner });
      parent.key = undefined;
    } else return false;
    return true;
  };
  for (const e of events) {
    const parent = stack.at(-1);
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || e.directives.length) return undefined;
        stack.push({});
        break;
      case EVENT_ID.ALIAS:
        return undefined;
      case EVENT_ID.SCALAR: {
        if (e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
        if (e.style !== SCALAR_STYLE.PLAIN && e.style !== SCALAR_STYLE.SINGLE_QUOTED && e.style !== SCALAR_STYLE.DOUBLE_QUOTED) return undefined;
        const empty = e.valueStart === -1;
        const line = empty ? undefined : lineAt(e.valueStart);
        if (!empty && line !== lineAt(e.valueEnd)) return undefined;
        if (parent?.flowLine !== undefined && line !== undefined && line !== parent.flowLine) return undefined;
        if (parent?.container && 'keys' in parent.container && !parent.key) {
          const name = keyName(text, e);
          if (name === undefined || parent.container.keys.has(name)) return undefined;
          if (e.style === SCALAR_STYLE.PLAIN && notText.test(name)) parent.container.inexact = true;
          parent.key = { name, line: line! };
        } else place(parent, line);
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
        const line = lineAt(e.start);
        const flowLine = e.style === COLLECTION_STYLE.FLOW ? line : undefined;
        if (parent?.flowLine !== undefined && flowLine !== parent.flowLine) return undefined;
        const container: Container = e.type === EVENT_ID.MAPPING ? { keys: new Map(), inexact: false } : { items: [] };
        // A collection as a key: `yaml` and js-yaml turn it into different strings.
        if (!place(parent, line, container)) return undefined;
        stack.push({ container, flowLine });
        break;
      }
      case EVENT_ID.POP:
        // A key with no value after it: leave such a mapping to `yaml`.
        if (stack.pop()?.key) return undefined;
        break;
    }
  }
  let data: unknown;
  try {
    data = constructFromEvents(events, { source: text, schema: CORE_SCHEMA })[0];
  } catch {
    return undefined;
  }
  // An empty document: `yaml` says null where js-yaml says nothing at all.
  if (data === undefined) return undefined;
  return {
    data,
    lineOf(path) {
      let best = top?.line;
      let inner = top?.inner;
      for (const segment of path) {
        if (!inner) break;
        if ('keys' in inner) {
          const at = inner.keys.get(String(segment));
          if (!at) {
            if (inner.inexact) return undefined;
            break;
          }
          best = at.inner ? at.keyLine : at.line;
          inner = at.inner;
        } else {
          const at = inner.items[Number(segment)];
          if (!at) break;
          best = at.line;
          inner = at.inner;
        }
        if (best === undefined) return undefined;
      }
      return best === undefined ? undefined : best + 1;
    },
  };
}

/**
 * A key's text, or undefined for a null key. A plain key that reads as a number or a boolean keeps
 * its spelling (`0x1F`, not "31"): a path asked for by its value then finds nothing, and the caller
 * asks `yaml`, which is slower but never wrong.
 */
function keyName(text: string, e: ScalarEvent): string | undefined {
  if (e.valueStart === -1) return undefined;
  const source = getScalarValue(text, e);
  return e.style === SCALAR_STYLE.PLAIN && nullKey.test(source) ? undefined : source;
}

/** The core schema's null, as `yaml` reads it. */
const nullKey = /^(?:~|[Nn]ull|NULL)?$/;
/** A plain key that may read as a number or a boolean, which `yaml` matches by its value. */
const notText = /^[-+.0-9]|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

function plainText(text: string): boolean {
  if (text.includes('\t') || text.includes('\uFEFF') || /\r(?!\n)/.test(text) || documentMarker.test(text)) return false;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > longestLine) return false;
    if (end === -1) return true;
    start = end + 1;
  }
}

/**
 * The 0-based line of an offset. Events come in the order of the text, so each lookup walks on
 * from the last one (and back, should an offset ever be earlier).
 */
function lineCounter(text: string): (offset: number) => number {
  let line = 0;
  let start = 0;
  let next = text.indexOf('\n');
  return (offset) => {
    while (next !== -1 && offset > next) {
      line++;
      start = next + 1;
      next = text.indexOf('\n', start);
    }
    while (offset < start) {
      next = start - 1;
      start = text.lastIndexOf('\n', next - 1) + 1;
      line--;
    }
    return line;
  };
}
