// The edge of the history reader: runs git (never a shell) and streams what it prints. Nothing
// from the repository reaches a command line; its configuration cannot start a program here
// (no external diff, no text conversion, no fsmonitor, no signature checks).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { InputError } from '../errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainGitDir } from '../io/plain-git-dir.js';

const safety = ['-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false'];
// GIT_NO_LAZY_FETCH: in a partial clone git would otherwise download every missing object it needs
// (for --numstat, each file's contents) from the remote, one by one, behind the user's back.
const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_PAGER: 'cat', GIT_NO_LAZY_FETCH: '1' };

/** Runs a short git command; undefined when git says no (the caller decides what that means). */
export function gitOutput(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, ...safety, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError('git is not installed or not on PATH: the history is read with git');
    return undefined;
  }
}

/** gitOutput without waiting: several short git commands run side by side. */
export function gitOutputLater(dir: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve, reject) =>
    execFile('git', ['-C', dir, ...safety, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new InputError('git is not installed or not on PATH: the history is read with git'));
      else resolve(err ? undefined : stdout);
    }),
  );
}

function gitError(dir: string, args: string[]): string {
  try {
    execFileSync('git', ['-C', dir, ...safety, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    return '';
  } catch (err) {
    const stderr =
      String((err as { stderr?: Buffer }).stderr ?? '')
        .trim()
        .split('\n')[0] ?? '';
    return stderr.replace(/^fatal: /, '');
  }
}

export interface RepositoryFacts {
  branch: string;
  shallow: boolean;
  newestTime: number;
}

/**
 * Checks the folder is a git work tree with commits; a one-line InputError when it is not. The two
 * git commands run side by side: each git process costs a short run several milliseconds.
 */
export async function repositoryFacts(dir: string): Promise<RepositoryFacts> {
  const [inside, newest] = await Promise.all([
    gitOutputLater(dir, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']),
    // The newest commit's time, the branch and, when HEAD is detached, its short hash.
    gitOutputLater(dir, ['log', '-1', '--decorate=short', '--format=%ct%x00%D%x00%h', 'HEAD']),
  ]);
  if (!inside) {
    // git's own reason, unless it only says what this line already says.
    const why = gitError(dir, ['rev-parse', '--git-dir']);
    throw new InputError(`${dir}: not a git repository${why && !/^not a git repository/i.test(why) ? ` (${why})` : ''}`);
  }
  const [work, shallow] = inside.trim().split('\n');
  if (work !== 'true') throw new InputError(`${dir}: not a git work tree (a bare repository or inside .git)`);
  if (!newest) throw new InputError(`${dir}: the repository has no commits yet, so there is no history to read`);
  const [time = '', refs = '', short = ''] = newest.trim().split('\0');
  // "HEAD -> main, origin/main, tag: v1": a ref name holds no space, so ", " ends it.
  const branch = /(?:^|, )HEAD -> (.+?)(?:, |$)/.exec(refs)?.[1] ?? `detached at ${short}`;
  return { branch, shallow: shallow === 'true', newestTime: Number(time) };
}

/** The empty tree's hash in each object format git has, by the length of a hash in it. */
const emptyTrees: Record<number, string> = {
  40: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  64: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
};

/**
 * The hash of the empty tree in the object format of `commit` (a full hash from this repository):
 * known for SHA-1 and SHA-256 without asking git; any other format is asked of git.
 */
export function emptyTreeOf(dir: string, commit: string): string {
  return emptyTrees[commit.length] ?? gitOutput(dir, ['hash-object', '-t', 'tree', '/dev/null'])?.trim() ?? emptyTrees[40]!;
}

/** Window options as git revision arguments: `--since=@<epoch>` and `--until=@<epoch>`. */
export function windowArgs(since: number | null, until: number | null): string[] {
  return [...(since !== null ? [`--since=@${since}`] : []), ...(until !== null ? [`--until=@${until}`] : [])];
}

/** A git command started ahead of being read. */
export interface StartedGit {
  /** Streams its standard output to `onChunk` as text; rejects with git's first line of complaint when it fails. */
  stream(onChunk: (text: string) => void): Promise<void>;
  /**
   * True once git has exited with all it printed held (a short output, read whole from memory);
   * false as soon as it prints more than is held.
   */
  settled(): Promise<boolean>;
  /** Stops it, when what it would print is not needed after all. */
  stop(): void;
}

/** What a started git may print before it is read, in characters, unless its caller says: a small history fits whole. */
const maxHeld = 256 * 1024;

/**
 * Starts a git command whose output is read later: git starts while the caller finishes other work.
 * What it prints meanwhile is held (Node drains the pipe of a process that has exited, so it cannot
 * simply wait there), up to `hold` characters; then the pipe is left to fill and git waits.
 */
export function startGit(dir: string, args: string[], hold = maxHeld): StartedGit {
  const child = spawn('git', ['-C', dir, ...safety, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let held: string[] = [];
  let heldLength = 0;
  let sink: ((text: string) => void) | undefined;
  let settle: (whole: boolean) => void = () => {};
  const settled = new Promise<boolean>((resolve) => (settle = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (t: string) => {
    if (sink) return sink(t);
    held.push(t);
    heldLength += t.length;
    if (heldLength > hold) {
      child.stdout.pause();
      settle(false);
    }
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t: string) => {
    if (stderr.length < 4096) stderr += t;
  });
  let stopped = false;
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => {
      // Settled "whole": whoever then streams it gets the failure.
      settle(true);
      reject(err.code === 'ENOENT' ? new InputError('git is not installed or not on PATH: the history is read with git') : err);
    });
    child.on('close', (code) => {
      settle(heldLength <= hold);
      if (code === 0 || stopped) resolve();
      else
        reject(
          new InputError(
            `${dir}: git log failed: ${
              stderr
                .trim()
                .split('\n')[0]
                ?.replace(/^fatal: /, '') || `exit code ${code}`
            }`,
          ),
        );
    });
  });
  // Handled by whoever streams it; one that is stopped instead has no use for a failure.
  done.catch(() => {});
  return {
    stream(onChunk) {
      sink = onChunk;
      for (const t of held) onChunk(t);
      held = [];
      child.stdout.resume();
      return done;
    },
    settled: () => settled,
    stop() {
      stopped = true;
      child.stdout.destroy();
      child.kill();
    },
  };
}

/** Streams a git command's standard output to `onChunk` as text (see startGit). */
export function streamGit(dir: string, args: string[], onChunk: (text: string) => void): Promise<void> {
  return startGit(dir, args).stream(onChunk);
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

const promisorLine = /^\s*(promisor|partialclone)\s*(=\s*(true|yes|on|1|[\w.-]+))?\s*$/im;

/**
 * Whether the repository is a partial clone (a promisor remote: `git clone --filter=...`), whose
 * file contents are fetched on demand. Read from the configuration file of a plain repository;
 * otherwise git is asked.
 */
export function isPartialClone(dir: string): boolean {
  const gitDir = plainGitDir(dir);
  if (gitDir) {
    try {
      return configSaysPartial(readFileSync(join(gitDir, 'config'), 'latin1'));
    } catch {
      return false;
    }
  }
  const out = gitOutput(dir, ['config', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$']) ?? '';
  return out.split('\n').some((l) => /\.partialclone /i.test(l) || /\.promisor (true|yes|on|1)$/i.test(l.trim()));
}

/** A `promisor` set true (or bare) in a remote, or `partialclone` naming one. */
export function configSaysPartial(text: string): boolean {
  for (const line of text.split('\n')) {
    const m = promisorLine.exec(line);
    if (!m) continue;
    const value = (m[3] ?? 'true').toLowerCase();
    if (m[1]!.toLowerCase() === 'partialclone' ? value !== '' : ['true', 'yes', 'on', '1'].includes(value)) return true;
  }
  return false;
}
