// Reads and writes the user's files (the build's own artefacts are found by artefacts.ts). Writes
// are atomic: a temp file beside the target, then a rename, so a crash never leaves a half-written
// report or answers file.
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../parse-boundary/decode.js';
import { inputAt, rememberInput } from './input-paths.js';
import { maxUserFileBytes, mebibytes } from '../parse-boundary/limits.js';

/**
 * Reads a user's text file: bounded (never past the limit, whatever the file is: /dev/zero, a
 * pipe, a fifo), decoded (UTF-8, with or without a byte order mark; other encodings named).
 */
export function readUserFile(file: string, limit = maxUserFileBytes): string {
  const decoded = decodeText(readUserBytes(file, limit));
  if (!decoded.ok) throw new InputError(`${file}: ${decoded.message}`);
  return decoded.text;
}

/** Reads at most `limit` bytes; one more means the file is too large, and reading stops there. */
export function readUserBytes(file: string, limit = maxUserFileBytes): Buffer {
  // Standard input is read from its descriptor: when it is a socket (as under some process
  // managers), /dev/stdin cannot be opened again.
  const stdin = file === '/dev/stdin' || file === '/proc/self/fd/0';
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(file, 'r');
  } catch (err) {
    throw cannotRead(file, err);
  }
  if (!stdin) rememberInput(file);
  try {
    // Sized by what the file says it holds, one byte more so that its end shows in the same buffer;
    // a pipe or a device says 0 and is read in growing steps. A 2 KB file never costs a 1 MiB buffer
    // (whose memory V8 counts towards its next collection).
    const size = stdin ? 0 : fstatSync(fd).size;
    let buf = Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : 64 * 1024, limit + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buf, total, buf.length - total, null);
      } catch (err) {
        // A non-blocking standard input with nothing yet to read: wait a moment, not a busy loop.
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 5);
          continue;
        }
        throw err;
      }
      if (n === 0) break;
      total += n;
      if (total > limit) throw new InputError(`${file}: larger than ${mebibytes(limit)}: refused (is it the right file?)`);
    }
    return buf.subarray(0, total);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw cannotRead(file, err);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function cannotRead(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
  return new InputError(`${file}: cannot read: ${why}`);
}

/** Refuses (exit 2, nothing written) a path that is one of this run's inputs, links resolved. */
export function refuseInputAsOutput(file: string, allowed?: string): void {
  const input = inputAt(file, allowed);
  if (input === undefined) return;
  const same = input === file ? '' : ` (the same file as ${input})`;
  throw new InputError(`${file}: is an input of this run${same}; refusing to write over it: nothing was written. Choose another output file`);
}

/**
 * `replaces`: the one input this write is meant to replace (an answers file saved as it is edited);
 * every other input of the run is refused.
 */
export function writeFileAtomic(file: string, content: string | Buffer, replaces?: string): void {
  refuseInputAsOutput(file, replaces);
  const dir = dirname(file);
  if (!existsSync(dir)) throw new InputError(`${file}: cannot write: folder ${dir} does not exist`);
  let temp = '';
  try {
    temp = writeTemp(dir, basename(file), content);
    renameSync(temp, file);
  } catch (err) {
    if (temp) rmSync(temp, { force: true });
    if (err instanceof InputError) throw err;
    throw new InputError(`${file}: cannot write: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

let temps = 0;

/**
 * Writes a new temporary file beside the target. Created exclusively, so an existing file or a
 * planted symlink of that name is never written through; a name left by an earlier run that had
 * this process id is skipped. (Named by counter rather than random bytes: seeding the random
 * generator costs a short run more than the rest of its writing.)
 */
function writeTemp(dir: string, name: string, content: string | Buffer): string {
  for (;;) {
    const temp = join(dir, `.${name}.${process.pid}.${++temps}.tmp`);
    try {
      writeFileSync(temp, content, { flag: 'wx' });
      return temp;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && temps < 1000) continue;
      // Any other failure came after the exclusive open created the file (a full disk): ours to remove.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true });
      throw err;
    }
  }
}
