// repositoryChecks (git.ts) read from a plain repository's own files, without starting git: HEAD
// names a branch, the branch's ref (loose or packed) names a commit, and a `shallow` file marks a
// shallow clone (git's own test: it exists). Anything else (HEAD detached, a ref name or content
// out of the ordinary, a repository that is not plain: io/plain-git-dir.ts) gives undefined, and
// git is asked. Whether the commit is really there is for the passes to find: when they fail, git
// is asked after all, so every message stays git's.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainGitDir } from '../io/plain-git-dir.js';

/** What a repository's own files can say for history: its branch, whether it is shallow, HEAD. */
export interface RepositoryChecks {
  branch: string;
  shallow: boolean;
  /** HEAD's full hash: its time comes from the passes, where it is the newest commit. */
  head: string;
}

const commitHash = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function checksFromFiles(dir: string): RepositoryChecks | undefined {
  const gitDir = plainGitDir(dir);
  if (!gitDir) return undefined;
  try {
    const branch = /^ref: refs\/heads\/(.+)\n?$/.exec(readSmall(join(gitDir, 'HEAD')))?.[1];
    if (branch === undefined || !isPlainBranchName(branch)) return undefined;
    const head = refValue(gitDir, `refs/heads/${branch}`);
    return head ? { branch, shallow: existsSync(join(gitDir, 'shallow')), head } : undefined;
  } catch {
    return undefined;
  }
}

/** A ref's commit: its own file when it has one, else its line in packed-refs. */
function refValue(gitDir: string, ref: string): string | undefined {
  const loose = join(gitDir, ref);
  if (lstatSync(loose, { throwIfNoEntry: false })?.isFile()) {
    const value = readSmall(loose).replace(/\n$/, '');
    return commitHash.test(value) ? value : undefined;
  }
  if (!existsSync(join(gitDir, 'packed-refs'))) return undefined;
  for (const line of readFileSync(join(gitDir, 'packed-refs'), 'latin1').split('\n')) {
    const [value, name] = line.split(' ');
    if (name === ref && value && commitHash.test(value)) return value;
  }
  return undefined;
}

/** A file of a few bytes (HEAD, a loose ref); anything larger is not what git writes there. */
function readSmall(file: string): string {
  const text = readFileSync(file, 'latin1');
  if (text.length > 300) throw new Error('not a ref');
  return text;
}

/**
 * A branch name as git writes them, in plain characters: no "..", no empty, hidden or ".lock"
 * part (git refuses those), so the name is also a safe path under refs/heads.
 */
function isPlainBranchName(name: string): boolean {
  return /^[A-Za-z0-9._/-]+$/.test(name) && name.split('/').every((part) => part && !part.startsWith('.') && !part.endsWith('.lock')) && !name.includes('..');
}
