// The CI formats through the built binary, each checked by the real reader: SARIF by Microsoft's
// SARIF multitool (GitHub's ingestion rules included), JUnit by xmllint against the Jenkins
// junit-4.xsd, and GitHub annotations as the runner would read them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';
import { junitProblems, sarifProblems } from '../helpers/validators.js';

const repo = fixture('repos', 'claude-code');

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: unknown[];
    }[];
  }[];
}

describe('SARIF 2.1.0', () => {
  it('from scan: every risk at its file and line, zero errors and warnings in the SARIF validator', () => {
    const r = runCli(['scan', repo, '--format', 'sarif']);
    expect(r.code, r.stderr).toBe(0);
    expect(sarifProblems(r.stdout)).toEqual([]);
    const log = JSON.parse(r.stdout) as SarifLog;
    const scanJson = JSON.parse(runCli(['scan', repo, '--format', 'json']).stdout) as { findings: { id: string; kind: string; path: string; line?: number }[] };
    const risks = scanJson.findings.filter((f) => f.kind === 'risk');
    expect(log.runs[0]!.results).toHaveLength(risks.length);
    const bypass = log.runs[0]!.results.find((x) => x.ruleId === 'claude-code.bypass-permissions')!;
    expect(bypass.level).toBe('error');
    expect(bypass.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: '.claude/settings.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 },
    });
  });

  it('from assess --scan: unmet musts and disputes at the answer line, findings at theirs, validated, with stable fingerprints', () => {
    const dir = tempDir();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, readFileSync('examples/pilot-ready.yaml', 'utf8'));
    const r = runCli(['assess', '--answers', answers, '--scan', repo, '--format', 'sarif'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(sarifProblems(r.stdout)).toEqual([]);
    const log = JSON.parse(r.stdout) as SarifLog;
    const results = log.runs[0]!.results;
    const disputed = results.filter((x) => x.ruleId.endsWith('/disputed'));
    expect(disputed.length).toBeGreaterThan(0);
    const lines = readFileSync(answers, 'utf8').split('\n');
    for (const d of disputed) {
      const loc = d.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toBe('answers.yaml');
      // The line holds the answer to the disputed question.
      expect(lines[loc.region!.startLine - 1]).toContain(d.ruleId.replace('/disputed', ''));
    }
    expect(results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === '.claude/settings.json')).toBe(true);
    // The same input gives the same fingerprints after the answers file gains lines above.
    writeFileSync(answers, `# a comment\n# another\n${readFileSync(answers, 'utf8')}`);
    const again = JSON.parse(runCli(['assess', '--answers', answers, '--scan', repo, '--format', 'sarif'], { cwd: dir }).stdout) as SarifLog;
    expect(again.runs[0]!.results.map((x) => x.partialFingerprints)).toEqual(results.map((x) => x.partialFingerprints));
    expect(again.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.region?.startLine)).not.toEqual(
      results.map((x) => x.locations[0]!.physicalLocation.region?.startLine),
    );
  });
});

describe('JUnit XML', () => {
  it.each(['not-ready', 'pilot-ready', 'scale-ready'])(
    '%s validates against junit-4.xsd, one suite per failure mode, failures for unmet musts and high risks',
    (name) => {
      const r = runCli(['assess', '--answers', `examples/${name}.yaml`, '--format', 'junit']);
      expect(junitProblems(r.stdout)).toEqual([]);
      const result = JSON.parse(readFileSync(`examples/${name}.report.json`, 'utf8')) as {
        questions: { failureModes: unknown[]; obligation: string | null; met: boolean | null; risk: string | null }[];
      };
      const suites = [...r.stdout.matchAll(/<testsuite name="(FM\d)/g)].map((m) => m[1]);
      expect(suites).toEqual(['FM1', 'FM2', 'FM3', 'FM4', 'FM5', 'FM6', 'FM7']);
      const failing = result.questions.filter((q) => (q.obligation === 'must' && q.met === false) || q.risk === 'high');
      // One problem, one failure: a question informing two failure modes appears once.
      expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(r.stdout)![1])).toBe(failing.length);
      const names = [...r.stdout.matchAll(/<testcase name="([^:"]+):/g)].map((m) => m[1]);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it('keeps hostile text well-formed: markup escaped, control characters dropped', () => {
    const dir = tempDir();
    const answers = join(dir, 'a.yaml');
    writeFileSync(answers, readFileSync('examples/pilot-ready.yaml', 'utf8').replace('team: Patient scheduling', 'team: "<b>&\\u0001\\u0000</b>]]>"'));
    const r = runCli(['assess', '--answers', answers, '--format', 'junit']);
    expect(r.code, r.stderr).toBe(0);
    expect(junitProblems(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('name="rollout-check: Fabrikam Health / &lt;b&gt;&amp;&lt;/b&gt;]]&gt;"');
  });
});

describe('GitHub annotations', () => {
  it('in GitHub Actions: ::error and ::warning at the answer and file lines, escaped, and off with --annotations off', () => {
    const dir = tempDir();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, readFileSync('examples/pilot-ready.yaml', 'utf8'));
    const env = { GITHUB_ACTIONS: 'true' };
    const r = runCli(['assess', '--answers', answers, '--scan', repo, '--fail-on', 'must', '--out', join(dir, 'r.md')], { cwd: dir, env });
    const annotations = r.stderr.split('\n').filter((l) => l.startsWith('::'));
    const lines = readFileSync(answers, 'utf8').split('\n');
    const onAnswer = annotations.filter((a) => a.includes('file=answers.yaml'));
    expect(onAnswer.length).toBeGreaterThan(0);
    for (const a of onAnswer) {
      const m = /^::(error|warning|notice) file=answers\.yaml,line=(\d+),title=rollout-check ([^:,/]+)(\/disputed)?::/.exec(a)!;
      expect(m, a).not.toBeNull();
      expect(lines[Number(m[2]) - 1]).toContain(m[3]!);
    }
    expect(annotations).toContain(
      '::error file=.claude/settings.json,line=3,title=rollout-check claude-code.bypass-permissions::permissions.defaultMode is bypassPermissions: every tool call runs without approval.',
    );
    expect(annotations.some((a) => a.startsWith('::error title=rollout-check gate failed::--fail-on must'))).toBe(r.code === 1);
    // Escaping: no raw newline can end a command early, every property value is escaped.
    for (const a of annotations) expect(/^::\w+ [^:]*::/.test(a), a).toBe(true);
    const off = runCli(['assess', '--answers', answers, '--scan', repo, '--annotations', 'off', '--out', join(dir, 'r2.md')], { cwd: dir, env });
    expect(off.stderr).not.toMatch(/^::/m);
    const outside = runCli(['assess', '--answers', answers, '--scan', repo, '--out', join(dir, 'r3.md')], { cwd: dir });
    expect(outside.stderr).not.toMatch(/^::/m);
  });
});
