/**
 * sha256 of a text, as lowercase hex: the provenance hash of checklists, answers and overlays.
 *
 * Two implementations of the one function, chosen by what a short run can afford. Node's hashing
 * module brings some forty modules of Node's own: loading it costs a run about six milliseconds
 * before it hashes a byte, so it is loaded on first use only. js-sha256's plain JavaScript costs
 * next to nothing to load but runs cold, about a millisecond per kilobyte: an answers file of a few
 * kilobytes is hashed sooner that way, anything longer by Node. Both give the same digest
 * (test/unit/hash.test.ts).
 */
import jsSha256 from 'js-sha256/build/sha256.cjs';

/** Up to this many characters, JavaScript is quicker than loading Node's hashing module. */
export const shortText = 4096;

export function hashText(text: string): string {
  // As bytes, encoded as Node encodes for its own hashing (a lone surrogate becomes U+FFFD).
  if (text.length <= shortText) return jsSha256.hex(Buffer.from(text, 'utf8'));
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex');
}
