// The quick check of an answers file stands in for zod only where zod would pass the file and give
// the same data back. This holds it to that, on generated files near and far from right, and on
// every answers file the repository ships.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { quickAnswersCheck, quickCheckAnswers, shapeOfCheck } from '../../src/answers/quick-check.js';
import { AnswersFile } from '../../src/answers/schema.js';
import { parseLocated } from '../../src/yaml/parse-located.js';

/** Keys in order, all the way down: zod builds objects in its schema's order, and so must the check. */
const keyOrder = (v: unknown): unknown =>
  v && typeof v === 'object' ? (Array.isArray(v) ? v.map(keyOrder) : Object.entries(v).map(([k, x]) => [k, keyOrder(x)])) : typeof v;

function disagreement(data: unknown): string | null {
  const quick = quickCheckAnswers(data);
  if (quick === undefined) return null;
  const zod = safeParse(AnswersFile, data);
  if (!zod.success) return `quick passed what zod refuses: ${zod.error.issues[0]?.message}`;
  if (!isDeepStrictEqual(quick, zod.data)) return `data differ: quick ${JSON.stringify(quick)} zod ${JSON.stringify(zod.data)}`;
  if (!isDeepStrictEqual(keyOrder(quick), keyOrder(zod.data))) return 'key order differs';
  return null;
}

const str = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('x', 'yes', 'unknown', '  padded ', 'FM1', '2026-11-09', 'rule@path', 'Team Blue', '\u00a0y\u00a0', '\ufeffz') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', 'FM9', '2026-02-30', '2026-1-1', '__proto__') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const num = fc.oneof(fc.constantFrom(0, -0, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308), fc.double());
const scalar = fc.oneof(str, num, fc.boolean(), fc.constant(null), fc.constant(new Date(Date.UTC(2026, 10, 9))), fc.constant(new Date(Number.NaN)));
/** Something of the right shape most of the time, and anything at all now and then. */
const maybe = <T>(right: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: right }, { weight: 1, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) });
const extraKey = fc.constantFrom('note', 'extra', '__proto__', 'answer', 'constructor');
/** An object with some of these keys, and now and then one it should not have. */
const someOf = (fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[] = []) =>
  fc
    .tuple(fc.record(fields, { requiredKeys }), fc.oneof({ weight: 25, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(extraKey, scalar) }))
    .map(([o, extra]) => {
      // Built by JSON.parse-like definition, so that "__proto__" is an own key, as YAML readers make it.
      const out: Record<string, unknown> = { ...o };
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return out;
    });

const answerValue = fc.oneof(str, num, fc.array(str, { maxLength: 3 }));
const entry = fc.oneof(
  answerValue,
  someOf(
    {
      answer: maybe(answerValue),
      note: maybe(str),
      evidence: maybe(fc.array(str, { maxLength: 2 })),
      acknowledge: maybe(fc.array(someOf({ finding: maybe(str), reason: maybe(str) }), { maxLength: 2 })),
      accepted: maybe(someOf({ reason: maybe(str), owner: maybe(str), until: maybe(fc.oneof(str, fc.constant(new Date(Date.UTC(2027, 0, 1))))) })),
    },
    ['answer'],
  ),
  someOf({ na: maybe(str), note: maybe(str), evidence: maybe(fc.array(str, { maxLength: 2 })) }, ['na']),
);
const answersFile = someOf(
  {
    checklist: maybe(someOf({ id: maybe(str), version: maybe(str) }, ['id', 'version'])),
    metadata: fc.oneof(
      fc.constant(null),
      maybe(
        someOf({
          organization: maybe(str),
          team: maybe(str),
          assessor: maybe(str),
          date: maybe(str),
          client: maybe(str),
          engagement: maybe(str),
          logo: maybe(str),
        }),
      ),
    ),
    scope: maybe(someOf({ quick: maybe(fc.boolean()), failureModes: maybe(fc.array(fc.constantFrom('FM1', 'FM3', 'FM7', 'FM8', ''), { maxLength: 3 })) })),
    respondent: maybe(someOf({ name: maybe(str), role: maybe(str) })),
    answers: fc.oneof(
      fc.constant(null),
      maybe(
        fc.dictionary(fc.oneof(fc.constantFrom('fm1.work-split', '__proto__', ''), fc.string({ maxLength: 4 })), entry, { maxKeys: 4, noNullPrototype: true }),
      ),
    ),
  },
  ['checklist'],
);

