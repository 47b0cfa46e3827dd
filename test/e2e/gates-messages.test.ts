// Gates, messages and flags that say what they mean (issue 25), each row through the built binary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const pilot = 'examples/pilot-ready.yaml';
const missingAllowlist = 'not in place: Only listed tools are enabled per server (enabled_tools, includeTools or equivalent)';

describe('gates', () => {
  it('--fail-on must fails a freshly written answers file: an unknown must is not a met must', () => {
    const dir = tempDir();
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    const r = runCli(['assess', '--answers', 'rollout-answers.yaml', '--fail-on', 'must', '--out', 'r.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.startsWith('gate failed: --fail-on must:'))!;
    expect(line).toMatch(
      /^gate failed: --fail-on must: 17 must questions not verified, answered unknown or left blank \(fm1\.work-split, .*fm7\.prescale-answers\)$/,
    );
    // Without the gate the same run passes: the gate, not the assessment, fails it.
    expect(runCli(['assess', '--answers', 'rollout-answers.yaml', '--out', 'r.md'], { cwd: dir }).code).toBe(0);
  });

  it('--fail-on high names each question and what is missing, not a bare count', () => {
    const r = runCli(['assess', '--answers', pilot, '--fail-on', 'high', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`gate failed: --fail-on high: 1 high risk (fm2.approval-filtering: ${missingAllowlist})\n`);
  });
});

describe('--quiet', () => {
  it('prints one line and no report without --out; with --out the report is written and stdout still has one line', () => {
    const dir = tempDir();
    const r = runCli(['assess', '--answers', pilot, '--quiet']);
    expect(r.stdout.split('\n')).toEqual(['Verdict: PILOT · overall 74.2 · 100% of the weight self-reported', '']);
    const out = join(dir, 'r.md');
    const w = runCli(['assess', '--answers', pilot, '--quiet', '--out', out]);
    expect(w.stdout).toBe(`Verdict: PILOT · overall 74.2 · 100% of the weight self-reported\nReport written to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });
});

describe('a high risk on a practice list names the missing practice in every format', () => {
  it('SARIF, JUnit, annotations and Markdown', () => {
    const sarif = JSON.parse(runCli(['assess', '--answers', pilot, '--format', 'sarif']).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'fm2.approval-filtering');
    expect(result.message.text).toContain(`Not in place: Only listed tools are enabled per server`);
    expect(result.message.text).not.toContain('Write-capable tools ask for approval');
    const junit = runCli(['assess', '--answers', pilot, '--format', 'junit']).stdout;
    expect(junit).toContain(`<failure message="High risk: ${missingAllowlist}" type="high-risk">`);
    expect(junit.match(/<testcase name="fm2\.approval-filtering:/g)).toHaveLength(1);
    const dir = tempDir();
    const annotations = runCli(['assess', '--answers', pilot, '--out', join(dir, 'r.md')], { env: { GITHUB_ACTIONS: 'true' } }).stderr;
    expect(annotations).toMatch(
      /^::error file=examples\/pilot-ready\.yaml,line=\d+,title=rollout-check fm2\.approval-filtering::Which controls apply to the tools MCP servers expose\? Not in place: Only listed tools/m,
    );
    const md = runCli(['assess', '--answers', pilot]).stdout;
    expect(md).toContain(`risk high (${missingAllowlist}) · met`);
  });
});

describe('compare', () => {
  it('names both sides with their dates, warns on another organisation and on time running backwards, and prints JSON', () => {
    const r = runCli(['compare', 'examples/pilot-ready.yaml', 'examples/not-ready.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'Comparing Fabrikam Health / Patient scheduling (2026-11-09) with Northwind Logistics / Customer platform (2026-11-02)',
    );
    expect(r.stdout).toContain('Warning: the assessments are of different organisations ("Fabrikam Health" and "Northwind Logistics")');
    expect(r.stdout).toContain('Warning: the later assessment is dated 2026-11-02, before the earlier one (2026-11-09)');
    const json = runCli(['compare', 'examples/pilot-ready.yaml', 'examples/not-ready.yaml', '--format', 'json']);
    const c = JSON.parse(json.stdout);
    expect(c.before).toMatchObject({ name: 'Fabrikam Health / Patient scheduling', date: '2026-11-09', verdict: 'pilot' });
    expect(c.warnings).toHaveLength(2);
    expect(json.stderr.match(/^warning: /gm)).toHaveLength(2);
    // The same organisation and team, in order: no warning.
    const dir = tempDir();
    const later = join(dir, 'later.yaml');
    writeFileSync(later, readFileSync(pilot, 'utf8').replace('date: 2026-11-09', 'date: 2026-12-01'));
    const same = runCli(['compare', pilot, later, '--format', 'json']);
    expect(JSON.parse(same.stdout).warnings).toEqual([]);
    expect(same.stderr).toBe('');
  });
});

describe('bad input gets one line that says what to do', () => {
  it('report of an answers file says to assess it', () => {
    const r = runCli(['report', pilot]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: ${pilot}:1: this is an answers file, not a result: run \`rollout-check assess --answers ${pilot}\` (or save a result first with \`--format json --out result.json\`)\n`,
    );
  });

  it('an unclosed [ or { is one line where it opened', () => {
    const dir = tempDir();
    const head = 'checklist: { id: ai-coding-rollout, version: 1.1.0 }\nanswers:\n';
    const list = join(dir, 'list.yaml');
    writeFileSync(list, `${head}  fm2.approval-filtering: [tool-allowlists, write-approval\n  fm3.human-review: all\n`);
    const r = runCli(['assess', '--answers', list]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${list}:3:27: the list opened with "[" here is never closed: add "]" at its end\n`);
    const map = join(dir, 'map.yaml');
    writeFileSync(map, `${head.replace('\n', '\n')}  fm3.human-review: { answer: all, note: "x"\n  fm1.work-split: written\n`);
    expect(runCli(['assess', '--answers', map]).stderr).toBe(`error: ${map}:3:21: the mapping opened with "{" here is never closed: add "}" at its end\n`);
  });

  it('a mistyped id is answered with the nearest one: questions, choices, roles, schema kinds', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(
      file,
      'checklist: { id: ai-coding-rollout, version: 1.1.0 }\nrespondent: { name: Ana, role: secruity }\nanswers:\n  fm3.human-reveiw: all\n  fm4.egress: allowlist-al\n',
    );
    const r = runCli(['assess', '--answers', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown question "fm3.human-reveiw" (did you mean "fm3.human-review"?)');
    expect(r.stderr).toMatch(/unknown choice "allowlist-al" \(did you mean "allowlist-all"\?\)/);
    expect(r.stderr).toContain('unknown role "secruity" (did you mean "security"?)');
    expect(runCli(['explain', 'fm3.human-reveiw']).stderr).toBe(
      'error: no question "fm3.human-reveiw" in ai-coding-rollout 1.2.0 (did you mean "fm3.human-review"?) (run `rollout-check explain` for the list)\n',
    );
    expect(runCli(['schema', 'reslt']).stderr).toContain('(did you mean "result"?)');
    // Nothing near: no guess.
    expect(runCli(['explain', 'zzz']).stderr).not.toContain('did you mean');
  });

  it('explain states how unknown is scored: it earns nothing', () => {
    const r = runCli(['explain', 'fm3.human-review']);
    expect(r.stdout).toContain(
      "unknown: not sure (earns nothing: it stays in the score's denominator, and an unknown must is not verified, so the verdict is tighten)",
    );
    expect(r.stdout).not.toContain('never scored as zero');
  });

  it('a flag that only means something beside another is refused without it, and contradicting flags are refused together', () => {
    const cases: [string[], string][] = [
      [['assess', '--answers', pilot, '--tolerance', '5'], '--tolerance only applies with --baseline'],
      [['assess', '--answers', pilot, '--since', '30d'], '--since only applies with --history'],
      [['assess', '--answers', pilot, '--all'], '--all only applies with --history'],
      [['assess', '--answers', pilot, '--prs', 'prs.json'], '--prs only applies with --history'],
      [['history', '.', '--all', '--since', '30d'], '--all and --since cannot be used together: choose one'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: ${message}\n`);
    }
  });

  it('an interactive-only flag with --answers is refused, not ignored', () => {
    for (const flag of [['--resume', 'x.yaml'], ['--section', 'FM1'], ['--quick'], ['--answers-out', 'x.yaml']]) {
      const r = runCli(['assess', '--answers', pilot, ...flag]);
      expect(r.code, flag.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: ${flag[0]} applies only to the interactive questionnaire, not with --answers\n`);
    }
  });
});
