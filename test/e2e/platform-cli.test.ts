// `collect github` against a stand-in `gh` on PATH (test/helpers/gh-standin/gh: there is no network
// here, so it replays answers recorded from GitHub's documented shapes and validated against its
// published schemas), and `assess --platform` / `scan --platform` with the bundles it writes.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { gitAs } from '../helpers/git.js';

const standin = join(repoRoot, 'test', 'helpers', 'gh-standin');
const token = `ghp_${'Zq9x'.repeat(9)}`;
const ghEnv = (scenario: string, log?: string) => ({
  PATH: `${standin}:${process.env.PATH}`,
  GH_STANDIN_RESPONSES: fixture('platform', scenario, 'responses.json'),
  GH_TOKEN: token,
  ...(log ? { GH_STANDIN_LOG: log } : {}),
});
const bundles: Record<string, string> = {};
const dir = tempDir();

beforeAll(() => {
  for (const scenario of ['lax', 'strict', 'no-admin', 'bypass']) {
    const out = join(dir, `${scenario}.json`);
    const r = runCli(['collect', 'github', 'acme/widgets', '--out', out], { env: ghEnv(scenario, join(dir, `${scenario}.log`)) });
    expect(r.code, r.stderr).toBe(0);
    bundles[scenario] = out;
  }
});

