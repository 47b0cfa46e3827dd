// Bytes to text, pure. UTF-8, with or without a byte order mark. UTF-16 and UTF-32 (which some
// Windows editors save) are named instead of being read as garbage, and invalid UTF-8 is refused
// with the offset of the first bad byte.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const boms: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 (big-endian)'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 (little-endian)'],
  [[0xfe, 0xff], 'UTF-16 (big-endian)'],
  [[0xff, 0xfe], 'UTF-16 (little-endian)'],
];

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): Decoded {
  for (const [bom, name] of boms) if (bom.every((b, i) => bytes[i] === b)) return { ok: false, message: `the file is ${name}; save it as UTF-8` };
  const guess = guessWideEncoding(bytes);
  if (guess) return { ok: false, message: `the file looks like ${guess} without a byte order mark; save it as UTF-8` };
  try {
    // The decoder drops a UTF-8 byte order mark.
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: `the file is not valid UTF-8 (first bad byte at offset ${firstInvalidOffset(bytes)}); save it as UTF-8` };
  }
}

/** UTF-16 text of mostly ASCII has a zero in every other byte; UTF-8 text never has zeros. */
function guessWideEncoding(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros >= half * 0.75 && evenZeros === 0) return 'UTF-16 (little-endian)';
  if (evenZeros >= half * 0.75 && oddZeros === 0) return 'UTF-16 (big-endian)';
  return null;
}

/** The offset of the first byte that breaks UTF-8 (a bad lead byte, continuation or length). */
function firstInvalidOffset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
