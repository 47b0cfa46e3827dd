// JSON with comments and trailing commas, parsed into plain data that cannot be turned against us:
// nesting is bounded before the (recursive) parser runs, and a "__proto__" key becomes an
// ordinary property instead of replacing the object's prototype.
import { visit, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { bracketDepth } from './depth.js';
import { maxNestingDepth } from './limits.js';

export type JsoncParsed = { ok: true; data: unknown } | { ok: false; offset: number; message: string; data?: unknown };

export function parseJsonc(text: string): JsoncParsed {
  if (bracketDepth(text) > maxNestingDepth) return { ok: false, offset: 0, message: `nested more than ${maxNestingDepth} levels deep: refused` };
  const errors: ParseError[] = [];
  const stack: (Record<string, unknown> | unknown[])[] = [];
  const keys: (string | undefined)[] = [];
  let root: unknown;
  let key: string | undefined;
  const put = (value: unknown) => {
    const top = stack.at(-1);
    if (!top) root = value;
    else if (Array.isArray(top)) top.push(value);
    else Object.defineProperty(top, key!, { value, enumerable: true, writable: true, configurable: true });
  };
  try {
    visit(
      text,
      {
        onObjectBegin: () => {
          const o = {};
          put(o);
          stack.push(o);
          keys.push(key);
        },
        onObjectProperty: (property) => {
          key = property;
        },
        onObjectEnd: () => {
          stack.pop();
          key = keys.pop();
        },
        onArrayBegin: () => {
          const a: unknown[] = [];
          put(a);
          stack.push(a);
          keys.push(key);
        },
        onArrayEnd: () => {
          stack.pop();
          key = keys.pop();
        },
        onLiteralValue: (value) => put(value),
        onError: (error, offset) => errors.push({ error, offset, length: 0 }),
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (err) {
    return { ok: false, offset: 0, message: err instanceof RangeError ? 'nested too deeply to read: refused' : `cannot be read: ${(err as Error).message}` };
  }
  if (errors.length) return { ok: false, offset: errors[0]!.offset, message: `invalid JSON: ${printParseErrorCode(errors[0]!.error)}`, data: root };
  return { ok: true, data: root };
}