describe('collect github', () => {
  it('saves every read GitHub answered, raw, under the path given to gh api, and nothing else', () => {
    const b = JSON.parse(readFileSync(bundles.strict!, 'utf8'));
    expect(Object.keys(b.responses)).toEqual([
      'repos/acme/widgets',
      'repos/acme/widgets/actions/permissions',
      'repos/acme/widgets/actions/permissions/selected-actions',
      'repos/acme/widgets/actions/permissions/workflow',
      'repos/acme/widgets/branches/main/protection',
      'repos/acme/widgets/codeowners/errors',
      'repos/acme/widgets/environments?per_page=100',
      'repos/acme/widgets/rules/branches/main',
      'repos/acme/widgets/rulesets/4242',
    ]);
    const recorded = JSON.parse(readFileSync(fixture('platform', 'strict', 'responses.json'), 'utf8'));
    for (const [path, r] of Object.entries(b.responses)) expect(r).toEqual(recorded[path]);
    expect(b).toMatchObject({ schemaVersion: '1.0.0', source: 'github', repository: 'acme/widgets', branch: 'main', collectedAt: '2026-12-05T09:30:00.000Z' });
    // Every call is a GET; the token gh holds is never written down.
    const calls = readFileSync(join(dir, 'strict.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    expect(calls.every((c) => c[0] === 'api' && c.includes('GET'))).toBe(true);
    for (const s of Object.keys(bundles)) expect(readFileSync(bundles[s]!, 'utf8')).not.toContain(token);
  });

  it('matches the JSON Schema `rollout-check schema platform` publishes', () => {
    const schema = JSON.parse(runCli(['schema', 'platform']).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const s of Object.keys(bundles)) expect(validate(JSON.parse(readFileSync(bundles[s]!, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ schemaVersion: '1.0.0', source: 'gitlab', repository: 'a/b', branch: null, collectedAt: null, responses: {} })).toBe(false);
  });

  it('records a refusal as not readable, and says so', () => {
    const r = runCli(['collect', 'github', 'acme/widgets'], { env: ghEnv('no-admin') });
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.responses['repos/acme/widgets/branches/main/protection'].status).toBe(403);
    expect(r.stderr).toMatch(/3 of 7 reads were refused or not reached; they are recorded as not readable/);
  });

  it('without gh nothing reaches GitHub: said in one line, exit 2, and no bundle that would pass for one', () => {
    const out = join(tempDir(), 'p.json');
    const r = runCli(['collect', 'github', 'acme/widgets', '--branch', 'main', '--out', out], { env: { PATH: '/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^error: nothing was read from GitHub for acme\/widgets: gh \(the GitHub CLI\) was not found on PATH \(install and sign in to gh, or use --print-commands\)$/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('--from takes only the repository named (acme/widgets-old is another), and refuses another branch than the saved one', () => {
    const work = tempDir();
    writeFileSync(join(tempDir(), 'x'), '');
    const script = runCli(['collect', 'github', 'acme/widgets', '--print-commands'], { env: ghEnv('strict') }).stdout;
    writeFileSync(join(work, 'reads.sh'), script);
    execFileSync('sh', ['reads.sh'], { cwd: work, env: { ...process.env, ...ghEnv('strict') } });
    const saved = join(work, 'rollout-check-responses');
    writeFileSync(join(saved, 'zz.http'), 'repos/acme/widgets-old/actions/permissions/workflow\nHTTP/2.0 200 OK\r\n\r\n{}');
    const other = runCli(['collect', 'github', 'acme/widgets', '--from', saved]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/zz\.http:1: the first line should be the path read for acme\/widgets/);
    execFileSync('rm', [join(saved, 'zz.http')]);
    const branch = runCli(['collect', 'github', 'acme/widgets', '--from', saved, '--branch', 'release']);
    expect(branch.code).toBe(2);
    expect(branch.stderr).toMatch(/the saved answers are for branch "main", not "release"/);
  });

  it('--print-commands prints a script that, run as printed, saves what --from turns into the same bundle', () => {
    for (const branch of [undefined, 'main']) {
      const work = tempDir();
      const flags = branch ? ['--branch', branch] : [];
      const script = runCli(['collect', 'github', 'acme/widgets', ...flags, '--print-commands'], { env: ghEnv('strict') });
      expect(script.code).toBe(0);
      expect(script.stdout).not.toMatch(/--method (?!GET)|-X (?!GET)|-f |--field|--input/);
      writeFileSync(join(work, 'reads.sh'), script.stdout);
      execFileSync('sh', ['reads.sh'], { cwd: work, env: { ...process.env, ...ghEnv('strict') } });
      const rebuilt = runCli(['collect', 'github', 'acme/widgets', ...flags, '--from', join(work, 'rollout-check-responses')], {
        env: { PATH: '/nonexistent' },
      });
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toBe(readFileSync(bundles.strict!, 'utf8'));
    }
  });

  it('refuses what it cannot do in one line, exit 2', () => {
    for (const [args, message] of [
      [['collect', 'github', 'not a repo'], /"not a repo" is not OWNER\/REPO/],
      [['collect', 'gitlab', 'a/b'], /gitlab/],
      [['collect', 'github', 'a/b', '--print-commands', '--out', 'x.json'], /--print-commands and --out cannot be used together/],
      [['collect', 'github', 'acme/widgets', '--from', join(dir, 'nowhere')], /nowhere: not a folder of saved answers/],
    ] as const) {
      const r = runCli([...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('assess --platform', () => {
  const scale = ['assess', '--answers', 'examples/scale-ready.yaml'];

  it('a branch that needs no approval, with Actions allowed to approve: both answers disputed, not SCALE, on the first screen of every format', () => {
    const terminal = runCli([...scale, '--platform', bundles.lax!, '--out', join(tempDir(), 'r.md')]);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/^Verdict: TIGHTEN/);
    const firstScreen = terminal.stdout.slice(0, terminal.stdout.indexOf('FM1 '));
    expect(firstScreen).toContain('(fm3.human-review)');
    expect(firstScreen).toContain('(fm3.agents-cannot-merge)');
    expect(firstScreen).toMatch(/answers disputed by the platform settings:/);

    const md = runCli([...scale, '--platform', bundles.lax!]).stdout;
    const top = md.slice(0, md.indexOf('Why this verdict'));
    expect(top).toContain('`fm3.human-review`');
    expect(top).toContain('`fm3.agents-cannot-merge`');
    const html = runCli([...scale, '--platform', bundles.lax!, '--format', 'html']).stdout;
    const htmlTop = html.slice(0, html.indexOf('Why this verdict'));
    expect(htmlTop).toContain('fm3.human-review');
    expect(htmlTop).toContain('fm3.agents-cannot-merge');

    const json = JSON.parse(runCli([...scale, '--platform', bundles.lax!, '--format', 'json']).stdout);
    expect(json.verdict.id).not.toBe('scale');
    expect(json.disputed.first.map((d: { question: string }) => d.question)).toEqual(expect.arrayContaining(['fm3.human-review', 'fm3.agents-cannot-merge']));
    const q = (id: string) => json.questions.find((x: { id: string }) => x.id === id);
    expect(q('fm3.human-review').provenance).toEqual({ status: 'disputed', sources: ['platform:repos/acme/widgets/branches/main/protection'] });
    expect(q('fm3.agents-cannot-merge').dispute.findings).toContain('platform.actions-can-approve@platform:repos/acme/widgets/actions/permissions/workflow');

    const sarif = JSON.parse(runCli([...scale, '--platform', bundles.lax!, '--format', 'sarif']).stdout);
    const ids = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['fm3.human-review/disputed', 'fm3.agents-cannot-merge/disputed', 'platform.no-review-required']));
    // A setting is in no file: its result is placed at the answer it disputes.
    const setting = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'platform.no-review-required');
    expect(setting.locations[0].physicalLocation.artifactLocation.uri).toBe('examples/scale-ready.yaml');
    expect(setting.locations[0].physicalLocation.region.startLine).toBe(30);
    const junit = runCli([...scale, '--platform', bundles.lax!, '--format', 'junit']).stdout;
    expect(junit).toMatch(/<testcase name="fm3.human-review:[^"]*"[^>]*>\s*<failure/);
    expect(junit).toMatch(/<testcase name="fm3.agents-cannot-merge:[^"]*"[^>]*>\s*<failure/);
  });

  it('a branch that enforces all of it: those answers corroborated, and the verdict line states its basis in every format', () => {
    const json = JSON.parse(runCli([...scale, '--platform', bundles.strict!, '--format', 'json']).stdout);
    expect(json.verdict.id).toBe('scale');
    const q = (id: string) => json.questions.find((x: { id: string }) => x.id === id);
    for (const id of ['fm3.human-review', 'fm3.agents-cannot-merge', 'fm3.requester-not-approver', 'fm3.codeowners', 'fm4.secrets'])
      expect(q(id).provenance.status, id).toBe('corroborated');
    const fm3 = json.failureModes.find((f: { id: string }) => f.id === 'FM3');
    expect(fm3.evidence.corroborated).toBeGreaterThan(50);
    for (const f of json.failureModes) expect(f.evidence.corroborated + f.evidence.disputed + f.evidence.selfReported).toBe(100);
    const basis = json.overall.basis as string;
    expect(basis).toMatch(/^\d+% of the weight corroborated, \d+% self-reported$/);

    const quiet = runCli([...scale, '--platform', bundles.strict!, '--quiet']).stdout;
    expect(quiet).toBe(`Verdict: SCALE · overall ${json.overall.score} · ${basis}\n`);
    expect(runCli([...scale, '--platform', bundles.strict!]).stdout).toContain(`Evidence: SCALE rests on ${basis}.`);
    expect(runCli([...scale, '--platform', bundles.strict!, '--format', 'html']).stdout).toContain(`SCALE rests on ${basis}.`);
    expect(runCli([...scale, '--platform', bundles.strict!, '--format', 'junit']).stdout).toContain(`<property name="verdict-basis" value="${basis}"/>`);
    expect(JSON.parse(runCli([...scale, '--platform', bundles.strict!, '--format', 'sarif']).stdout).runs[0].properties).toEqual({
      verdict: 'scale',
      verdictBasis: basis,
    });
    const csv = runCli([...scale, '--platform', bundles.strict!, '--format', 'csv']).stdout;
    expect(csv).toMatch(/^fm3\.human-review,.*,corroborated,platform:repos\/acme\/widgets\/branches\/main\/protection,/m);
  });

  it('--min-corroborated gates on the share of the weight evidence bears out', () => {
    const lax = runCli([...scale, '--platform', bundles.lax!, '--quiet', '--min-corroborated', '10']);
    expect(lax.code).toBe(1);
    expect(lax.stderr).toMatch(/gate failed: --min-corroborated 10: \d% of the weight in scope is corroborated by evidence/);
    expect(runCli([...scale, '--platform', bundles.strict!, '--quiet', '--min-corroborated', '10']).code).toBe(0);
    const none = runCli([...scale, '--min-corroborated', '10']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--min-corroborated needs evidence that can corroborate answers: add --scan or --platform/);
  });

  it('an acknowledgement names a setting as rule@platform:<path>, and settles it', () => {
    const answers = join(tempDir(), 'answers.yaml');
    const text = readFileSync(join(repoRoot, 'examples', 'scale-ready.yaml'), 'utf8').replace(
      '  fm3.human-review: all\n',
      '  fm3.human-review:\n    answer: all\n    acknowledge: [{ finding: "platform.no-review-required@platform:repos/acme/widgets/branches/main/protection", reason: "This sandbox repository takes no production code" }]\n',
    );
    writeFileSync(answers, text);
    const json = JSON.parse(runCli(['assess', '--answers', answers, '--platform', bundles.lax!, '--format', 'json']).stdout);
    expect(json.evidence.acknowledged.map((a: { question: string }) => a.question)).toContain('fm3.human-review');
    expect(json.questions.find((x: { id: string }) => x.id === 'fm3.human-review').dispute).toBeNull();
  });

  it('says when the bundle is of another repository than the one scanned, or much older than the answers', () => {
    const repo = tempDir();
    gitAs(repo, 'A <a@example.com>', '2026-11-01T10:00:00Z', ['init', '-q']);
    gitAs(repo, 'A <a@example.com>', '2026-11-01T10:00:00Z', ['remote', 'add', 'origin', 'git@github.com:other/thing.git']);
    const stale = join(tempDir(), 'stale.json');
    writeFileSync(
      stale,
      readFileSync(bundles.strict!, 'utf8').replace('"collectedAt": "2026-12-05T09:30:00.000Z"', '"collectedAt": "2026-09-01T09:30:00.000Z"'),
    );
    const r = runCli([...scale, '--platform', stale, '--scan', repo, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${stale} holds the settings of acme/widgets, but the scanned repository is other/thing`);
    expect(r.stderr).toContain(`warning: ${stale} was collected on 2026-09-01, 76 days before the answers (2026-11-16)`);
  });

  it('a malformed bundle is one located line, exit 2, and nothing is written', () => {
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, readFileSync(bundles.strict!, 'utf8').replace('"required_approving_review_count": 2', '"required_approving_review_count": "two"'));
    const out = join(tempDir(), 'r.md');
    const r = runCli([...scale, '--platform', bad, '--out', out]);
    expect(r.code).toBe(2);
    const line =
      readFileSync(bad, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"two"')) + 1;
    expect(r.stderr.trim()).toMatch(new RegExp(`^error: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:\\d+: .*expected number, found string "two"`));
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('scan --platform', () => {
  it('adds the settings to the findings, and lists what was not readable with the files not read', () => {
    const repo = tempDir();
    cpSync(fixture('repos', 'github'), repo, { recursive: true, errorOnExist: false });
    const lax = JSON.parse(runCli(['scan', repo, '--platform', bundles.lax!, '--format', 'json']).stdout);
    expect(lax.findings.map((f: { id: string }) => f.id)).toContain('platform.no-review-required');
    const json = JSON.parse(runCli(['scan', repo, '--platform', bundles['no-admin']!, '--format', 'json']).stdout);
    expect(json.skipped.map((s: { path: string }) => s.path)).toContain('platform:repos/acme/widgets/branches/main/protection');
    const sarif = runCli(['scan', repo, '--platform', bundles.lax!, '--format', 'sarif']);
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toMatch(/platform settings have no file to annotate/);
  });
});
