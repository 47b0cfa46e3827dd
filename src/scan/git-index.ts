// Reads the paths out of a git index file (`.git/index`), as `git ls-files --cached --deduplicate`
// lists them, for a small repository that git need not be started for (list-files.ts). Pure, and
// strict: anything this reader does not know for certain (another version, a required extension
// such as a split or sparse index, a path git would refuse, bytes out of place) gives undefined,
// and git is asked instead. The trailing checksum is not verified: that needs SHA-1, and loading
// Node's hashing module costs more than the git process this saves (see the README).
//
// Format: git's Documentation/gitformat-index.txt. Versions 2 to 4, SHA-1 object names.

export interface IndexEntry {
  path: string;
  /** A submodule's commit, which the work tree holds as a folder. */
  gitlink: boolean;
}

const hashBytes = 20;
const header = 12;
/** ctime, mtime, dev, ino, mode, uid, gid, size (4 bytes each, the times 8), the name, the flags. */
const fixedBytes = 40 + hashBytes + 2;
const fileType = 0o100000;
const symlinkType = 0o120000;
const gitlinkType = 0o160000;

/** The entries of an index, each path once and in the index's order; undefined when unsure. */
export function readIndex(bytes: Uint8Array): IndexEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < header + hashBytes || view.getUint32(0) !== 0x44495243 /* DIRC */) return undefined;
  const version = view.getUint32(4);
  if (version < 2 || version > 4) return undefined;
  const count = view.getUint32(8);
  const end = bytes.length - hashBytes;
  const decoder = new TextDecoder('utf-8');
  const entries: IndexEntry[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let at = header;
  for (let i = 0; i < count; i++) {
    if (at + fixedBytes > end) return undefined;
    const mode = view.getUint32(at + 24);
    const type = mode & 0o170000;
    if (type !== fileType && type !== symlinkType && type !== gitlinkType) return undefined;
    const flags = view.getUint16(at + 40 + hashBytes);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return undefined;
    const name = at + fixedBytes + (extended ? 2 : 0);
    let path: Uint8Array;
    if (version === 4) {
      // The name is the previous one, less its last `strip` bytes, then what follows up to a NUL.
      const varint = readVarint(bytes, name, end);
      if (!varint || varint.value > previous.length) return undefined;
      const stop = bytes.indexOf(0, varint.next);
      if (stop < 0 || stop >= end) return undefined;
      const suffix = bytes.subarray(varint.next, stop);
      path = new Uint8Array(previous.length - varint.value + suffix.length);
      path.set(previous.subarray(0, previous.length - varint.value));
      path.set(suffix, previous.length - varint.value);
      at = stop + 1;
    } else {
      const stop = bytes.indexOf(0, name);
      if (stop < 0 || stop >= end) return undefined;
      path = bytes.subarray(name, stop);
      // Padded with one to eight NULs to a multiple of eight bytes from the entry's start.
      const length = stop - at + 1;
      const next = at + Math.ceil(length / 8) * 8;
      if (next > end || bytes.subarray(stop, next).some((b) => b !== 0)) return undefined;
      at = next;
    }
    // The flags' twelve bits of name length hold it unless it is that long or longer.
    if ((flags & 0xfff) !== Math.min(path.length, 0xfff)) return undefined;
    const order = compareBytes(previous, path);
    if (order > 0) return undefined;
    if (order === 0 && entries.length) {
      // The same path at another merge stage: listed once, as --deduplicate does.
      previous = path;
      continue;
    }
    const text = decoder.decode(path);
    if (!isPlainPath(text)) return undefined;
    entries.push({ path: text, gitlink: type === gitlinkType });
    previous = path;
  }
  // Extensions: optional ones (a capital first letter) are skipped; a required one is not known here.
  while (at < end) {
    if (at + 8 > end) return undefined;
    const first = bytes[at]!;
    if (first < 0x41 || first > 0x5a) return undefined;
    at += 8 + view.getUint32(at + 4);
  }
  return at === end ? entries : undefined;
}

/** git's varint (varint.c): seven bits a byte, each continuation adding one before the shift. */
function readVarint(bytes: Uint8Array, at: number, end: number): { value: number; next: number } | undefined {
  if (at >= end) return undefined;
  let c = bytes[at++]!;
  let value = c & 127;
  while (c & 128) {
    if (at >= end || value > 2 ** 40) return undefined;
    c = bytes[at++]!;
    value = (value + 1) * 128 + (c & 127);
  }
  return { value, next: at };
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** A path git itself would write: relative, no empty, "." or ".." part, no .git, valid UTF-8. */
function isPlainPath(path: string): boolean {
  if (!path || path.includes('\uFFFD')) return false;
  for (const part of path.split('/')) if (!part || part === '.' || part === '..' || part.toLowerCase() === '.git') return false;
  return true;
}
