// The shares of a failure mode's weight are whole percents that add up to 100, whatever the weights.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceShares } from '../../src/evidence/provenance.js';

describe('evidence shares', () => {
  it('never go negative and always add up to 100', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 1, max: 9 }),
            status: fc.constantFrom('self-reported', 'corroborated', 'disputed', 'proposed') as fc.Arbitrary<
              'self-reported' | 'corroborated' | 'disputed' | 'proposed'
            >,
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (qs) => {
          const s = evidenceShares(qs.map((q) => ({ status: 'answered', failureModes: [{ id: 'FM1', weight: q.weight }], provenance: { status: q.status } })));
          expect(s.corroborated! + s.disputed! + s.selfReported!).toBe(100);
          for (const v of [s.corroborated, s.disputed, s.selfReported]) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
    // The case that once gave -1: weights 3 corroborated and 5 disputed.
    const q = (weight: number, status: 'corroborated' | 'disputed') => ({ status: 'answered', failureModes: [{ id: 'FM1', weight }], provenance: { status } });
    expect(evidenceShares([q(3, 'corroborated'), q(5, 'disputed')])).toEqual({ corroborated: 38, disputed: 62, selfReported: 0 });
  });
});
