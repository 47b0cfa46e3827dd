// Lists the files to consider. Inside a git work tree git decides (tracked and untracked files,
// .gitignore respected); elsewhere a walk that skips node_modules and .git.
//
// git finds untracked files by walking the whole work tree, and prints nothing until that walk is
// done: in a repository of 100,000 files it is most of git's time, while listing the tracked files
// from the index takes a fraction of it. So in a large repository the search for untracked files
// runs in a process of its own, started first, while the tracked files are listed and worked
// through. A small repository is listed by one git process, as a second one would cost it more
// than it saves.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Listing {
  /** The files (only the tracked ones when untracked files are searched for apart), sorted. */
  first: string[];
  /** Untracked files git does not ignore, sorted, when they are searched for apart; else none. */
  rest: Promise<string[]>;
  fromGit: boolean;
}

const git = (kind: string[]) => ['ls-files', '-z', ...kind];
const everything = git(['--cached', '--others', '--exclude-standard', '--deduplicate']);
const tracked = git(['--cached', '--deduplicate']);
const untracked = git(['--others', '--exclude-standard']);
/** An index this large lists some 9,000 files or more (about 110 bytes each). */
const largeIndex = 1024 * 1024;

/**
 * In a large repository, starts git's search for untracked files (call it as early as possible:
 * it is the longest part of listing); undefined for any other folder.
 */
export function searchUntrackedAhead(root: string): Promise<string[] | undefined> | undefined {
  if ((statSync(join(root, '.git', 'index'), { throwIfNoEntry: false })?.size ?? 0) < largeIndex) return undefined;
  return runGit(root, untracked).then((text) => (text === undefined ? undefined : sorted(split(text))));
}

export function listFiles(root: string, untrackedAhead = searchUntrackedAhead(root)): Listing {
  // Outside a work tree git ls-files fails, and the folder is walked instead.
  const r = gitSync(root, untrackedAhead ? tracked : everything);
  if (r === undefined) return { first: sorted(walk(root, '')), rest: Promise.resolve([]), fromGit: false };
  // Should the separate search fail (a process limit, say), it is run again the plain way.
  const rest = untrackedAhead?.then((paths) => paths ?? sorted(split(gitSync(root, untracked) ?? ''))) ?? Promise.resolve([]);
  return { first: sorted(split(r)), rest, fromGit: true };
}

/** git's output, or undefined when git fails. */
function gitSync(root: string, args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? r.stdout : undefined;
}

/** Every path once, in order: the tracked and untracked listings merged. */
export function mergeListings(first: string[], rest: string[]): string[] {
  if (!rest.length) return first;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < rest.length) {
    const next = j >= rest.length || (i < first.length && first[i]! <= rest[j]!) ? first[i++]! : rest[j++]!;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** git's output, or undefined when git fails (not a work tree, or no git at all). */
function runGit(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}

const split = (text: string): string[] => text.split('\0').filter(Boolean);

const skipDirs = new Set(['node_modules', '.git']);

function walk(root: string, rel: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    // Symbolic links are listed, never followed: reading checks where they point.
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name)) out.push(...walk(root, path));
    } else if (e.isFile() || e.isSymbolicLink()) out.push(path);
  }
  return out;
}

/** git already lists in order; sorting only when needed saves a large repository real time. */
function sorted(paths: string[]): string[] {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1]! > paths[i]!) return paths.sort();
  return paths;
}
