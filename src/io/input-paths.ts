// Every file this run has read, by identity (device and inode, so a symbolic or hard link to an
// input is the same input). Kept here, at the edge that reads and writes, so that a write can be
// refused before it replaces something the run was given: one wrong word in a command line
// (`--out answers.yaml`) must not cost a team its answers.
import { realpathSync, statSync } from 'node:fs';

const read = new Map<string, string>();

function identity(file: string): string | undefined {
  try {
    const s = statSync(file);
    // Pipes and devices (/dev/stdin, process substitution) are not files a write could replace.
    return s.isFile() ? `${s.dev}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Notes that `file` is an input of this run, under the name the user gave it. */
export function rememberInput(file: string): void {
  const id = identity(file);
  if (id && !read.has(id)) read.set(id, file);
}

/**
 * The input `file` would replace, if any (as the user named it). `allowed` is the one input a
 * command means to rewrite (the answers file an interactive session saves as it goes).
 */
export function inputAt(file: string, allowed?: string): string | undefined {
  const id = identity(file);
  if (!id || (allowed !== undefined && identity(allowed) === id)) return undefined;
  return read.get(id);
}

/** For messages: where a path really leads, when that differs from how it was written. */
export function resolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
