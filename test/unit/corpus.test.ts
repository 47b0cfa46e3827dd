// The scanner against real repositories (test/fixtures/real: only their agent configuration,
// with source commit and licence in each SOURCE.md). Reviewer expectations were written before
// the scanner ran; `node scripts/corpus-score.mjs --details` prints every one still missed.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDirectory } from '../../src/scan/scan-directory.js';
import type { Finding } from '../../src/detectors/types.js';
// @ts-expect-error: a plain ES module script, shared with `node scripts/corpus-score.mjs`.
import { corpusRoot, scoreCorpus } from '../../scripts/corpus-score.mjs';
import { tempDir } from '../helpers/cli.js';

// Every repository scanned once, up front (the scanner is asynchronous; the scoring is not).
const repos = readdirSync(corpusRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const scanned = new Map<string, Finding[]>(
  await Promise.all(repos.map(async (r): Promise<[string, Finding[]]> => [`${corpusRoot}${r}`, (await scanDirectory(`${corpusRoot}${r}`)).findings])),
);
const scanOf = (dir: string): Finding[] => scanned.get(dir) ?? [];
const scan = (repo: string): Finding[] => scanOf(`${corpusRoot}${repo}`);
const has = (findings: Finding[], id: string, where: string) => findings.some((f) => f.id === id && `${f.path}:${f.line ?? ''}`.startsWith(where));

describe('real-world corpus', () => {
  it('meets the floors: precision on high-severity findings at least 0.9; overall figures do not fall', () => {
    const s = scoreCorpus(scanOf);
    expect(s.rows.length).toBeGreaterThanOrEqual(24);
    expect(s.highPrecision).toBeGreaterThanOrEqual(0.9);
    // A high finding matching a reviewer's rule at a lower grade is a severity error all the same.
    expect(s.highLower).toBe(0);
    // Measured on the 24 repositories (the last six scored once before any rule looked at them: see
    // the README); raise these as the scanner improves.
    expect(s.precision).toBeGreaterThanOrEqual(0.74);
    expect(s.recall).toBeGreaterThanOrEqual(0.629);
    // 0.88: three matched mediums are now low (a job's token beside a Gemini shell limited to cat,
    // echo and grep: the severity table and part 5's second reader say low; this reviewer said medium).
    expect(s.mediumPrecision).toBeGreaterThanOrEqual(0.88);
    // 0.81: a caller's grant to a called agent workflow that names its own scopes is reported once,
    // in the callee; one reviewer cited the caller's line (run-gemini-cli's dispatcher).
    expect(s.mediumRecall).toBeGreaterThanOrEqual(0.81);
  });

  it("credits the agent action's own write-access check instead of calling its trigger open to anyone", () => {
    const f = scan('anthropics-claude-code-action');
    expect(has(f, 'github.agent-untrusted-trigger', '.github/workflows/claude.yml')).toBe(false);
    expect(has(f, 'github.agent-write-check-default', '.github/workflows/claude.yml:34')).toBe(true);
  });

  it('cites the allowed_non_write_users: "*" line that opens an agent to anyone, not the on: line', () => {
    expect(has(scan('anthropics-claude-code-action'), 'github.agent-open-to-anyone', '.github/workflows/issue-triage.yml:36')).toBe(true);
  });

  it('notices an agent action taken from a moving branch in a job that can write contents', () => {
    const f = scan('anthropics-claude-code-action').find((x) => x.id === 'github.action-unpinned' && x.path === '.github/workflows/claude.yml')!;
    expect(f).toMatchObject({ line: 34, severity: 'medium' });
    expect(f.message).toContain('moving branch @main in a job that can write contents');
  });

  it('credits a narrow --allowedTools list from claude_args, and a fork guard', () => {
    const f = scan('anthropics-claude-code-action');
    expect(has(f, 'github.agent-narrow-tools', '.github/workflows/claude.yml:42')).toBe(true);
    expect(has(f, 'github.fork-guard', '.github/workflows/claude-review.yml:10')).toBe(true);
  });

  it('calls a PostToolUse formatter what it is, not a control; a PreToolUse hook is judged by whether it can block', () => {
    const f = scan('anthropics-claude-code-action');
    expect(f.find((x) => x.id === 'claude-code.hook-after')?.message).toMatch(/PostToolUse hook .* runs after the fact: a formatter or logger, not a control/);
    expect(f.some((x) => x.id === 'claude-code.hooks' || x.id === 'claude-code.hook-blocks')).toBe(false);
    expect(has(scan('Green-March-bank'), 'claude-code.hook-blocks', '.claude/settings.json')).toBe(true);
    expect(has(scan('platformplatform-PlatformPlatform'), 'claude-code.hook-cannot-block', '.claude/settings.json')).toBe(true);
  });

  it('credits shared subagents and commands as the repeatable pattern FM5 asks for', () => {
    const f = scan('anthropics-claude-code-action');
    expect(f.find((x) => x.id === 'claude-code.shared-subagents')).toMatchObject({ kind: 'protective', failureMode: 'FM5' });
    expect(f.find((x) => x.id === 'claude-code.shared-commands')).toMatchObject({ kind: 'protective', failureMode: 'FM5' });
  });

  it('sees every run-gemini-cli workflow, credits full-SHA pins, and flags the one with no tool limit', () => {
    const f = scan('google-github-actions-run-gemini-cli');
    const agents = new Set(f.filter((x) => x.id === 'github.agent-workflow').map((x) => x.path));
    expect(agents.size).toBeGreaterThanOrEqual(5);
    expect(has(f, 'github.agent-all-tools', '.github/workflows/gemini-issue-fixer.yml')).toBe(true);
    expect(scan('google-gemini-gemini-cli').some((x) => x.id === 'github.action-pinned')).toBe(true);
  });

  it("flags a token placed in the agent step's own environment, and credits one that is blanked", () => {
    const f = scan('google-github-actions-run-gemini-cli');
    expect(f.find((x) => x.id === 'github.agent-token-in-env' && x.path === '.github/workflows/gemini-issue-fixer.yml')).toMatchObject({
      line: 45,
      severity: 'high',
    });
    expect(has(f, 'github.agent-no-token-in-env', '.github/workflows/gemini-triage.yml:64')).toBe(true);
  });

  it('reads the tools a command pre-approves, full output in public logs, and tokens left in .git/config', () => {
    expect(has(scan('anthropics-claude-code-action'), 'claude-code.command-narrow-tools', '.claude/commands/review-pr.md:2')).toBe(true);
    expect(has(scan('ClickHouse-clickhouse-cs'), 'claude-code.command-broad-tools', '.claude/skills/review/SKILL.md:6')).toBe(true);
    expect(has(scan('evcc-io-evcc'), 'github.agent-full-output', '.github/workflows/claude-issue-agent.yml:60')).toBe(true);
    expect(has(scan('tiann-hapi'), 'github.agent-checkout-credentials', '.github/workflows/codex-pr-review.yml')).toBe(true);
  });

  it('flags a pull_request_target workflow that checks out the pull request head', () => {
    expect(scan('tiann-hapi').some((x) => x.id === 'github.privileged-checkout' && x.severity === 'high')).toBe(true);
  });
});

describe('corpus scoring', () => {
  it('never expects a must-not-find entry, and counts a finding at one as a violation', () => {
    const root = tempDir();
    mkdirSync(join(root, 'owner-repo'));
    writeFileSync(
      join(root, 'owner-repo', 'EXPECTED.yaml'),
      [
        '- { path: a.yml, line: 3, kind: risk, severity: medium, failureMode: FM4, rule: write-token, why: "w" }',
        '- { path: a.yml, line: 9, kind: not, failureMode: FM4, rule: workflow-untrusted-trigger, why: "job switched off" }',
      ].join('\n'),
    );
    const s = scoreCorpus(
      () => [
        { id: 'github.agent-write-token', kind: 'risk', severity: 'medium', path: 'a.yml', line: 3, message: '' },
        { id: 'github.agent-untrusted-trigger', kind: 'risk', severity: 'high', path: 'a.yml', line: 9, message: '' },
      ],
      `${root}/`,
    );
    expect(s).toMatchObject({ expected: 1, matched: 1, recall: 1, precision: 0.5, highPrecision: 0, mediumPrecision: 0.5 });
    expect(s.violations.map((v: { why: string }) => v.why)).toEqual(['job switched off']);
  });
});

describe('two reviewers on the same repositories', () => {
  it('agree as far as the figure the README gives: the ceiling the recall targets are read against', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['scripts/reviewer-agreement.mjs', '--corpus', 'test/fixtures/scan-heldout-5'], { encoding: 'utf8' });
    expect(out).toMatch(/6 repositories/);
    expect(out).toMatch(/recall 50\.0% \(69\/138\), precision 67\.6% \(69\/102\)/);
  });
});
