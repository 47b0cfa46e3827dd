// hashText hashes short texts in JavaScript and longer ones with Node's crypto: the digest must
// not depend on which.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, shortText } from '../../src/hash.js';

const byNode = (text: string) => createHash('sha256').update(text).digest('hex');

describe('hashText', () => {
  it('gives the sha256 of the text as UTF-8, on either side of the length where it changes hands', () => {
    const lengths = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: shortText - 64, max: shortText + 64 }));
    const text = fc.tuple(lengths, fc.string({ unit: 'binary', maxLength: 8 })).map(([n, s]) => (s || 'a').repeat(Math.ceil(n / (s.length || 1))).slice(0, n));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), (t) => hashText(t) === byNode(t)),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('knows the published test vectors', () => {
    expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashText('a'.repeat(shortText + 1))).toBe(byNode('a'.repeat(shortText + 1)));
  });
});
