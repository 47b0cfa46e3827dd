// `aggregate` and the GitHub Action through the built binary: the committed ten-team portfolio,
// bad inputs, the action's script run with the environment a runner gives it, and action.yml and
// the example workflows checked against SchemaStore's published schemas.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot, runCli, tempDir } from '../helpers/cli.js';

describe('aggregate', () => {
  it('rebuilds the committed ten-team portfolio byte for byte, in md and html', () => {
    for (const format of ['md', 'html']) {
      const r = runCli(['aggregate', 'examples/portfolio/results', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(readFileSync(`examples/portfolio/portfolio.${format}`, 'utf8'));
    }
    const json = JSON.parse(runCli(['aggregate', 'examples/portfolio/results', '--format', 'json']).stdout);
    expect(json.teams).toHaveLength(10);
    expect(json.coverage).toMatchObject({ results: 11, teams: 10 });
    expect(json.regressed).toEqual([{ team: 'Corvid Freight / Engineering (6 teams)', what: expect.arrayContaining([expect.stringMatching(/^FM6 /)]) }]);
    // Every team's scores are its own result's, in failure-mode order.
    const result = JSON.parse(readFileSync('examples/portfolio/results/honest-small-pilot.json', 'utf8'));
    const team = json.teams.find((t: { team: string }) => t.team === 'Ashgrove Utilities / Billing reports');
    expect(team.scores).toEqual(result.failureModes.map((f: { score: number }) => f.score));
    expect(json.weakest.map((w: { mean: number }) => w.mean)).toEqual([...json.weakest.map((w: { mean: number }) => w.mean)].sort((a, b) => a - b));
    const csv = runCli(['aggregate', 'examples/portfolio/results', '--format', 'csv']).stdout.trimEnd().split('\r\n');
    expect(csv[0]).toBe('team,verdict,overall,FM1,FM2,FM3,FM4,FM5,FM6,FM7,high_risks,coverage,corroborated,date,regressed,file');
    expect(csv).toHaveLength(11);
  });

  it('lists files that are not results, results of another schema and other checklist versions apart', () => {
    const dir = tempDir();
    for (const f of readdirSync('examples/portfolio/results').slice(0, 3)) copyFileSync(join('examples/portfolio/results', f), join(dir, f));
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": ');
    const old = JSON.parse(readFileSync('examples/pilot-ready.report.json', 'utf8'));
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...old, schemaVersion: '1.2.0' }));
    mkdirSync(join(dir, 'other'));
    writeFileSync(
      join(dir, 'other', 'v9.json'),
      JSON.stringify({ ...old, checklist: { ...old.checklist, version: '9.0.0' }, metadata: { ...old.metadata, team: 'Other team' } }),
    );
    const r = runCli(['aggregate', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.skipped.map((s: { file: string; reason: string }) => `${s.file.split('/').pop()}: ${s.reason}`)).toEqual([
      'broken.json: not JSON',
      expect.stringMatching(/^old\.json: result schema 1\.2\.0/),
      'package.json: not a rollout-check result (no schemaVersion)',
    ]);
    expect(json.otherVersions).toEqual([
      { team: 'Fabrikam Health / Other team', file: expect.stringMatching(/other\/v9\.json$/), checklist: 'ai-coding-rollout 9.0.0' },
    ]);
    expect(r.stderr).toContain('skipped: ');
  });

  it('refuses, with one line and exit 2, when nothing it was given is a result, and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '[]');
    const out = join(dir, 'p.md');
    const r = runCli(['aggregate', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: no rollout-check results among 1 file/);
    expect(existsSync(out)).toBe(false);
    expect(runCli(['aggregate', join(dir, 'missing')]).code).toBe(2);
  });
});

