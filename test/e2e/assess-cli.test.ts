// The built binary, run as a CI job would run it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchemaVersion } from '../../src/report/model.js';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

const policy = ['--policy', fixture('checklists', 'mini.yaml')];
const good = fixture('answers', 'mini-scale.yaml');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function answersWith(dir: string, replace: [string, string][]): string {
  let text = readFileSync(good, 'utf8');
  for (const [a, b] of replace) text = text.replace(a, b);
  const file = join(dir, 'answers.yaml');
  writeFileSync(file, text);
  return file;
}

describe('assess --answers (built binary)', () => {
  it('exits 0, writes the report to stdout and the summary to stderr', () => {
    const r = runCli(['assess', ...policy, '--answers', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# AI coding rollout readiness: Acme \/ Payments\n/);
    expect(r.stderr).toContain('Verdict: SCALE  Ready to scale');
    expect(r.stderr.split('\n').filter((l) => /^FM[1-7] /.test(l))).toHaveLength(7);
    expect(r.stderr).not.toMatch(/\x1b\[/); // no colour when not a terminal
  });

  it('writes --out atomically, leaves no temp file, and prints the summary to stdout', () => {
    const dir = tempDir();
    const out = join(dir, 'report.md');
    const r = runCli(['assess', ...policy, '--answers', good, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('## Verdict: 🚀 SCALE');
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(r.stdout).toContain(`Report written to ${out}`);
  });

  it('gives byte-identical reports for identical inputs, in every format', () => {
    for (const format of ['md', 'json']) {
      const a = runCli(['assess', ...policy, '--answers', good, '--format', format]);
      const b = runCli(['assess', ...policy, '--answers', good, '--format', format]);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('emits a JSON result with the verdict, scores and provenance', () => {
    const r = runCli(['assess', ...policy, '--answers', good, '--format', 'json']);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      schemaVersion: reportSchemaVersion,
      checklist: { id: 'mini', version: '2.1.0' },
      verdict: { id: 'scale' },
      overall: { score: 100 },
    });
    expect(result.answers.sha256).toBe(sha(good));
  });

  it.each([
    [['--fail-under', '95'], [['q.instructions: yes', 'q.instructions: no']], 'gate failed: --fail-under 95: overall score is 90.9'],
    [['--fail-on', 'must'], [['q.split: enforced', 'q.split: informal']], 'gate failed: --fail-on must: 1 must question not met (q.split)'],
    [['--fail-on', 'high'], [['q.sandbox: egress', 'q.sandbox: no']], 'gate failed: --fail-on high: 1 high risk'],
    [['--max-unknown', '0'], [['q.owner: {', 'q.owner: unknown\n  x.unused: {']], null],
  ] as const)('exits 1 when a gate fails: %j', (flags, replace, message) => {
    const dir = tempDir();
    const file = answersWith(
      dir,
      replace.map(([a, b]) => [a, b]),
    );
    const r = runCli(['assess', ...policy, '--answers', file, ...flags]);
    if (message === null) {
      // The replacement above makes the file invalid on purpose: exit 2 wins over any gate.
      expect(r.code).toBe(2);
      return;
    }
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toContain('## Verdict');
  });

  it('exits 1 on --max-unknown and 0 when the same gate passes', () => {
    const dir = tempDir();
    const file = answersWith(dir, [['q.rework: 4', 'q.rework: unknown']]);
    const fail = runCli(['assess', ...policy, '--answers', file, '--max-unknown', '0']);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('gate failed: --max-unknown 0: 1 applicable questions are unknown or unanswered');
    expect(runCli(['assess', ...policy, '--answers', file, '--max-unknown', '1']).code).toBe(0);
  });

  it('exits 2 with one located line for a bad answers file, and never modifies it', () => {
    const dir = tempDir();
    const file = answersWith(dir, [['q.sandbox: egress', 'q.sandbox: firewall']]);
    const before = sha(file);
    const out = join(dir, 'report.md');
    writeFileSync(out, 'previous report\n');
    const r = runCli(['assess', ...policy, '--answers', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `error: ${file}:10:14: q.sandbox: unknown choice "firewall" (choices: no, sandbox, egress) (at answers.q.sandbox)`,
    ]);
    expect(sha(file)).toBe(before);
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    expect(r.stdout).toBe('');
  });

  it('keeps the previous report when rendering fails half-way', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'templates', 'markdown'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'markdown', 'appendix.hbs'), 'line one\n{{no.such.value}}\n');
    const out = join(dir, 'report.md');
    writeFileSync(out, 'previous report\n');
    const r = runCli(['assess', ...policy, '--answers', good, '--out', out, '--templates', join(dir, 'templates')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'templates', 'markdown', 'appendix.hbs')}:2:`);
    expect(r.stderr).toContain('template uses "no.such", which the report does not have');
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
  });

  it.each([
    [['assess'], /^error: no answers file: pass --answers FILE/],
    [['assess', '--answers', 'does-not-exist.yaml', ...policy], /^error: does-not-exist\.yaml: cannot read: no such file$/],
    [['assess', '--answers', 'x.yaml', '--fail-under', 'lots'], /expected a number from 0 to 100, got "lots"/],
    [['assess', '--answers', 'x.yaml', '--fail-on', 'low'], /expected one of must, high, medium, disputed, divergent, got "low"/],
    [['assess', '--answers', 'x.yaml', '--format', 'docx'], /expected one of md, json, html, csv, pdf, sarif, junit, got "docx"/],
    [['assess', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 on usage errors: %j', (args, pattern) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  });

  it('exits 2 when --out names a folder that does not exist', () => {
    const r = runCli(['assess', ...policy, '--answers', good, '--out', '/nonexistent-dir/report.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent-dir/report.md: cannot write: folder /nonexistent-dir does not exist');
  });

  it('appends the Markdown report to the GitHub job summary when run in Actions', () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = runCli(['assess', ...policy, '--answers', good, '--format', 'json', '--out', join(dir, 'r.json')], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n# AI coding rollout readiness: Acme / Payments')).toBe(true);
    expect(text).toContain('## Verdict: 🚀 SCALE');
  });

  it('prints the version and help with exit 0', () => {
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(fixture('..', '..', 'package.json'), 'utf8')).version}\n` });
    const help = runCli(['assess', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-under <score>');
  });
});

describe('init and validate (built binary)', () => {
  it('init writes a commented starter file that validates and assesses, and refuses to overwrite', () => {
    const dir = tempDir();
    const r = runCli(['init', ...policy], { cwd: dir });
    expect(r.code).toBe(0);
    const file = join(dir, 'rollout-answers.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('  # Is there an inventory of MCP servers? [should]');
    expect(text).toContain('  # Why: You cannot bound what you have not listed.');
    expect(text).toContain('  #   egress: Sandbox and egress allowlist');
    expect(text).toContain('  q.review: unknown');
    expect(runCli(['validate', ...policy, file]).stdout).toBe(`ok ${file}\n`);
    const assessed = runCli(['assess', ...policy, '--answers', file]);
    expect(assessed.code).toBe(0);
    expect(assessed.stderr).toContain('Verdict: TIGHTEN');
    writeFileSync(file, 'my answers\n');
    const again = runCli(['init', ...policy], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('rollout-answers.yaml: already exists; pass --force');
    expect(readFileSync(file, 'utf8')).toBe('my answers\n');
  });

  it('validate checks checklists and answers files together and exits 2 if any is invalid', () => {
    const ok = runCli(['validate', ...policy, fixture('checklists', 'mini.yaml'), good]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    const bad = runCli(['validate', ...policy, good, fixture('answers', 'invalid-unknown-choice.yaml'), fixture('checklists', 'invalid-many-problems.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe(`ok ${good}\n`);
    expect(bad.stderr.trim().split('\n')).toHaveLength(4);
  });
});

describe('acknowledgements that cannot settle anything (built binary)', () => {
  const bad = [
    'checklist: { id: ai-coding-rollout, version: 1.1.0 }',
    'answers:',
    '  fm3.agents-cannot-merge:',
    "    answer: 'yes'",
    '    acknowledge:',
    '      - { finding: github.auto-merge-agent-prs@.github/workflows/merge.yml }',
    '      - { finding: auto-merge, reason: Dependabot only }',
    '      - { finding: claude-code.bypass-permissions@.claude/settings.json, reason: Wrong question }',
    '  fm7.owner:',
    "    answer: 'yes'",
    '    acknowledge: [{ finding: github.no-codeowners@.github/CODEOWNERS, reason: Nothing to dispute here }]',
    '',
  ].join('\n');

  it('are located errors in validate (exit 2) and warnings in assess, which set them aside', () => {
    const file = join(tempDir(), 'acks.yaml');
    writeFileSync(file, bad);
    const v = runCli(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr.trim().split('\n')).toEqual([
      `error: ${file}:6:20: fm3.agents-cannot-merge: acknowledging "github.auto-merge-agent-prs@.github/workflows/merge.yml" needs a reason: say why the team accepts it (at answers.fm3.agents-cannot-merge.acknowledge.0.finding)`,
      `error: ${file}:7:20: fm3.agents-cannot-merge: "auto-merge" is not a finding name; write "rule@path", for example "claude-code.bypass-permissions@.claude/settings.json" (at answers.fm3.agents-cannot-merge.acknowledge.1.finding)`,
      `error: ${file}:8:20: fm3.agents-cannot-merge: "claude-code.bypass-permissions" is not a finding that bears on this answer (those that do: github.auto-merge-agent-prs, claude-code.agent-can-approve, copilot.agent-can-approve, codex.agent-can-approve, github.agent-can-approve, github.agent-push-to-default, platform.actions-can-approve, platform.auto-merge-without-review, platform.app-can-bypass) (at answers.fm3.agents-cannot-merge.acknowledge.2.finding)`,
      `error: ${file}:11:30: fm7.owner: no finding (in the repository or its platform settings) can dispute this answer, so there is nothing to acknowledge (at answers.fm7.owner.acknowledge.0.finding)`,
    ]);
    const a = runCli(['assess', '--answers', file, '--quiet']);
    expect(a.code).toBe(0);
    expect(a.stderr).toContain(
      `warning: ${file}:6:20: fm3.agents-cannot-merge: acknowledging "github.auto-merge-agent-prs@.github/workflows/merge.yml" needs a reason: say why the team accepts it; acknowledgement ignored (at answers.fm3.agents-cannot-merge.acknowledge.0.finding)`,
    );
    expect(a.stderr.match(/^warning: /gm)).toHaveLength(4);
  });
});

describe('explain (built binary)', () => {
  it('lists the questions by failure mode and explains one', () => {
    const list = runCli(['explain']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^AI coding agent rollout readiness \(ai-coding-rollout 1\.2\.0\): 48 questions/);
    expect(list.stdout).toContain('FM3 Review is informal while delegation is real');
    const one = runCli(['explain', 'fm4.egress']);
    expect(one.stdout).toContain('Type: single; must; informs FM4 (weight 3); met at 0.7');
    expect(one.stdout).toContain('  allowlist-all: Narrow allowlist wherever agents run (score 1, risk none)');
    expect(one.stdout).toContain('- Limit agent network egress to a narrow allowlist');
    const missing = runCli(['explain', 'fm9.nothing']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('error: no question "fm9.nothing" in ai-coding-rollout 1.2.0 (run `rollout-check explain` for the list)');
  });
});
