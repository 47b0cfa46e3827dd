// One writer per answers file. Two interactive sessions saving to the same file (two terminals,
// one file) would each rewrite it from their own memory and drop the other's answers, so the
// second session is refused and told who holds the file. A lock left by a process that has died
// on this machine is taken over.
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';

interface Holder {
  pid: number;
  host: string;
}

export const lockPath = (file: string): string => `${file}.lock`;

/** Takes the lock on `file`; returns the function that releases it (also run at exit). */
export function lockFile(file: string): () => void {
  const lock = lockPath(file);
  if (!existsSync(dirname(lock))) throw new InputError(`${file}: cannot write: folder ${dirname(lock)} does not exist`);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, `${mine}\n`, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new InputError(`${lock}: cannot create the lock: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      const holder = readHolder(lock);
      if (holder && !(holder.host === hostname() && !alive(holder.pid)))
        throw new InputError(
          `${file}: another rollout-check session is saving to this file (process ${holder.pid} on ${holder.host}); finish or stop it first, or answer into another file with --answers-out. If that session is gone, delete ${lock}`,
        );
      // The holder has died (or the lock is unreadable): take it over.
      rmSync(lock, { force: true });
      continue;
    }
    const release = () => {
      try {
        if (readFileSync(lock, 'utf8').trim() === mine) rmSync(lock, { force: true });
      } catch {
        // Already gone.
      }
    };
    process.once('exit', release);
    return release;
  }
  throw new InputError(`${lock}: could not take the lock; delete it if no session is running`);
}

function readHolder(lock: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host } : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
