// isRealDay works the calendar out by arithmetic; Date is the reference it must agree with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDay } from '../../src/day.js';

/** The definition isRealDay replaced: Date parses the day and gives the same day back. */
function byDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isRealDay', () => {
  it('agrees with Date on every day-shaped text', () => {
    const dayShaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(dayShaped, (s) => isRealDay(s) === byDate(s)),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Date on other texts', () => {
    fc.assert(fc.property(fc.string(), (s) => isRealDay(s) === byDate(s)));
  });

  it('knows the leap years', () => {
    expect(['2024-02-29', '2000-02-29', '0000-02-29', '2026-12-31'].map(isRealDay)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '1900-02-29', '2026-02-31', '2026-04-31', '2026-00-10', '2026-13-01', '2026-01-00', '2026-1-01'].map(isRealDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
