// Turns the output of `git log -z --numstat --format=<logFormat>` into commit records, one chunk at
// a time, so the history is never held whole. Pure: the git process is at the edge (git.ts).
//
// With -z, git ends the formatted header of every commit with a NUL, and every numstat entry too
// ("added\tdeleted\tpath", or "added\tdeleted\t" then the old and the new path for a rename). A
// commit message cannot hold a NUL, so header boundaries are certain; inside the header the
// identities are on lines of their own (an identity cannot hold a newline) and the message is
// last, so nothing a hostile message contains can shift another field.
import { flatString } from './flat.js';

/** The format string the parser expects; the leading RS marks a header token. */
export const logFormat = '%x1e%H %P%n%ct%n%an <%ae>%n%cn <%ce>%n%B';

export interface FileChange {
  path: string;
  /** The path before a rename, when there was one. */
  from?: string;
  added: number;
  removed: number;
  binary: boolean;
}

export interface CommitRecord {
  hash: string;
  parents: string[];
  /** Committer time, seconds since the epoch: when the change landed. */
  time: number;
  author: string;
  committer: string;
  message: string;
  /** The subject as git's %s prints it, when the parser is asked for subjects. */
  subject?: string;
  files: FileChange[];
}

/** Messages are cut to this before any pattern runs on them: rules stay fast on hostile input. */
export const maxMessageChars = 64 * 1024;

export class LogParser {
  private pending = '';
  private current: CommitRecord | undefined;
  /** A rename entry waits for its two paths. */
  private rename: { added: number; removed: number; binary: boolean; from?: string } | undefined;
  /** Header tokens that did not have the expected shape (counted, never fatal). */
  malformed = 0;

  /** `subjects`: give every record its subject, for a graph built from these records (passes.ts). */
  constructor(
    private readonly onCommit: (c: CommitRecord) => void,
    private readonly subjects = false,
  ) {}

  push(chunk: string): void {
    // No concatenation of whole chunks: a string built from two 64 KiB chunks is a large object
    // V8 only frees in a full collection, and a long history would pile them up.
    let start = 0;
    let end = chunk.indexOf('\0');
    if (end < 0) {
      this.pending += chunk;
      return;
    }
    this.token(this.pending + chunk.slice(0, end));
    this.pending = '';
    start = end + 1;
    for (end = chunk.indexOf('\0', start); end >= 0; end = chunk.indexOf('\0', start)) {
      this.token(chunk.slice(start, end));
      start = end + 1;
    }
    this.pending = flatString(chunk.slice(start));
  }

  end(): void {
    if (this.pending) this.token(this.pending);
    this.pending = '';
    this.flush();
  }

  private token(raw: string): void {
    if (this.rename) {
      if (this.rename.from === undefined) this.rename.from = raw;
      else {
        const { from, added, removed, binary } = this.rename;
        this.current?.files.push({ path: raw, from, added, removed, binary });
        this.rename = undefined;
      }
      return;
    }
    if (raw.startsWith('\x1e')) return this.header(raw.slice(1));
    // The first numstat entry of a commit follows the header's newline.
    const entry = /^\n?(\d+|-)\t(\d+|-)\t([^]*)$/.exec(raw);
    if (!entry) return; // Nothing else is expected here; ignore rather than guess.
    const binary = entry[1] === '-';
    const added = binary ? 0 : Number(entry[1]);
    const removed = binary ? 0 : Number(entry[2]);
    if (entry[3] === '') this.rename = { added, removed, binary };
    else this.current?.files.push({ path: entry[3]!, added, removed, binary });
  }

  private header(raw: string): void {
    this.flush();
    const lines = raw.split('\n', 4);
    const [ids, time, author, committer] = lines;
    const hashes = ids?.split(' ').filter(Boolean) ?? [];
    if (lines.length < 4 || !hashes.length || !hashes.every((h) => /^[0-9a-f]{40,64}$/.test(h)) || !/^\d+$/.test(time ?? '')) {
      this.malformed++;
      return;
    }
    const offset = ids!.length + time!.length + author!.length + committer!.length + 4;
    this.current = {
      hash: hashes[0]!,
      parents: hashes.slice(1),
      time: Number(time),
      author: author!,
      committer: committer!,
      message: raw.slice(offset, offset + maxMessageChars).replace(/\n+$/, ''),
      files: [],
    };
    if (this.subjects) this.current.subject = gitSubject(raw.slice(offset));
  }

  private flush(): void {
    if (this.current) this.onCommit(this.current);
    this.current = undefined;
  }
}

export function subjectOf(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

/**
 * What git's %s prints for a message (pretty.c, format_subject): the first paragraph after any
 * blank lines, each line without its trailing white space (git's: space, tab, CR, LF), joined by
 * spaces. Read from the whole message, before any cut, as git reads it.
 */
export function gitSubject(message: string): string {
  const lines = message.split('\n');
  const trimmed = (line: string) => line.replace(/[ \t\r]+$/, '');
  let i = 0;
  while (i < lines.length && !trimmed(lines[i]!)) i++;
  const paragraph: string[] = [];
  for (; i < lines.length && trimmed(lines[i]!); i++) paragraph.push(trimmed(lines[i]!));
  return paragraph.join(' ');
}

/**
 * The trailers of a message: its last paragraph when every line in it is "Key: value" (or a
 * continuation line of one), the way `git interpret-trailers` reads them, and the paragraphs just
 * before it that are trailers too. A tool that writes "Co-authored-by" and then, after a blank
 * line, a session trailer of its own still marks the commit with both; git alone would read only
 * the last paragraph. The subject is never a trailer.
 */
export function trailersOf(message: string): { key: string; value: string }[] {
  const paragraphs = message.replace(/\s+$/, '').split(/\n\n+/);
  const trailers: { key: string; value: string }[] = [];
  for (let i = paragraphs.length - 1; i >= 1; i--) {
    const block = trailerBlock(paragraphs[i]!);
    if (!block) break;
    trailers.unshift(...block);
  }
  return trailers;
}

function trailerBlock(paragraph: string): { key: string; value: string }[] | undefined {
  const trailers: { key: string; value: string }[] = [];
  for (const line of paragraph.split('\n')) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(line);
    if (m) trailers.push({ key: m[1]!.toLowerCase(), value: m[2]! });
    else if (/^\s/.test(line) && trailers.length) trailers[trailers.length - 1]!.value += ` ${line.trim()}`;
    else return undefined;
  }
  return trailers.length ? trailers : undefined;
}

/** The branch a merge commit brought in, read from the subjects GitHub, GitLab and git write. */
export function mergedBranch(subject: string): string | undefined {
  const github = /^Merge pull request #\d+ from [^/\s]+\/(\S+)/.exec(subject);
  if (github) return github[1];
  const git = /^Merge (?:remote-tracking )?branch '([^']+)'/.exec(subject);
  if (git) return git[1]!.replace(/^origin\//, '');
  return undefined;
}
