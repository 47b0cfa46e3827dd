// The edge of the history reader: runs git (never a shell) and streams what it prints. Nothing
// from the repository reaches a command line; its configuration cannot start a program here
// (no external diff, no text conversion, no fsmonitor, no signature checks).
import { execFileSync, spawn } from 'node:child_process';
import { InputError } from '../errors.js';

const safety = ['-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false'];
const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_PAGER: 'cat' };

/** Runs a short git command; undefined when git says no (the caller decides what that means). */
export function gitOutput(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, ...safety, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError('git is not installed or not on PATH: the history is read with git');
    return undefined;
  }
}

function gitError(dir: string, args: string[]): string {
  try {
    execFileSync('git', ['-C', dir, ...safety, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    return '';
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] ?? '';
    return stderr.replace(/^fatal: /, '');
  }
}

export interface RepositoryFacts {
  branch: string;
  shallow: boolean;
  newestTime: number;
}

/** Checks the folder is a git work tree with commits; a one-line InputError when it is not. */
export function repositoryFacts(dir: string): RepositoryFacts {
  const inside = gitOutput(dir, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (!inside) {
    // git's own reason, unless it only says what this line already says.
    const why = gitError(dir, ['rev-parse', '--git-dir']);
    throw new InputError(`${dir}: not a git repository${why && !/^not a git repository/i.test(why) ? ` (${why})` : ''}`);
  }
  const [work, shallow] = inside.trim().split('\n');
  if (work !== 'true') throw new InputError(`${dir}: not a git work tree (a bare repository or inside .git)`);
  // One git run for the newest commit's time, the branch and, when HEAD is detached, its short
  // hash: each git process costs a short run several milliseconds.
  const newest = gitOutput(dir, ['log', '-1', '--decorate=short', '--format=%ct%x00%D%x00%h', 'HEAD']);
  if (!newest) throw new InputError(`${dir}: the repository has no commits yet, so there is no history to read`);
  const [time = '', refs = '', short = ''] = newest.trim().split('\0');
  // "HEAD -> main, origin/main, tag: v1": a ref name holds no space, so ", " ends it.
  const branch = /(?:^|, )HEAD -> (.+?)(?:, |$)/.exec(refs)?.[1] ?? `detached at ${short}`;
  return { branch, shallow: shallow === 'true', newestTime: Number(time) };
}

/** The hash of the empty tree in this repository's object format (SHA-1 or SHA-256). */
export function emptyTreeOf(dir: string): string {
  return gitOutput(dir, ['hash-object', '-t', 'tree', '/dev/null'])?.trim() ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
}

/** Window options as git revision arguments: `--since=@<epoch>` and `--until=@<epoch>`. */
export function windowArgs(since: number | null, until: number | null): string[] {
  return [...(since !== null ? [`--since=@${since}`] : []), ...(until !== null ? [`--until=@${until}`] : [])];
}

/**
 * Streams a git command's standard output to `onChunk` as text. Rejects with the first line git
 * wrote to standard error when it fails.
 */
export function streamGit(dir: string, args: string[], onChunk: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', dir, ...safety, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onChunk);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => {
      if (stderr.length < 4096) stderr += t;
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new InputError('git is not installed or not on PATH: the history is read with git') : err),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new InputError(`${dir}: git log failed: ${stderr.trim().split('\n')[0]?.replace(/^fatal: /, '') || `exit code ${code}`}`));
    });
  });
}

/** Line counts of every text file at `commit`: what the history before the window left. */
export async function lineCountsAt(dir: string, emptyTree: string, commit: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let pending = '';
  await streamGit(dir, ['diff', '--no-ext-diff', '--no-textconv', '--no-renames', '--numstat', '-z', emptyTree, commit], (chunk) => {
    const parts = (pending + chunk).split('\0');
    pending = parts.pop()!;
    for (const p of parts) {
      const m = /^\n?(\d+)\t\d+\t([^]*)$/.exec(p);
      if (m) counts.set(m[2]!, Number(m[1]));
    }
  });
  return counts;
}
