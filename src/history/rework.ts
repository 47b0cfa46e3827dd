// Rework without blame: which share of the lines a commit added were changed or deleted again
// within 14 and 30 days, from numstat alone.
//
// The approximation. Each file keeps the lines still alive from each recent commit ("chunks",
// oldest first) plus one count for everything older. numstat says how many lines a later commit
// removed from the file, not which: we take them from every chunk in proportion to the lines it
// still has, as if each line of the file were equally likely to be the one changed. A changed
// line shows in numstat as one removed and one added, so changes and deletions count alike.
// Renames carry a file's chunks to its new path. Measured against `git blame` on a fixture in
// test/unit/history-rework.test.ts; the README states the error.

export const day = 24 * 60 * 60;
export const reworkWindows = [14, 30] as const;

export interface Chunk {
  /** Who added the lines: an attribution index, or -1 for human work. */
  tool: number;
  /** The month bucket the lines were added in. */
  month: number;
  time: number;
  alive: number;
  /** Which rework windows ended before the newest commit: only those count in a rate. */
  matured: readonly [boolean, boolean];
}

export interface FileState {
  path: string;
  /** Lines whose chunk is older than the longest window: no longer tracked one by one. */
  old: number;
  chunks: Chunk[];
  /** Commits that touched the file in the last seven days (and when), for fix follow-ups. */
  recentCommits: number[];
  recentTimes: number[];
  /** Per class (tool or people): the last month index + 1 it touched the file in, and whether ever. */
  seenMonth: Int32Array;
  seenBy: Uint8Array;
}

export type OnRework = (chunk: Chunk, lines: number, windowIndex: 0 | 1) => void;

/** Applies one file's change at `time`: removed lines come out of the chunks, added ones go in. */
export function applyChange(file: FileState, time: number, removed: number, added: number, owner: Omit<Chunk, 'alive' | 'time'>, onRework: OnRework): void {
  const horizon = time - reworkWindows[1] * day;
  while (file.chunks.length && file.chunks[0]!.time < horizon) file.old += file.chunks.shift()!.alive;
  if (removed > 0) {
    const total = file.old + file.chunks.reduce((s, c) => s + c.alive, 0);
    // More removed than we know of: the file existed before the history we read. Take all.
    const share = total > 0 ? Math.min(1, removed / total) : 0;
    file.old -= file.old * share;
    for (const c of file.chunks) {
      const gone = c.alive * share;
      if (gone <= 0) continue;
      c.alive -= gone;
      reworkWindows.forEach((days, w) => {
        if (time - c.time <= days * day) onRework(c, gone, w as 0 | 1);
      });
    }
    // Compacted in place: a long history changes files millions of times, and a new array per
    // change would outlive the young generation and pile up until a full collection.
    let kept = 0;
    for (const c of file.chunks) if (c.alive > 1e-9) file.chunks[kept++] = c;
    file.chunks.length = kept;
  }
  if (added > 0) file.chunks.push({ tool: owner.tool, month: owner.month, matured: owner.matured, time, alive: added });
}
