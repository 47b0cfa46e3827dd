// The quick check of a saved result's fields stands in for zod only where zod would pass them and
// give them back as they are. This holds it to that, on generated results near and far from right.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickResultFields } from '../../src/portfolio/quick-fields.js';
import { checkResultFields } from '../../src/portfolio/summary-schema.js';

/** `raw` cut down to the keys zod kept in `kept`: zod only drops keys here, it changes no value. */
function keptOf(raw: unknown, kept: unknown): unknown {
  if (Array.isArray(kept)) return (raw as unknown[]).map((v, i) => keptOf(v, kept[i]));
  if (kept && typeof kept === 'object')
    return Object.fromEntries(Object.keys(kept).map((k) => [k, keptOf((raw as Record<string, unknown>)[k], (kept as Record<string, unknown>)[k])]));
  return raw;
}

function disagreement(data: unknown): string | null {
  const quick = quickResultFields(data);
  if (quick === undefined) return null;
  const zod = checkResultFields(data);
  if (!zod.ok) return `quick passed what zod refuses: ${zod.problem}`;
  return isDeepStrictEqual(keptOf(quick, zod.fields), zod.fields) ? null : 'fields differ';
}

const odd = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 3 }), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}));
const maybe = <T>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: right }, { weight: 1, arbitrary: odd });
const text = maybe(fc.constantFrom('FM1', 'Team Blue', '', '2026-11-09'));
const num = maybe(fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })));
const nullableText = maybe(fc.oneof(fc.constant(null), text));
const nullableNum = maybe(fc.oneof(fc.constant(null), num));
const failureMode = maybe(fc.record({ id: text, title: text, score: nullableNum, high: num, extra: fc.option(odd) }));
const result = fc.record({
  schemaVersion: text,
  checklist: maybe(fc.record({ id: text, version: text, title: text })),
  metadata: maybe(fc.record({ organization: nullableText, team: nullableText, client: nullableText, date: nullableText, assessor: nullableText })),
  verdict: maybe(fc.record({ id: maybe(fc.constantFrom('tighten', 'pilot', 'scale', 'ship')), title: text })),
  overall: maybe(fc.record({ score: nullableNum, coverage: nullableNum, answered: num, applicable: num, unknown: num })),
  failureModes: maybe(
    fc.oneof(
      { weight: 8, arbitrary: fc.array(failureMode, { minLength: 7, maxLength: 7 }) },
      { weight: 1, arbitrary: fc.array(failureMode, { maxLength: 8 }) },
    ),
  ),
  nextSteps: maybe(fc.array(maybe(fc.record({ id: text, text: text })), { maxLength: 3 })),
});

describe('the quick check of a saved result', () => {
  it('agrees with zod on generated results', () => {
    let vouched = 0;
    fc.assert(
      fc.property(result, (data) => {
        if (quickResultFields(data)) vouched++;
        return disagreement(data) === null;
      }),
      { seed: 20261204, numRuns: 10_000 },
    );
    // A check that vouches for nothing would agree with anything.
    expect(vouched).toBeGreaterThan(500);
  });

  it('vouches for every saved result the repository ships', () => {
    const dir = 'examples/portfolio/results';
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const data: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      expect(quickResultFields(data), f).toBeDefined();
      expect(disagreement(data), f).toBeNull();
    }
  });
});