describe('the quick check of an answers file', () => {
  it('agrees with zod on generated files', () => {
    let vouched = 0;
    fc.assert(
      fc.property(answersFile, (data) => {
        if (quickCheckAnswers(data) !== undefined) vouched++;
        return disagreement(data) === null;
      }),
      { seed: 20261204, numRuns: 20_000 },
    );
    // A check that vouches for nothing would agree with anything: it must vouch for a fair share.
    expect(vouched).toBeGreaterThan(500);
  });

  it('vouches for every answers file the repository ships, exactly as zod reads it', () => {
    const files = readdirSync('examples', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.yaml$/.test(f) && !f.includes('portfolio/results'))
      .map((f) => join('examples', f));
    const answers = files.filter((f) => /^checklist:/m.test(readFileSync(f, 'utf8')));
    expect(answers.length).toBeGreaterThan(5);
    for (const file of answers) {
      const data = parseLocated(file, readFileSync(file, 'utf8')).data;
      expect(quickCheckAnswers(data), file).toBeDefined();
      expect(disagreement(data), file).toBeNull();
    }
  });

  it('leaves to zod what it cannot vouch for', () => {
    const base = { checklist: { id: 'c', version: '1' } };
    for (const data of [
      {},
      { ...base, extra: 1 },
      { ...base, metadata: { date: '2026-02-30' } },
      { ...base, metadata: { team: '  ' } },
      { ...base, answers: { q: '' } },
      { ...base, answers: { q: Number.NaN } },
      { ...base, answers: { q: { answer: 'a', note: 'n', extra: true } } },
      { ...base, scope: { failureModes: [] } },
    ])
      expect(quickCheckAnswers(data), JSON.stringify(data)).toBeUndefined();
    expect(quickCheckAnswers({ ...base, metadata: { team: '  Blue  ' }, answers: { q: { na: ' not here ' } } })).toEqual({
      ...base,
      metadata: { team: 'Blue' },
      answers: { q: { na: 'not here' } },
    });
  });
});

/** Every object key the schema knows, by path ("answers.*.acknowledge[].reason"): the keys zod reads. */
function schemaKeys(schema: unknown, path = ''): string[] {
  const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, s]) => [`${path}${k}`, ...schemaKeys(s, `${path}${k}.`)]);
    case 'optional':
    case 'nullable':
    case 'default':
      return schemaKeys(def.innerType, path);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => schemaKeys(o, path));
    case 'array':
      return schemaKeys(def.element, `${path.replace(/\.$/, '')}[].`);
    case 'record':
      return schemaKeys(def.valueType, `${path}*.`);
    default:
      return [];
  }
}

/** The same, of what the quick check knows. */
function checkKeys(check: unknown, path = ''): string[] {
  const shape = shapeOfCheck(check as never);
  if (!shape) return [];
  if (shape.fields) return Object.entries(shape.fields).flatMap(([k, c]) => [`${path}${k}`, ...checkKeys(c, `${path}${k}.`)]);
  if (shape.options) return shape.options.flatMap((o) => checkKeys(o, path));
  if (shape.item) return checkKeys(shape.item, path.endsWith('answers.') ? `${path}*.` : `${path.replace(/\.$/, '')}[].`);
  return [];
}

describe('the quick check knows every key of the schema', () => {
  it('so a field added to zod alone is caught here, not by a silently slower path', () => {
    const zod = [...new Set(schemaKeys(AnswersFile))].sort();
    const quick = [...new Set(checkKeys(quickAnswersCheck))].sort();
    expect(zod.length).toBeGreaterThan(20);
    expect(quick).toEqual(zod);
  });
});
