// The passes over a history (src/history/passes.ts) on real repositories: a small history read in
// one pass must give exactly the graph and the commits that two passes give, whether its output
// fits in what is held (the graph built from the changes) or not (the graph pass started late);
// and the subject read from a commit's message must be the one git's %s prints.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, type Graph } from '../../src/history/graph.js';
import { LogParser, logFormat, mergedBranch, type CommitRecord } from '../../src/history/log-stream.js';
import { readGraph, startPasses } from '../../src/history/passes.js';
// @ts-expect-error: a plain ES module script, shared with the bench.
import { makeHistoryRepo } from '../../scripts/history-fixture.mjs';
import { runCli, tempDir } from '../helpers/cli.js';

const git = (dir: string, args: string[], input?: string) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });

/** A merge's subject names a branch: its tool index stands in for the attribution's. */
const classify = (subject: string) => (mergedBranch(subject)?.length ?? -2) % 7;

async function read(dir: string, range: string[], small: boolean) {
  const passes = startPasses(dir, range, true, small);
  const whole = !passes.graph && (await passes.changes.settled());
  const read = await readGraph(passes, new GraphBuilder(classify));
  const commits: CommitRecord[] = [];
  const malformed = await read.replay((c) => commits.push(c));
  // The subject is only carried where the graph was built from the records.
  return { whole, graph: plain(read.graph), commits: commits.map(({ subject: _, ...c }) => c), malformed };
}

const plain = (g: Graph) => ({ ...g, index: [...g.index], mainline: [...g.mainline], branchTool: [...g.branchTool] });

describe('one pass or two over a history', () => {
  it.each([
    ['a history whose output is held whole', 40, true],
    ['a history too long to hold: the graph pass starts late', 1200, false],
  ])('%s gives the graph and the commits two passes give', async (_, commits, whole) => {
    const dir = join(tempDir('rollout-check-passes-'), 'repo');
    await makeHistoryRepo(dir, { commits, seed: 5 });
    for (const range of [['HEAD'], ['--since=@1781000000', 'HEAD']]) {
      const one = await read(dir, range, true);
      const two = await read(dir, range, false);
      // Over all history the output is held whole or not as the case says; a window's is smaller.
      if (range.length === 1) expect(one.whole).toBe(whole);
      expect(two.whole).toBe(false);
      expect(one).toEqual({ ...two, whole: one.whole });
      expect(one.graph.size).toBeGreaterThan(0);
      expect(one.graph.first?.hash).toBe(git(dir, ['rev-parse', 'HEAD']).trim());
    }
  });

  it("reads each subject as git's %s prints it, however the message is laid out", () => {
    const dir = join(tempDir('rollout-check-subjects-'), 'repo');
    git(tempDir(), ['init', '-q', dir]);
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\r', '\v', '\f', 'é', "'", '#'), maxLength: 8 });
    const message = fc
      .array(fc.oneof(line, fc.constantFrom('Merge pull request #7 from org/copilot/fix-it', "Merge branch 'claude/x'", '')), { maxLength: 6 })
      .map((lines) => lines.join('\n'));
    const messages = fc.sample(fc.tuple(message, fc.boolean()), { numRuns: 150, seed: 17 });
    // git fast-import keeps a message byte for byte; every second commit is a merge of a side root.
    const stream = messages
      .map(([text, merge], i) => {
        const data = Buffer.from(text);
        const from = i ? `from :${i}\n` : '';
        const side = merge && i > 1 ? `merge :${i - 1}\n` : '';
        return `commit refs/heads/main\nmark :${i + 1}\ncommitter A <a@example.com> ${1780000000 + i} +0000\ndata ${data.length}\n${text}\n${from}${side}`;
      })
      .join('');
    git(dir, ['fast-import', '--quiet'], stream);
    const records: CommitRecord[] = [];
    const parser = new LogParser((c) => records.push(c), true);
    parser.push(git(dir, ['log', '--reverse', '-z', '--encoding=UTF-8', `--format=${logFormat}`, 'main']));
    parser.end();
    const subjects = git(dir, ['log', '--reverse', '--encoding=UTF-8', '--format=%s%x00', 'main']).split('\0\n');
    expect(records.map((r) => r.subject)).toEqual(subjects.slice(0, records.length));
    expect(records.length).toBe(messages.length);
  });

  it('counts the lines before a window the same way in a SHA-1 and a SHA-256 repository', async () => {
    const reports = [];
    for (const format of ['sha1', 'sha256']) {
      const dir = join(tempDir(`rollout-check-${format}-`), 'repo');
      git(tempDir(), ['init', '-q', '-b', 'main', `--object-format=${format}`, dir]);
      await makeHistoryRepo(dir, { commits: 120, seed: 9 });
      const r = runCli(['history', dir, '--since', '20d', '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const { root: _, ...report } = JSON.parse(r.stdout);
      reports.push(report);
      expect(git(dir, ['rev-parse', 'HEAD']).trim()).toHaveLength(format === 'sha1' ? 40 : 64);
    }
    expect(reports[1]).toEqual(reports[0]);
    // A window that starts after the first commit: older lines were counted at its start.
    expect(reports[0].window.since > '2026-06-01').toBe(true);
  });

  it('names the branch, a detached HEAD and a shallow clone as git reports them, and refuses a branch with no commit', async () => {
    const root = tempDir('rollout-check-heads-');
    const origin = join(root, 'origin');
    await makeHistoryRepo(origin, { commits: 30, seed: 3 });
    const repos: Record<string, string> = {};
    const clone = (name: string, ...args: string[]) => {
      repos[name] = join(root, name);
      git(root, ['clone', '-q', ...args, `file://${origin}`, repos[name]!]);
      return repos[name]!;
    };
    clone('plain');
    git(clone('packed'), ['pack-refs', '--all']);
    git(clone('branch with a slash'), ['checkout', '-q', '-b', 'feature/agents']);
    clone('shallow', '--depth', '3');
    git(clone('detached'), ['checkout', '-q', '--detach', 'HEAD~2']);
    git(clone('unborn'), ['checkout', '-q', '--orphan', 'nothing-yet']);
    const history = (name: string) => runCli(['history', repos[name]!, '--all', '--format', 'json']);
    const json = (name: string) => JSON.parse(history(name).stdout) as { branch: string; limits: string[] };
    expect(json('plain').branch).toBe('main');
    expect(json('packed').branch).toBe('main');
    expect(json('branch with a slash').branch).toBe('feature/agents');
    expect(json('shallow').limits.join(' ')).toContain('shallow clone');
    expect(json('plain').limits.join(' ')).not.toContain('shallow clone');
    const short = git(repos.detached!, ['rev-parse', '--short', 'HEAD']).trim();
    expect(json('detached').branch).toBe(`detached at ${short}`);
    const unborn = history('unborn');
    expect(unborn.code).toBe(2);
    expect(unborn.stderr).toContain('the repository has no commits yet');
  });
});
