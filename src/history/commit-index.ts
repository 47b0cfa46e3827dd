// Commit hashes kept as numbers in typed arrays, and the index from a hash to its place in the graph.
//
// Reading the graph of a long history held every commit's hash and its parents' as strings, and
// then a Map of them through the whole numstat pass: for 100,000 commits some 20 MiB of objects,
// alive when V8 ran its full collection during that read. V8 lets the heap grow by a multiple of
// what it finds alive before collecting again, so those objects counted several times over in the
// run's peak memory. As words in typed arrays they are a third of that, outside the collector's
// heap, and nothing for it to trace.

/** Hex digits a hash may have: 40 (SHA-1) to 64 (SHA-256). */
const maxDigits = 64;
const maxWords = maxDigits / 8;

/**
 * Hashes in the order given, each as 32-bit words (as many as the longest hash needs: five for
 * SHA-1, eight for SHA-256) and its number of digits.
 */
export class HashList {
  private width = 0;
  private words = new Uint32Array(0);
  private digits = new Uint8Array(256);
  private count = 0;
  private readonly scratch = new Uint32Array(maxWords);

  get size(): number {
    return this.count;
  }

  /**
   * Adds a hash (lowercase hex, 1 to 64 digits) and gives its entry number. Anything else takes an
   * entry too, so entries stay in step with the caller's, but one that matches no hash.
   */
  push(hash: string): number {
    const ok = readHash(hash, this.scratch);
    // Longer than any before it (in one repository all hashes have one length): room for it.
    if (ok && wordsFor(hash.length) > this.width) this.relayout(wordsFor(hash.length));
    if (this.count === this.digits.length) this.grow();
    const entry = this.count++;
    this.digits[entry] = ok ? hash.length : 0;
    if (ok) for (let w = 0; w < this.width; w++) this.words[entry * this.width + w] = this.scratch[w]!;
    return entry;
  }

  /** Copies an entry's words into `into` (eight, zero after its own) and gives its number of digits (0: not a hash). */
  read(entry: number, into: Uint32Array): number {
    into.fill(0);
    for (let w = 0; w < this.width; w++) into[w] = this.words[entry * this.width + w]!;
    return this.digits[entry]!;
  }

  /** An entry's hash as lowercase hex ("" for one that was not a hash). */
  hashAt(entry: number): string {
    let hash = '';
    for (let i = 0; i < this.digits[entry]!; i++) hash += ((this.words[entry * this.width + (i >> 3)]! >>> (28 - 4 * (i & 7))) & 15).toString(16);
    return hash;
  }

  /** Whether an entry is the hash of `digits` digits held in `words`. */
  holds(entry: number, words: Uint32Array, digits: number): boolean {
    if (this.digits[entry] !== digits) return false;
    for (let w = 0; w < wordsFor(digits); w++) if (this.words[entry * this.width + w] !== words[w]) return false;
    return true;
  }

  private grow(): void {
    const digits = new Uint8Array(this.digits.length * 2);
    digits.set(this.digits);
    this.digits = digits;
    this.relayout(this.width);
  }

  /** The words laid out again, `width` to an entry, for as many entries as `digits` has room. */
  private relayout(width: number): void {
    const words = new Uint32Array(this.digits.length * width);
    for (let entry = 0; entry < this.count; entry++) for (let w = 0; w < this.width; w++) words[entry * width + w] = this.words[entry * this.width + w]!;
    this.words = words;
    this.width = width;
  }
}

/** Where each hash of a list is: a later entry of the same hash replaces an earlier one. */
export class CommitIndex {
  /** Open addressing, at most half full: an entry's number plus one, or 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly scratch = new Uint32Array(maxWords);

  constructor(private readonly list: HashList) {
    let size = 2;
    while (size < list.size * 2) size *= 2;
    this.slots = new Int32Array(size);
    for (let entry = 0; entry < list.size; entry++) {
      const digits = list.read(entry, this.scratch);
      if (digits) this.slots[this.find(digits)] = entry + 1;
    }
  }

  /** The entry of `hash` in the list, or undefined. */
  get(hash: string): number | undefined {
    if (!readHash(hash, this.scratch)) return undefined;
    return this.found(hash.length);
  }

  /** Every hash with its entry, in the order a Map of them would give (first seen first). */
  *[Symbol.iterator](): IterableIterator<[string, number]> {
    const seen = new Set<string>();
    for (let entry = 0; entry < this.list.size; entry++) {
      const hash = this.list.hashAt(entry);
      if (!hash || seen.has(hash)) continue;
      seen.add(hash);
      yield [hash, this.get(hash)!];
    }
  }

  /** The entry, in this index's list, of the hash at `entry` of another list (a parent's, say). */
  getFrom(list: HashList, entry: number): number | undefined {
    const digits = list.read(entry, this.scratch);
    return digits ? this.found(digits) : undefined;
  }

  private found(digits: number): number | undefined {
    const entry = this.slots[this.find(digits)]!;
    return entry > 0 ? entry - 1 : undefined;
  }

  /** The slot holding the scratch hash, or the empty slot where it would go. */
  private find(digits: number): number {
    const mask = this.slots.length - 1;
    // Git's hashes are uniformly random: their first two words spread the slots well.
    let slot = (this.scratch[0]! ^ Math.imul(this.scratch[1]!, 0x9e3779b1)) & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0 || this.list.holds(entry - 1, this.scratch, digits)) return slot;
      slot = (slot + 1) & mask;
    }
  }
}

const hexValue = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) hexValue['0123456789abcdef'.charCodeAt(i)] = i;

const wordsFor = (digits: number): number => (digits + 7) >> 3;

/** Reads lowercase hex into `words`, first digit highest, zero after it; false when it is not 1 to 64 hex digits. */
function readHash(hash: string, words: Uint32Array): boolean {
  words.fill(0);
  const n = hash.length;
  if (n < 1 || n > maxDigits) return false;
  let word = 0;
  for (let i = 0; i < n; i++) {
    const c = hash.charCodeAt(i);
    const v = c < 128 ? hexValue[c]! : -1;
    if (v < 0) {
      words.fill(0);
      return false;
    }
    word = (word << 4) | v;
    if ((i & 7) === 7) {
      words[i >> 3] = word;
      word = 0;
    }
  }
  if (n & 7) words[n >> 3] = word << (4 * (8 - (n & 7)));
  return true;
}
