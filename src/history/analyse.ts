// Reads commits oldest first, one at a time, and keeps only running counts: per tool (and human
// work) per month. Pure: the commits come from log-stream.ts, the graph from graph.ts.
import type { Attribution } from './attribution.js';
import type { Graph } from './graph.js';
import { subjectOf, trailersOf, type CommitRecord } from './log-stream.js';
import { flatString } from './flat.js';
import { applyChange, day, type Chunk, type FileState } from './rework.js';

export const fixFollowUpDays = 7;

export interface Bucket {
  commits: number;
  linesAdded: number;
  linesRemoved: number;
  /** Distinct files touched in the bucket's month. */
  filesTouched: number;
  sizes: number[];
  reverts: number;
  fixFollowUps: number;
  /** Commits reverted, followed by a fix, or both: each counted once. */
  revertedOrFixed: number;
  reachedByMerge: number;
  reachedBySquash: number;
  pushedDirectly: number;
  /** Per rework window (14, 30 days): lines added long enough ago to judge, and of those reworked. */
  maturedLines: [number, number];
  reworkedLines: [number, number];
}

export interface Tally {
  /** One entry per attribution tool, then human work last. */
  buckets: Map<string, Bucket>[];
  /** Distinct files each class touched over the whole window. */
  filesByClass: number[];
  months: string[];
  merges: number;
  withTrailers: number;
  malformed: number;
}

const newBucket = (): Bucket => ({
  commits: 0,
  linesAdded: 0,
  linesRemoved: 0,
  filesTouched: 0,
  sizes: [],
  reverts: 0,
  fixFollowUps: 0,
  revertedOrFixed: 0,
  reachedByMerge: 0,
  reachedBySquash: 0,
  pushedDirectly: 0,
  maturedLines: [0, 0],
  reworkedLines: [0, 0],
});

export function monthOf(time: number): string {
  return new Date(time * 1000).toISOString().slice(0, 7);
}