describe('the GitHub Action', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });

  it('action.yml is valid action metadata (SchemaStore github-action.json)', () => {
    const schema = JSON.parse(readFileSync(fixture('schemastore', 'github-action.json'), 'utf8'));
    const validate = ajv.compile(schema);
    const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(action.inputs)).toEqual([
      'answers',
      'policy',
      'overlay',
      'scan',
      'platform',
      'history',
      'since',
      'attribution',
      'fail-on',
      'fail-under',
      'max-unknown',
      'min-respondents',
      'min-corroborated',
      'baseline',
      'tolerance',
      'format',
    ]);
    expect(Object.keys(action.outputs)).toEqual(['verdict', 'score', 'result', 'report']);
    // The schema would accept a broken action too readily if it accepted anything:
    expect(validate({ ...action, runs: { using: 'composite', steps: [{ run: 'x' }] } })).toBe(false);
  });

  it('the example workflows are valid workflows (SchemaStore github-workflow.json) and use the action and aggregate', () => {
    const schema = JSON.parse(readFileSync(fixture('schemastore', 'github-workflow.json'), 'utf8'));
    const validate = ajv.compile(schema);
    for (const name of ['rollout-check.yml', 'portfolio.yml']) {
      const wf = parse(readFileSync(join(repoRoot, 'examples/github-actions', name), 'utf8'));
      expect(validate(wf), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const portfolio = readFileSync(join(repoRoot, 'examples/github-actions/portfolio.yml'), 'utf8');
    expect(portfolio).toMatch(/matrix:[^]*upload-artifact[^]*download-artifact[^]*rollout-check aggregate results/);
  });

  it("runs its script as a runner would: outputs, the saved result, the report, annotations and the gate's exit code", () => {
    const dir = tempDir();
    const workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    copyFileSync(join(repoRoot, 'examples/not-ready.yaml'), join(workspace, 'rollout-answers.yaml'));
    const output = join(dir, 'output.txt');
    const summary = join(dir, 'summary.md');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: dir,
      INPUT_ANSWERS: 'rollout-answers.yaml',
      INPUT_FAIL_ON: 'must',
      INPUT_FORMAT: 'sarif',
      INPUT_SCAN: '',
      INPUT_HISTORY: '',
      INPUT_FAIL_UNDER: '',
      INPUT_MAX_UNKNOWN: '',
      INPUT_BASELINE: '',
    };
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/action-run.mjs')], { cwd: workspace, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    expect(outputs).toEqual({
      verdict: 'tighten',
      score: '8.7',
      result: join(dir, 'rollout-check-result.json'),
      report: join(dir, 'rollout-check-report.sarif'),
    });
    expect(JSON.parse(readFileSync(outputs.result!, 'utf8')).verdict.id).toBe('tighten');
    expect(JSON.parse(readFileSync(outputs.report!, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(summary, 'utf8')).toMatch(/^# AI coding rollout readiness/);
    expect(r.stderr).toMatch(/^::error file=rollout-answers\.yaml,line=\d+,title=rollout-check fm1\.work-split::/m);
    expect(r.stderr).toContain('::error title=rollout-check gate failed::--fail-on must');
    // Every gate of the CLI is an input: here --min-respondents, and an overlay given one per line.
    writeFileSync(
      join(workspace, 'overlay.yaml'),
      'id: t\nextends: { id: ai-coding-rollout, version: 1.1.0 }\nignore:\n  - { id: fm5.training, reason: not in this engagement }\n',
    );
    const overlays = 'overlay.yaml\n';
    const team = spawnSync(process.execPath, [join(repoRoot, 'scripts/action-run.mjs')], {
      cwd: workspace,
      env: { ...env, INPUT_FAIL_ON: '', INPUT_MIN_RESPONDENTS: '2', INPUT_OVERLAY: overlays },
      encoding: 'utf8',
    });
    expect(team.status, team.stderr).toBe(1);
    expect(team.stderr).toContain('::error title=rollout-check gate failed::--min-respondents 2: 1 respondent answered');
    expect(JSON.parse(readFileSync(outputs.result!, 'utf8')).overlays.length).toBe(1);
    // A missing answers input is one annotated line and exit 2.
    const missing = spawnSync(process.execPath, [join(repoRoot, 'scripts/action-run.mjs')], {
      cwd: workspace,
      env: { ...env, INPUT_ANSWERS: '' },
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/^::error title=rollout-check::the answers input is required/);
  });
});
