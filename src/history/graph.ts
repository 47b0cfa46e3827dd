// The commit graph of the window, read before the numstat pass (`git log --format="%H %P%x1f%s"`,
// which computes no diffs and so costs little). It answers what a single oldest-first pass cannot:
// which commits reached the branch through a merge, and which a merge of an agent's branch brought.
// Pure: fed one line at a time.
import { CommitIndex, HashList } from './commit-index.js';
import { flatString } from './flat.js';

export interface Graph {
  /** Commit hash -> dense index, for compact per-commit arrays. */
  index: CommitIndex;
  /** 1 where the commit is on the first-parent chain from HEAD: it landed on the branch itself. */
  mainline: Uint8Array;
  /** The tool (attribution index) whose branch a merge brought the commit in on, or -1. */
  branchTool: Int16Array;
  newestTime: number;
  /** The first commit read (HEAD, when the window holds it) and its committer time. */
  first: { hash: string; time: number } | undefined;
  size: number;
}

export class GraphBuilder {
  private hashes = new HashList();
  /** Every commit's parents, one after another: commit i's start at parentStart[i]. */
  private parents = new HashList();
  private parentStart: number[] = [];
  private merges: { at: number; branchTool: number }[] = [];
  private newestTime = 0;
  private first: Graph['first'];

  constructor(private readonly classifyMerge: (subject: string) => number) {}

  /** One line: "<hash> <parents...>\x1f<committer time>\x1f<subject>", newest first. */
  line(text: string): void {
    const [ids, time, ...rest] = text.split('\x1f');
    const hashes = (ids ?? '').split(' ').filter(Boolean);
    if (!hashes.length || !hashes.every((h) => /^[0-9a-f]{40,64}$/.test(h))) return;
    this.commit(hashes[0]!, hashes.slice(1), Number(time) || 0, rest.join('\x1f'));
  }

  /** One commit, newest first, as a line gives it; `subject` as git's %s prints it. */
  commit(hash: string, parents: string[], time: number, subject: string): void {
    const at = this.hashes.push(hash);
    this.parentStart.push(this.parents.size);
    for (const p of parents) this.parents.push(p);
    this.first ??= { hash: flatString(hash), time };
    this.newestTime = Math.max(this.newestTime, time);
    if (parents.length > 1) this.merges.push({ at, branchTool: this.classifyMerge(subject) });
  }

  finish(): Graph {
    const size = this.hashes.size;
    const index = new CommitIndex(this.hashes);
    const { parents, parentStart } = this;
    const parentsOf = (i: number) => ({ from: parentStart[i]!, to: i + 1 < size ? parentStart[i + 1]! : parents.size });
    const mainline = new Uint8Array(size);
    // The first line is HEAD (git log lists it first).
    for (let i: number | undefined = size ? 0 : undefined; i !== undefined && !mainline[i];) {
      mainline[i] = 1;
      const { from, to } = parentsOf(i);
      i = from < to ? index.getFrom(parents, from) : undefined;
    }
    const branchTool = new Int16Array(size).fill(-1);
    const claimed = new Uint8Array(size);
    // Oldest merge first, so a commit belongs to the merge that first brought it in.
    for (const m of [...this.merges].reverse()) {
      const stack: number[] = [];
      const { from, to } = parentsOf(m.at);
      for (let p = from + 1; p < to; p++) {
        const j = index.getFrom(parents, p);
        if (j !== undefined) stack.push(j);
      }
      while (stack.length) {
        const i = stack.pop()!;
        if (mainline[i] || claimed[i]) continue;
        claimed[i] = 1;
        branchTool[i] = m.branchTool;
        const own = parentsOf(i);
        for (let p = own.from; p < own.to; p++) {
          const j = index.getFrom(parents, p);
          if (j !== undefined) stack.push(j);
        }
      }
    }
    // The parent lists are done with: let them go before the long numstat pass.
    this.parents = new HashList();
    this.parentStart = [];
    this.merges = [];
    return { index, mainline, branchTool, newestTime: this.newestTime, first: this.first, size };
  }
}