/** Subjects GitHub writes when it squashes or rebases a pull request: "Title (#123)". */
const pullRequestSubject = /\(#\d+\)$/;
const githubCommitter = /<noreply@github\.com>$/i;

export class HistoryAnalyser {
  private readonly files = new Map<string, FileState>();
  private readonly toolOf: Int16Array;
  private readonly monthOf: Int16Array;
  /** Per commit: 1 reverted, 2 followed by a fix. Each is counted once, however often it happens. */
  private readonly troubled: Uint8Array;
  /** Subject hash -> the latest commit with that subject, for reverts that only quote it. */
  private readonly bySubject = new Map<number, number>();
  private readonly months: string[] = [];
  /** The month a commit was last counted in, and its bounds in seconds. */
  private lastMonth: { start: number; end: number; index: number } | undefined;
  private readonly buckets: Map<string, Bucket>[];
  private readonly human: number;
  private readonly filesByClass: number[];
  private merges = 0;
  private withTrailers = 0;

  constructor(
    private readonly attribution: Attribution,
    private readonly graph: Graph,
    /** File sizes in lines at the start of the window, so older lines share in every removal. */
    private readonly baseline: ReadonlyMap<string, number> = new Map(),
    /** Where the window ends: a rework window that ends after this cannot be judged yet. */
    private readonly until: number = graph.newestTime,
  ) {
    this.toolOf = new Int16Array(graph.size).fill(-2);
    this.monthOf = new Int16Array(graph.size);
    this.troubled = new Uint8Array(graph.size);
    this.human = attribution.tools.length;
    this.buckets = Array.from({ length: this.human + 1 }, () => new Map());
    this.filesByClass = Array.from({ length: this.human + 1 }, () => 0);
  }

  /** Commits must arrive oldest first (`git log --reverse`). */
  add(c: CommitRecord): void {
    const at = this.graph.index.get(c.hash);
    if (at === undefined) return; // Not in the graph read a moment ago: the branch moved; skip it.
    const trailers = trailersOf(c.message);
    if (trailers.length) this.withTrailers++;
    if (c.parents.length > 1) {
      this.merges++;
      return;
    }
    const subject = subjectOf(c.message);
    let tool = this.attribution.classify({ author: c.author, committer: c.committer, message: c.message, trailers });
    if (tool < 0) tool = this.graph.branchTool[at]!;
    const cls = tool < 0 ? this.human : tool;
    const month = this.monthIndex(c.time);
    this.toolOf[at] = cls;
    this.monthOf[at] = month;
    const b = this.bucket(cls, month);
    b.commits++;
    if (!this.graph.mainline[at]) b.reachedByMerge++;
    else if (pullRequestSubject.test(subject) || githubCommitter.test(c.committer)) b.reachedBySquash++;
    else b.pushedDirectly++;

    this.countRevert(c.message, subject);
    this.bySubject.set(subjectHash(subject), at);

    const fix = this.attribution.isFix(subject);
    let size = 0;
    const matured = (days: number) => this.until - c.time >= days * day;
    const owner = { tool: cls, month, matured: [matured(14), matured(30)] as const };
    for (const f of c.files) {
      if (f.binary) continue;
      size += f.added + f.removed;
      b.linesAdded += f.added;
      b.linesRemoved += f.removed;
      if (owner.matured[0]) b.maturedLines[0] += f.added;
      if (owner.matured[1]) b.maturedLines[1] += f.added;
      const file = this.file(f.path, f.from);
      // Counted per file rather than in a set of paths per month: far less to keep.
      if (file.seenMonth[cls] !== month + 1) {
        file.seenMonth[cls] = month + 1;
        b.filesTouched++;
        if (!file.seenBy[cls]) this.filesByClass[cls]!++;
        file.seenBy[cls] = 1;
      }
      applyChange(file, c.time, f.removed, f.added, owner, this.onRework);
      // Oldest first: drop from the front, in place (numbers, not objects: nothing to collect).
      let expired = 0;
      while (expired < file.recentTimes.length && c.time - file.recentTimes[expired]! > fixFollowUpDays * day) expired++;
      if (expired) {
        file.recentTimes.splice(0, expired);
        file.recentCommits.splice(0, expired);
      }
      if (fix) for (const r of file.recentCommits) this.markFollowed(r);
      file.recentCommits.push(at);
      file.recentTimes.push(c.time);
    }
    b.sizes.push(size);
  }

  /** Each non-merge commit read, with its class (a tool's index, or the people's): for measuring attribution. */
  eachCommit(onCommit: (hash: string, cls: number) => void): void {
    for (const [hash, at] of this.graph.index) if (this.toolOf[at]! >= 0) onCommit(hash, this.toolOf[at]!);
  }

  finish(malformed = 0): Tally {
    return { buckets: this.buckets, filesByClass: this.filesByClass, months: this.months, merges: this.merges, withTrailers: this.withTrailers, malformed };
  }

  private readonly onRework = (chunk: Chunk, lines: number, w: 0 | 1): void => {
    if (chunk.matured[w]) this.bucket(chunk.tool, chunk.month).reworkedLines[w] += lines;
  };

  private countRevert(message: string, subject: string): void {
    const byHash = /This reverts commit ([0-9a-f]{40,64})/.exec(message);
    let target = byHash ? this.graph.index.get(byHash[1]!) : undefined;
    if (target === undefined) {
      const quoted = /^Revert "(.*)"$/.exec(subject);
      if (quoted) target = this.bySubject.get(subjectHash(quoted[1]!));
    }
    // A revert of a commit before the window, or of a merge, is not counted against anyone.
    if (target === undefined || this.toolOf[target]! < 0 || this.troubled[target]! & 1) return;
    const b = this.bucket(this.toolOf[target]!, this.monthOf[target]!);
    b.reverts++;
    if (!this.troubled[target]) b.revertedOrFixed++;
    this.troubled[target] = this.troubled[target]! | 1;
  }

  private markFollowed(commit: number): void {
    if (this.troubled[commit]! & 2 || this.toolOf[commit]! < 0) return;
    const b = this.bucket(this.toolOf[commit]!, this.monthOf[commit]!);
    b.fixFollowUps++;
    if (!this.troubled[commit]) b.revertedOrFixed++;
    this.troubled[commit] = this.troubled[commit]! | 2;
  }

  private file(path: string, from: string | undefined): FileState {
    let state = this.files.get(path);
    if (from !== undefined && from !== path) {
      const moved = this.files.get(from) ?? this.fresh(from);
      this.files.delete(from);
      state = { ...moved, path: flatString(path) };
      this.files.set(state.path, state);
    }
    if (!state) {
      state = this.fresh(path);
      this.files.set(state.path, state);
    }
    return state;
  }

  private fresh(path: string): FileState {
    return {
      path: flatString(path),
      old: this.baseline.get(path) ?? 0,
      chunks: [],
      recentCommits: [],
      recentTimes: [],
      seenMonth: new Int32Array(this.human + 1),
      seenBy: new Uint8Array(this.human + 1),
    };
  }

  private monthIndex(time: number): number {
    // Commits come in time order, mostly within the month before them: the month last named is
    // asked first, by its bounds, rather than naming a month (a date and a string) per commit.
    const last = this.lastMonth;
    if (last && time >= last.start && time < last.end) return last.index;
    const m = monthOf(time);
    let i = this.months.indexOf(m);
    if (i < 0) i = this.months.push(m) - 1;
    const d = new Date(time * 1000);
    this.lastMonth = { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth()) / 1000, end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1) / 1000, index: i };
    return i;
  }

  private bucket(cls: number, month: number): Bucket {
    const key = this.months[month]!;
    let b = this.buckets[cls]!.get(key);
    if (!b) this.buckets[cls]!.set(key, (b = newBucket()));
    return b;
  }
}

/**
 * A 53-bit hash of a subject (cyrb53): 100,000 subjects kept as numbers instead of strings. Two
 * subjects share a hash with odds of about one in 10^11 per revert, and then only which commit a
 * quoted revert is counted against could be wrong.
 */
function subjectHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
