// CI gates through the built binary: accepted risks with an owner and an expiry, and the
// no-regression gate against a baseline result.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

const mini = ['--policy', fixture('checklists', 'mini.yaml')];
const scaleText = readFileSync(fixture('answers', 'mini-scale.yaml'), 'utf8');

function answersWith(dir: string, name: string, replace: [string, string][]): string {
  let text = scaleText;
  for (const [a, b] of replace) {
    if (!text.includes(a)) throw new Error(`fixture has no "${a}"`);
    text = text.replace(a, b);
  }
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('accepted risks', () => {
  const accepted = (until: string) =>
    `q.split: { answer: informal, accepted: { reason: "Pilot team only until the platform ships deny rules", owner: "Priya (platform)", until: ${until} } }`;

  it('an accepted unmet must does not fail --fail-on, and is listed apart in every format', () => {
    const dir = tempDir();
    const file = answersWith(dir, 'a.yaml', [['q.split: enforced', accepted('2026-12-31')]]);
    const plain = answersWith(dir, 'b.yaml', [['q.split: enforced', 'q.split: informal']]);
    expect(runCli(['assess', ...mini, '--answers', plain, '--fail-on', 'must', '--format', 'json']).code).toBe(1);
    const r = runCli(['assess', ...mini, '--answers', file, '--fail-on', 'must', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.accepted).toEqual([
      {
        question: 'q.split',
        text: 'Is the advisory / executable split written down?',
        answer: expect.any(String),
        risk: expect.any(String),
        obligation: 'must',
        met: false,
        reason: 'Pilot team only until the platform ships deny rules',
        owner: 'Priya (platform)',
        until: '2026-12-31',
        expired: false,
      },
    ]);
    // Scores and the verdict are the team's real position: accepting a risk does not remove it.
    expect(json.overall).toEqual(JSON.parse(runCli(['assess', ...mini, '--answers', plain, '--format', 'json']).stdout).overall);
    const md = runCli(['assess', ...mini, '--answers', file]).stdout;
    expect(md).toMatch(/\*\*Accepted risks\*\*[^]*\| Priya \(platform\) \| accepted until 2026-12-31 \|/);
    expect(runCli(['assess', ...mini, '--answers', file, '--format', 'html']).stdout).toContain('<h3>Accepted risks</h3>');
    expect(runCli(['assess', ...mini, '--answers', file, '--format', 'csv']).stdout).toContain(
      'accepted until 2026-12-31 by Priya (platform): Pilot team only',
    );
  });

  it('fails the gate again once the acceptance is before the assessment date, naming owner and date', () => {
    const dir = tempDir();
    const file = answersWith(dir, 'a.yaml', [['q.split: enforced', accepted('2026-09-30')]]);
    const r = runCli(['assess', ...mini, '--answers', file, '--fail-on', 'must', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gate failed: --fail-on: 1 accepted risk expired (q.split, owner Priya (platform), until 2026-09-30)');
    expect(JSON.parse(r.stdout).accepted[0].expired).toBe(true);
  });

  it.each([
    ['without an owner', 'accepted: { reason: "x", until: 2026-12-31 }', /a\.yaml:6:\d+: .*owner/],
    ['with a malformed date', 'accepted: { reason: "x", owner: "y", until: 2026-13-45 }', /a\.yaml:6:\d+: .*(YYYY-MM-DD|no such day)/],
    ['without an assessment date to judge it by', null, /a\.yaml:\d+:\d+: q\.split: an accepted risk expires by the assessment's date: add metadata\.date/],
  ])('refuses an acceptance %s, with its line (exit 2)', (_name, acceptance, message) => {
    const dir = tempDir();
    const file = acceptance
      ? answersWith(dir, 'a.yaml', [['q.split: enforced', `q.split: { answer: informal, ${acceptance} }`]])
      : answersWith(dir, 'a.yaml', [
          ['q.split: enforced', accepted('2026-12-31')],
          [', date: 2026-10-01', ''],
        ]);
    const r = runCli(['assess', ...mini, '--answers', file, '--fail-on', 'must']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('--baseline: the no-regression gate', () => {
  function baseline(dir: string): string {
    const file = join(dir, 'baseline.json');
    const r = runCli(['assess', ...mini, '--answers', fixture('answers', 'mini-scale.yaml'), '--format', 'json', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    return file;
  }

  it('passes when nothing got worse, and says so in the report', () => {
    const dir = tempDir();
    const r = runCli(['assess', ...mini, '--answers', fixture('answers', 'mini-scale.yaml'), '--baseline', baseline(dir)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('**Since the baseline** baseline.json (2026-10-01): nothing regressed (tolerance 0 points).');
  });

  it('fails (exit 1) on a verdict drop, a failure mode falling past the tolerance and a new high risk, and lists them', () => {
    const dir = tempDir();
    const base = baseline(dir);
    const worse = answersWith(dir, 'worse.yaml', [['q.sandbox: egress', 'q.sandbox: "no"']]);
    const r = runCli(['assess', ...mini, '--answers', worse, '--baseline', base, '--format', 'json']);
    expect(r.code).toBe(1);
    const regression = JSON.parse(r.stdout).regression;
    expect(regression.verdict).toEqual({ from: 'scale', to: expect.stringMatching(/pilot|tighten/) });
    expect(regression.newHighRisks.map((q: { id: string }) => q.id)).toEqual(['q.sandbox']);
    expect(regression.failureModes.map((f: { id: string }) => f.id)).toContain('FM4');
    expect(r.stderr).toMatch(/gate failed: --baseline baseline\.json: the verdict dropped from scale to/);
    expect(r.stderr).toMatch(/gate failed: --baseline baseline\.json: FM4 fell from 100 to [\d.]+ \([\d.]+ points; tolerance 0\)/);
    expect(r.stderr).toMatch(/gate failed: --baseline baseline\.json: 1 new high risk \(q\.sandbox\)/);
    // A tolerance wide enough lets the score drop through; the verdict and the new risk still fail.
    const tolerant = runCli(['assess', ...mini, '--answers', worse, '--baseline', base, '--tolerance', '100', '--format', 'json']);
    expect(tolerant.code).toBe(1);
    expect(JSON.parse(tolerant.stdout).regression.failureModes).toEqual([]);
  });

  it('refuses a baseline that is not a result, with the file and line (exit 2), and writes nothing', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "version": "2.1.0",\n  "runs": []\n}\n');
    const out = join(dir, 'report.md');
    const r = runCli(['assess', ...mini, '--answers', fixture('answers', 'mini-scale.yaml'), '--baseline', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(() => readFileSync(out)).toThrow();
  });
});
