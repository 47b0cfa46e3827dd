// Strings cut from a larger one (a regex match, a slice, a split) can keep the whole larger string
// alive in V8. The history reader cuts paths, hashes and subjects out of 64 KiB chunks of git's
// output; anything it keeps past the chunk is copied, or a run over 100,000 commits would hold
// most of git's output in memory.
export function flatString(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
