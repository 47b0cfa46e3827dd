// mapStrings shares what it leaves unchanged: the result must still equal a full copy with every
// string mapped, and the value it was given must come out untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, mapStrings } from '../../src/text.js';

/** What mapStrings did before it shared: a full copy. */
function copyMapped(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => copyMapped(v, fn));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      Object.defineProperty(out, key, { value: copyMapped((value as Record<string, unknown>)[key], fn), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

const text = fc.oneof(fc.constantFrom('plain', 'a|b', '<b>', 'x\ny', '&'), fc.string({ maxLength: 5 }));
const json = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constant('__proto__')), tie('v'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;

describe('mapStrings', () => {
  it('equals a full copy with every string mapped, and leaves its input as it was', () => {
    fc.assert(
      fc.property(json, (value) => {
        const before = structuredClone(value);
        const mapped = mapStrings(value, escapeMarkdown);
        expect(mapped).toStrictEqual(copyMapped(value, escapeMarkdown));
        expect(value).toStrictEqual(before);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });

  it('shares what needs no change, and never puts a key on the prototype', () => {
    const inner = { a: 'plain', b: ['x', 'y'] };
    const value = { keep: inner, change: { c: 'a|b' } };
    const mapped = mapStrings(value, escapeMarkdown);
    expect(mapped.keep).toBe(inner);
    expect(mapped.change).toEqual({ c: 'a\\|b' });
    const hostile = mapStrings(JSON.parse('{"__proto__": {"polluted": "a|b"}}') as Record<string, unknown>, escapeMarkdown);
    expect(Object.keys(hostile)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype);
  });
});
