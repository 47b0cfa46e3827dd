// A git command started ahead of being read (src/history/git.ts, startGit) must hand over all it
// printed, in order, however long it waited: held while small, left waiting on a full pipe once
// past the limit, and drained by Node when git has already exited.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startGit } from '../../src/history/git.js';
import { tempDir } from '../helpers/cli.js';

describe('a git command started ahead of being read', () => {
  const dir = tempDir('rollout-check-stream-');
  execFileSync('git', ['init', '-q', dir]);
  // Far past what is held before git is made to wait (256 Ki characters).
  const big = Array.from({ length: 60_000 }, (_, i) => `line ${i} of a file long enough to fill the pipe several times over\n`).join('');
  writeFileSync(join(dir, 'big.txt'), big);
  const blob = execFileSync('git', ['-C', dir, 'hash-object', '-w', 'big.txt'], { encoding: 'utf8' }).trim();

  it.each([
    ['read at once', 0],
    ['read after git has filled the pipe and waited', 300],
  ])('hands over everything it printed, in order: %s', async (_, wait) => {
    const started = startGit(dir, ['cat-file', 'blob', blob]);
    await sleep(wait);
    let text = '';
    await started.stream((t) => (text += t));
    expect(text.length).toBe(big.length);
    expect(text === big).toBe(true);
  });

  it('hands over a short output that ended before it was read', async () => {
    const started = startGit(dir, ['rev-parse', '--is-inside-work-tree']);
    await sleep(300);
    let text = '';
    await started.stream((t) => (text += t));
    expect(text).toBe('true\n');
  });

  it("rejects with git's complaint, and a stopped one is quietly let go", async () => {
    await expect(startGit(dir, ['cat-file', 'blob', 'no-such-object']).stream(() => {})).rejects.toThrow(/git log failed/);
    const stopped = startGit(dir, ['cat-file', 'blob', blob]);
    stopped.stop();
    await sleep(50);
  });
});
