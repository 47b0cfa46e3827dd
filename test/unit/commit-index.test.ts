// The history's commit index keeps hashes as words in typed arrays (src/history/commit-index.ts):
// it must answer exactly as the Map of strings it replaced, for any hashes a repository could
// hold, repeated ones, ones that share a long prefix, and strings that are not hashes at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommitIndex, HashList } from '../../src/history/commit-index.js';

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
// SHA-1 and SHA-256 lengths mostly; any length up to 64, and a few lengths and characters beyond.
const anyHash = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(hex(40), hex(64)) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 64 }).chain(hex) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      hex(65),
      fc.constant(''),
      fc.string({ maxLength: 45 }),
      hex(40).map((h) => h.toUpperCase()),
    ),
  },
);
// Hashes that differ only near the end, so slots collide and words past the first decide.
const prefixed = fc.tuple(hex(36), fc.array(hex(4), { minLength: 1, maxLength: 6 })).map(([head, tails]) => tails.map((t) => head + t));

describe('CommitIndex', () => {
  it('finds what a Map of the same hashes finds, the later of repeated hashes winning', () => {
    const lists = fc.oneof(
      fc.array(anyHash, { maxLength: 3000 }),
      prefixed,
      fc.array(fc.constantFrom('a'.repeat(40), 'b'.repeat(40), `${'a'.repeat(39)}b`), { maxLength: 20 }),
    );
    fc.assert(
      fc.property(lists, fc.array(anyHash, { maxLength: 20 }), (hashes, others) => {
        const list = new HashList();
        const map = new Map<string, number>();
        hashes.forEach((h, i) => {
          expect(list.push(h)).toBe(i);
          if (/^[0-9a-f]{1,64}$/.test(h)) map.set(h, i);
        });
        const index = new CommitIndex(list);
        for (const h of [...hashes, ...others]) expect(index.get(h)).toBe(map.get(h));
        expect([...index]).toEqual([...map]);
        // Looked up from another list, as the graph looks up parents.
        const asked = new HashList();
        const probes = [...others, ...hashes];
        probes.forEach((h) => asked.push(h));
        probes.forEach((h, i) => expect(index.getFrom(asked, i)).toBe(map.get(h)));
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
