// `rollout-check history` on real git repositories made in temp folders, through the built binary.
import { execFileSync } from 'node:child_process';
import { gitAs } from '../helpers/git.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, shared with the bench.
import { makeHistoryRepo } from '../../scripts/history-fixture.mjs';
// @ts-expect-error: a plain ES module script.
import { reworkAgainstBlame } from '../../scripts/rework-vs-blame.mjs';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

interface Truth {
  tools: Record<string, { commits: number; reverts: number; pushedDirectly: number; reachedByMerge: number; reachedBySquash: number }>;
}
interface ToolJson {
  id: string;
  commits: number;
  share: number;
  reverts: number;
  pushedDirectly: number;
  reachedByMerge: number;
  reachedBySquash: number;
  fixFollowUps: number;
  rework30: { lines: number; reworked: number; rate: number | null };
}

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

describe('history on a generated repository with a known history', () => {
  let dir: string;
  let truth: Truth;
  let json: { commits: number; merges: number; tools: ToolJson[]; attribution: { agentCommits: number }; months: { month: string }[]; limits: string[] };
  beforeAll(async () => {
    dir = join(tempDir('rollout-check-history-'), 'repo');
    truth = await makeHistoryRepo(dir, { commits: 300, seed: 11 });
    const r = runCli(['history', dir, '--all', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it('counts each tool exactly: commits, share, reverts, how commits reached main', () => {
    const total = Object.values(truth.tools).reduce((s, t) => s + t.commits, 0);
    expect(json.commits).toBe(total);
    expect(json.tools.map((t) => t.id).sort()).toEqual(Object.keys(truth.tools).sort());
    for (const t of json.tools) {
      const expected = truth.tools[t.id]!;
      expect({
        id: t.id,
        commits: t.commits,
        reverts: t.reverts,
        pushedDirectly: t.pushedDirectly,
        reachedByMerge: t.reachedByMerge,
        reachedBySquash: t.reachedBySquash,
      }).toEqual({ id: t.id, ...expected });
      expect(t.share).toBe(Math.round((expected.commits / total) * 1000) / 1000);
    }
    // People come last; the agents are in order of commits.
    expect(json.tools.at(-1)!.id).toBe('human');
    expect(json.attribution.agentCommits).toBe(total - truth.tools.human!.commits);
    expect(json.merges).toBe(truth.tools.copilot!.commits);
  });

  it('finds the fix follow-ups the generator wrote', () => {
    // Every "fix:" commit touches a file of the commit before it, within a day or two.
    const fixes = Number(git(dir, 'rev-list', '--count', '--no-merges', '--grep=^fix: ', 'HEAD').trim());
    const followed = json.tools.reduce((s, t) => s + t.fixFollowUps, 0);
    expect(fixes).toBeGreaterThan(5);
    expect(followed).toBeGreaterThanOrEqual(fixes);
  });

  it('keeps rework within 30 days close to what git blame says', () => {
    const r = reworkAgainstBlame(dir) as { approxRate: number; blameRate: number };
    // The approximation assumes every line is equally likely to change; the fixture's edits
    // favour recent lines, so it reads low. The README states the measured error.
    expect(r.blameRate).toBeGreaterThan(0.1);
    expect(Math.abs(r.approxRate - r.blameRate)).toBeLessThan(0.1);
  });

  it('gives the same bytes in any time zone and on any day', () => {
    const a = runCli(['history', dir, '--all', '--format', 'md'], { env: { TZ: 'Pacific/Auckland' } });
    const b = runCli(['history', dir, '--all', '--format', 'md'], { env: { TZ: 'America/Los_Angeles', FAKETIME: '2030-01-01' } });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('```mermaid');
  });

  it('counts a window back from the newest commit', () => {
    const r = runCli(['history', dir, '--since', '30d', '--format', 'json']);
    const windowed = JSON.parse(r.stdout) as typeof json & { window: { since: string; until: string } };
    const newest = Number(git(dir, 'log', '-1', '--format=%ct').trim());
    const expected = Number(git(dir, 'rev-list', '--count', '--no-merges', `--since=@${newest - 30 * 86400}`, 'HEAD').trim());
    expect(windowed.commits).toBe(expected);
    expect(windowed.window.until).toBe(new Date(newest * 1000).toISOString().slice(0, 10));
  });

  it('names a shallow clone as a limit instead of reporting a short history', () => {
    const shallow = join(tempDir('rollout-check-shallow-'), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
    const r = runCli(['history', shallow, '--all']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/shallow clone.*fetch-depth: 0/);
  });
});

describe('history on a small repository whose rework is known exactly', () => {
  it('counts rework within 14 and 30 days, reverts and direct pushes to the line', () => {
    const dir = tempDir('rollout-check-rework-');
    let day = 0;
    const commit = (message: string, files: Record<string, string>, author = 'Ada <ada@example.com>') => {
      for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
      const date = `${1767225600 + day * 86400} +0000`;
      execFileSync('git', ['-C', dir, 'add', '-A']);
      gitAs(dir, author, date, ['commit', '-q', '--allow-empty', '-m', message]);
    };
    const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`).join('\n') + '\n';
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    commit('Start', { 'README.md': 'readme\n' });
    day = 1;
    // Claude Code writes 10 lines of a new file; 5 days later a person rewrites 4 of them.
    commit('Add parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>', { 'parser.ts': lines(1, 10), 'format.ts': lines(1, 10) });
    day = 6;
    commit('Tidy parser', { 'parser.ts': lines(1, 6) + 'new a\nnew b\nnew c\nnew d\n' });
    day = 20;
    // 20 days after it was written, two more of the agent's lines go: rework within 30, not 14.
    commit('Trim format', { 'format.ts': lines(1, 8) });
    day = 80;
    commit('Later work', { 'other.ts': lines(1, 3) });
    const r = runCli(['history', dir, '--all', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const claude = json.tools.find((t: ToolJson) => t.id === 'claude-code') as ToolJson & { rework14: ToolJson['rework30'] };
    expect(claude.commits).toBe(1);
    expect(claude.share).toBe(0.2);
    // Each removal here falls in a file holding only the agent's lines, where the approximation is
    // exact: git blame agrees line for line.
    expect(claude.rework14).toEqual({ lines: 20, reworked: 4, rate: 0.2 });
    expect(claude.rework30).toEqual({ lines: 20, reworked: 6, rate: 0.3 });
    expect(claude.pushedDirectly).toBe(1);
    const human = json.tools.find((t: ToolJson) => t.id === 'human') as ToolJson;
    expect(human.commits).toBe(4);
    // The person's README line and 4 new lines were never touched; other.ts is too recent to judge.
    expect(human.rework30).toEqual({ lines: 5, reworked: 0, rate: 0 });
  });
});

describe("history on this project's own repository", () => {
  it('agrees with git on commits, merges and trailers, and says agent work is not observable when none is attributed', () => {
    const r = runCli(['history', repoRoot, '--all', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const count = (...args: string[]) => Number(git(repoRoot, 'rev-list', '--count', ...args, 'HEAD').trim());
    expect(json.commits).toBe(count('--no-merges'));
    expect(json.merges).toBe(count('--merges'));
    const withTrailers = git(repoRoot, 'log', '--format=%(trailers:only,unfold)%x00')
      .split('\0')
      .filter((t) => t.trim()).length;
    expect(json.attribution.commitsWithTrailers).toBe(withTrailers);
    if (json.attribution.agentCommits === 0) expect(json.limits.join(' ')).toMatch(/not observable/);
    if (git(repoRoot, 'rev-parse', '--is-shallow-repository').trim() === 'true') expect(json.limits.join(' ')).toMatch(/shallow/);
  });
});

describe('history refuses bad input with one line and exit 2', () => {
  it.each([
    ['a folder that is not a repository', () => [tempDir()], /not a git repository/],
    [
      'an empty repository',
      () => {
        const d = tempDir();
        git(d, 'init', '-q');
        return [d];
      },
      /no commits yet/,
    ],
    ['a window that is not a date or a duration', () => ['.', '--since', 'last tuesday'], /--since last tuesday: not a date or a duration/],
    ['an impossible date', () => ['.', '--since', '2026-02-30'], /not a date or a duration/],
  ])('%s', (_name, args, message) => {
    const r = runCli(['history', ...args()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('an attribution rule whose pattern does not compile, at its line', () => {
    const file = join(tempDir(), 'agents.yaml');
    writeFileSync(file, 'version: 1\ntools:\n  - id: in-house\n    name: Our agent\n    rules:\n      - author: "([unclosed"\n        source: our bot\n');
    const r = runCli(['history', '.', '--attribution', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6:`);
    expect(r.stderr).toMatch(/not a regular expression/);
  });

  it('a --prs export: agent and people pull requests, reviews, rounds, merge time and sizes', () => {
    const file = join(tempDir(), 'prs.json');
    const pr = (number: number, login: string, head: string, reviews: { author: { login: string }; state: string }[], hours: number, size: number) => ({
      number,
      author: { login },
      headRefName: head,
      labels: [],
      additions: size,
      deletions: 0,
      createdAt: '2026-03-01T00:00:00Z',
      mergedAt: new Date(Date.parse('2026-03-01T00:00:00Z') + hours * 3_600_000).toISOString(),
      reviews,
      comments: [],
    });
    writeFileSync(
      file,
      JSON.stringify([
        pr(
          1,
          'app/copilot-swe-agent',
          'copilot/fix-1',
          [
            { author: { login: 'ada' }, state: 'CHANGES_REQUESTED' },
            { author: { login: 'ada' }, state: 'APPROVED' },
          ],
          10,
          40,
        ),
        pr(2, 'grace', 'claude/tidy', [], 2, 300),
        pr(3, 'grace', 'feature/x', [{ author: { login: 'grace' }, state: 'COMMENTED' }], 4, 1200),
        { ...pr(4, 'bob', 'feature/y', [], 1, 10), mergedAt: null },
      ]),
    );
    const r = runCli(['history', '.', '--prs', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout).pullRequests;
    expect(p.total).toBe(3);
    expect(p.agent).toMatchObject({
      count: 2,
      reviewed: 1,
      mergedWithoutReview: 1,
      medianHoursToMerge: 6,
      byTool: [
        { id: 'claude-code', count: 1 },
        { id: 'copilot', count: 1 },
      ],
    });
    expect(p.agent.sizes).toEqual({ upTo50: 1, upTo250: 0, upTo1000: 1, over1000: 0 });
    // A review by the author is no review.
    expect(p.human).toMatchObject({ count: 1, reviewed: 0, mergedWithoutReview: 1, medianRounds: 0 });
  });

  it('a --prs file that is not what gh writes, at its line', () => {
    const file = join(tempDir(), 'prs.json');
    writeFileSync(
      file,
      '[\n  {"number": 1, "author": {"login": "a"}, "headRefName": "x", "labels": [], "additions": 1,\n   "deletions": "many", "createdAt": "2026-01-01T00:00:00Z", "mergedAt": null, "reviews": [], "comments": []}\n]\n',
    );
    const r = runCli(['history', '.', '--prs', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:`);
    expect(r.stderr).toMatch(/gh pr list/);
  });
});

describe('history with hostile commits', () => {
  it('reads messages and names with separators, fake numstat and markup as plain data, and never prints them', () => {
    const dir = tempDir('rollout-check-hostile-history-');
    const g = (...args: string[]) =>
      execFileSync('git', ['-C', dir, ...args], {
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: '<script>alert(1)</script>',
          GIT_AUTHOR_EMAIL: 'x@example.com',
          GIT_COMMITTER_NAME: 'c',
          GIT_COMMITTER_EMAIL: 'c@example.com',
        },
      });
    g('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    g('add', '-A');
    g('commit', '-q', '-m', 'first\x1e\x1fdeadbeef\n\n999\t999\tfake/path\n\x1eCo-authored-by: Claude <noreply@anthropic.com>');
    writeFileSync(join(dir, '\x1ename.txt'), 'two\nthree\n');
    g('add', '-A');
    g('commit', '-q', '-m', 'token ghp_R3alLookingTokenAbcdefghijklmnopqrstu');
    const r = runCli(['history', dir, '--all', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.commits).toBe(2);
    const all = json.tools.reduce((s: number, t: ToolJson & { linesAdded: number }) => s + t.linesAdded, 0);
    expect(all).toBe(3);
    expect(r.stdout).not.toContain('ghp_');
    expect(r.stdout).not.toContain('<script>');
  });
});

describe('assess --history', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(tempDir('rollout-check-assess-history-'), 'repo');
    await makeHistoryRepo(dir, { commits: 300, seed: 11 });
  });

  it('adds the history section and its disagreements to md, html, json and csv, never changing a score', () => {
    const plain = JSON.parse(runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'json']).stdout);
    const out = (format: string) => runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--history', dir, '--format', format]);
    const json = JSON.parse(out('json').stdout);
    expect(json.overall).toEqual(plain.overall);
    expect(json.questions).toEqual(plain.questions);
    expect(json.verdict).toEqual(plain.verdict);
    // The answers file is dated 2026-11-09: the window is the 90 days before it.
    expect(json.history.window).toEqual({ asked: '90d', since: '2026-08-11', until: '2026-11-09', anchor: 'metadata-date' });
    const disagreements = json.history.disagreements.map((d: { question: string; signal: string }) => `${d.question} ${d.signal}`);
    expect(disagreements).toEqual(['fm3.human-review history.agent-pushed-directly', 'fm6.rework-share history.agent-rework-share']);
    const schema = JSON.parse(runCli(['schema', 'result']).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);

    const md = out('md').stdout;
    expect(md).toContain('## What the history shows');
    expect(md).toContain('### Where the history disagrees with the answers');
    expect(md).toMatch(/agent commits reached main pushed directly/);
    expect(md).toContain('```mermaid\nxychart-beta');
    const html = out('html').stdout;
    expect(html).toContain('<section class="page" id="history">');
    expect(html).toMatch(/<svg class="history"[^>]*>[^]*<polyline points="[\d., ]+" class="rework-agents"\/>/);
    expect(out('csv').stdout).toMatch(/fm3\.human-review,[^\r]*history\.agent-pushed-directly: /);
    expect(out('md').stderr).toMatch(/The history disagrees with 2 answers \(scores unchanged\)/);
  });

  it('gives byte-identical reports across runs and time zones', () => {
    for (const format of ['md', 'html', 'json']) {
      const a = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--history', dir, '--format', format], { env: { TZ: 'Asia/Kolkata' } });
      const b = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--history', dir, '--format', format], { env: { TZ: 'America/Denver' } });
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('publishes the history JSON Schema, which the history output validates against', () => {
    const schema = JSON.parse(runCli(['schema', 'history']).stdout);
    expect(schema.title).toMatch(/rollout-check history 1\./);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const json = JSON.parse(runCli(['history', dir, '--format', 'json']).stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, commits: 'many' })).toBe(false);
  });
});
