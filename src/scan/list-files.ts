// Lists the files to consider. Inside a git work tree git decides (tracked and untracked files,
// .gitignore respected); elsewhere a walk that skips node_modules and .git.
//
// git finds untracked files by walking the whole work tree, and prints nothing until that walk is
// done: in a repository of 100,000 files it is most of git's time, while listing the tracked files
// from the index takes a fraction of it. So in a large repository the search for untracked files
// runs in a process of its own, started first, while the tracked files are listed and worked
// through. A small repository is listed by one git process, as a second one would cost it more
// than it saves; and when its work tree holds nothing but the files its index lists (a fresh clone,
// as in CI), by no git process at all: the index alone then gives git's answer (git-index.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plainGitDir } from '../io/plain-git-dir.js';
import { readIndex, type IndexEntry } from './git-index.js';
import { PathList } from './path-list.js';

export interface Listing {
  /** The files (only the tracked ones when untracked files are searched for apart). */
  first: PathList;
  /** Untracked files git does not ignore, when they are searched for apart; else none. */
  rest: Promise<PathList>;
  fromGit: boolean;
}

const nothing = PathList.of([]);

const git = (kind: string[]) => ['ls-files', '-z', ...kind];
const everything = git(['--cached', '--others', '--exclude-standard', '--deduplicate']);
const tracked = git(['--cached', '--deduplicate']);
const untracked = git(['--others', '--exclude-standard']);
/** An index this large lists some 9,000 files or more (about 110 bytes each). */
const largeIndex = 1024 * 1024;
/** Up to about 2,000 files, walking the work tree to compare it with the index is quicker than git. */
const smallIndex = 256 * 1024;

/** Loaded when git is run: Node's module for processes costs a run several milliseconds. */
const childProcess = () => process.getBuiltinModule('node:child_process');

/**
 * In a large repository, starts git's search for untracked files (call it as early as possible:
 * it is the longest part of listing); undefined for any other folder.
 */
export function searchUntrackedAhead(root: string): Promise<PathList | undefined> | undefined {
  if ((statSync(join(root, '.git', 'index'), { throwIfNoEntry: false })?.size ?? 0) < largeIndex) return undefined;
  return runGit(root, untracked).then((text) => (text === undefined ? undefined : PathList.ofGitOutput(text)));
}

export function listFiles(root: string, untrackedAhead = searchUntrackedAhead(root)): Listing {
  const indexed = untrackedAhead ? undefined : listedByIndex(root);
  if (indexed) return { first: PathList.of(indexed), rest: Promise.resolve(nothing), fromGit: true };
  // Outside a work tree git ls-files fails, and the folder is walked instead.
  const r = gitSync(root, untrackedAhead ? tracked : everything);
  if (r === undefined) return { first: PathList.of(walk(root, '')), rest: Promise.resolve(nothing), fromGit: false };
  // Should the separate search fail (a process limit, say), it is run again the plain way.
  const rest = untrackedAhead?.then((paths) => paths ?? PathList.ofGitOutput(gitSync(root, untracked) ?? '')) ?? Promise.resolve(nothing);
  return { first: PathList.ofGitOutput(r), rest, fromGit: true };
}

/**
 * What `git ls-files --cached --others --exclude-standard --deduplicate` would list, read without
 * git, when that is certain: a small index at the root, read whole, and a work tree holding only
 * the files it lists (so there is nothing untracked, whatever the ignore rules say). Undefined
 * whenever git could answer otherwise: git not on PATH, a repository owned by someone else (git
 * refuses it), settings that move or reshape the repository, anything untracked or unusual in the
 * work tree (a folder of its own, a nested repository, a socket), or an index this reader does not
 * vouch for.
 */
export function listedByIndex(root: string): string[] | undefined {
  const gitDir = plainGitDir(root);
  if (!gitDir) return undefined;
  let entries: IndexEntry[] | undefined;
  try {
    if (statSync(join(gitDir, 'index')).size > smallIndex) return undefined;
    entries = readIndex(readFileSync(join(gitDir, 'index')));
  } catch {
    return undefined;
  }
  if (!entries || !onlyIndexed(root, entries) || !gitOnPath()) return undefined;
  return entries.map((e) => e.path);
}

/** Whether every file and folder under root is one the index lists (or holds files it lists). */
function onlyIndexed(root: string, entries: IndexEntry[]): boolean {
  const files = new Map(entries.map((e) => [e.path, e.gitlink]));
  const folders = new Set<string>();
  for (const { path } of entries) for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) folders.add(path.slice(0, cut));
  const pending = [''];
  while (pending.length) {
    const rel = pending.pop()!;
    let found;
    try {
      found = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of found) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      // The repository's own folder; anywhere deeper, a repository of its own (git lists it apart).
      if (e.name === '.git') {
        if (rel) return false;
        continue;
      }
      const gitlink = files.get(path);
      if (gitlink !== undefined && (e.isFile() || e.isSymbolicLink() || (gitlink && e.isDirectory()))) continue;
      if (gitlink === undefined && e.isDirectory() && folders.has(path)) pending.push(path);
      else return false;
    }
  }
  return true;
}

/** Whether spawning "git" would find a program, as spawn looks for it: along PATH. */
function gitOnPath(): boolean {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && statSync(join(dir, 'git'), { throwIfNoEntry: false })?.isFile()) return true;
  }
  return false;
}

/** git's output, or undefined when git fails. */
function gitSync(root: string, args: string[]): string | undefined {
  const r = childProcess().spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
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
    const child = childProcess().spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}

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
