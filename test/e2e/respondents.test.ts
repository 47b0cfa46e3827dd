// A team assessment through the built binary: four respondents who disagree on three questions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const team = ['examples/team/engineer.yaml', 'examples/team/lead.yaml', 'examples/team/platform.yaml', 'examples/team/security.yaml'];
const divergentIds = ['fm1.enforced-in-config', 'fm3.codeowners', 'fm4.egress'];

describe('many respondents, one assessment', () => {
  it('finds exactly the three questions they disagree on, with who said what, on the first screen of every format', () => {
    const json = JSON.parse(runCli(['assess', '--answers', 'examples/team', '--format', 'json']).stdout);
    expect(json.divergent.items.map((d: { question: string }) => d.question)).toEqual(divergentIds);
    expect(json.divergent.summary).toBe('3 answers where respondents disagree');
    const egress = json.divergent.items.find((d: { question: string }) => d.question === 'fm4.egress');
    expect(egress.responses).toEqual([
      { name: 'Dev Raman', role: 'engineer', answer: 'Allowlist for some agents or environments' },
      { name: 'Amara Obi', role: 'engineering-lead', answer: 'Narrow allowlist wherever agents run' },
      { name: 'Mei Tanaka', role: 'platform', answer: 'Allowlist for some agents or environments' },
      { name: 'Lars Nyberg', role: 'security', answer: 'Open internet access' },
    ]);
    expect(json.respondents.map((r: { role: string }) => r.role)).toEqual(['engineer', 'engineering-lead', 'platform', 'security']);
    // Every respondent's answer is kept, for every question.
    expect(json.questions.find((q: { id: string }) => q.id === 'fm2.inventory').responses).toHaveLength(4);
    // Musts merge to the lowest answer; a divergent must is unverified, so: tighten.
    expect(json.questions.find((q: { id: string }) => q.id === 'fm4.egress').answer).toBe('Open internet access');
    expect(json.verdict.id).toBe('tighten');
    // The next steps start with agreeing, one per divergent question.
    expect(json.nextSteps.slice(0, 3).map((s: { id: string }) => s.id)).toEqual(divergentIds.map((id) => `agree-on-${id}`));
    expect(json.nextSteps[0].text).toMatch(/^Agree on the answer to "/);
    // Roles by failure modes: security sees FM4 far lower than the engineering lead.
    const fm4 = (role: string) => json.roleScores.find((r: { role: string }) => r.role === role).scores[3];
    expect(fm4('security')).toBeLessThan(fm4('engineering-lead') - 10);

    const md = runCli(['assess', '--answers', ...team.flatMap((f, i) => (i ? ['--answers', f] : [f]))]);
    const top = md.stdout.slice(0, md.stdout.indexOf('Why this verdict'));
    expect(top).toContain('> **3 answers where respondents disagree.**');
    for (const id of divergentIds) expect(top).toContain(`(\`${id}\`)`);
    expect(top).toContain('Lars Nyberg (Security): Open internet access');
    expect(md.stdout).toMatch(/## Who said what[^]*\| Security \| 1 \|/);
    expect(md.stderr).toMatch(/3 answers where respondents disagree:\n- fm1\.enforced-in-config: /);
    const html = runCli(['assess', '--answers', 'examples/team', '--format', 'html']).stdout;
    const htmlTop = html.slice(0, html.indexOf('<h3>Why</h3>'));
    for (const id of divergentIds) expect(htmlTop).toContain(`(${id})`);
    expect(html).toMatch(/<svg class="roles"[^]*data-role="security" data-fm="FM4"/);
    const csv = runCli(['assess', '--answers', 'examples/team/*.yaml', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toContain('question_id');
  });

  it('gates on divergence and on too few respondents', () => {
    const gated = runCli(['assess', '--answers', 'examples/team', '--fail-on', 'divergent', '--format', 'json']);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain(
      'gate failed: --fail-on divergent: 3 answers the respondents disagree on (fm1.enforced-in-config, fm3.codeowners, fm4.egress)',
    );
    const few = runCli([
      'assess',
      '--answers',
      'examples/team/lead.yaml',
      '--answers',
      'examples/team/security.yaml',
      '--min-respondents',
      '4',
      '--format',
      'json',
    ]);
    expect(few.code).toBe(1);
    expect(few.stderr).toContain('gate failed: --min-respondents 4: 2 respondents answered');
  });

  it('--redact drops names and keeps roles', () => {
    const r = runCli(['assess', '--answers', 'examples/team', '--redact', '--format', 'json']);
    for (const name of ['Dev Raman', 'Amara Obi', 'Mei Tanaka', 'Lars Nyberg']) expect(r.stdout).not.toContain(name);
    expect(JSON.parse(r.stdout).divergent.items[2].responses[3]).toEqual({ name: 'Security', role: 'security', answer: 'Open internet access' });
  });

  it('an unknown from one respondent never hides a known answer from another, and never raises a score', () => {
    const dir = tempDir();
    const lead = readFileSync('examples/team/lead.yaml', 'utf8');
    writeFileSync(join(dir, 'a.yaml'), lead);
    writeFileSync(
      join(dir, 'b.yaml'),
      lead
        .replace('name: Amara Obi', 'name: Someone Else')
        .replace('  fm4.egress: allowlist-all', '  fm4.egress: unknown')
        .replace('  fm3.codeowners: most', '  fm3.codeowners: unknown'),
    );
    const both = JSON.parse(runCli(['assess', '--answers', dir, '--format', 'json']).stdout);
    const answer = (id: string) => both.questions.find((q: { id: string }) => q.id === id).answer;
    // A should: the known answer stands. A must: someone who works with it not knowing leaves it unverified.
    expect(answer('fm3.codeowners')).toBe('In most repositories or teams');
    expect(answer('fm4.egress')).toBe('Unknown');
    const alone = JSON.parse(runCli(['assess', '--answers', join(dir, 'a.yaml'), '--format', 'json']).stdout);
    expect(both.overall.score).toBeLessThanOrEqual(alone.overall.score);
  });

  it('compare says, per divergent question, whether the spread between respondents narrowed', () => {
    const dir = tempDir();
    const before = join(dir, 'before.json');
    expect(runCli(['assess', '--answers', 'examples/team', '--format', 'json', '--out', before]).code).toBe(0);
    for (const name of ['lead', 'security', 'platform', 'engineer']) {
      const text = readFileSync(`examples/team/${name}.yaml`, 'utf8');
      writeFileSync(join(dir, `${name}.yaml`), name === 'engineer' ? text.replace('  fm3.codeowners: none', '  fm3.codeowners: most') : text);
    }
    const after = join(dir, 'after.json');
    runCli([
      'assess',
      '--answers',
      ...['lead', 'security', 'platform', 'engineer'].map((n) => join(dir, `${n}.yaml`)).flatMap((f, i) => (i ? ['--answers', f] : [f])),
      '--format',
      'json',
      '--out',
      after,
    ]);
    const md = runCli(['compare', before, after, '--format', 'md']).stdout;
    expect(md).toContain('## Where the respondents disagreed');
    expect(md).toMatch(/\(`fm3\.codeowners`\) \| 100 \| 30 \| narrowed \|/);
    expect(md).toMatch(/\(`fm4\.egress`\) \| 100 \| 100 \| same \|/);
  });

  it.each([
    [
      'files for different checklists',
      (d: string) => [writeAnswers(d, 'x.yaml', (t) => t.replace('version: 1.1.0', 'version: 0.9.0'))],
      /is for checklist ai-coding-rollout|checklist/,
    ],
    [
      'the same respondent twice',
      (d: string) => [writeAnswers(d, 'twin.yaml', (t) => t)],
      /examples\/team\/lead\.yaml and .*twin\.yaml are both from respondent "Amara Obi"/,
    ],
    [
      'a role the checklist does not have',
      (d: string) => [writeAnswers(d, 'r.yaml', (t) => t.replace('role: engineering-lead', 'role: cto').replace('Amara Obi', 'Chris Other'))],
      /r\.yaml:\d+:\d+: unknown role "cto" \(roles: engineering-lead, platform, security, engineer, other\)/,
    ],
  ])('refuses %s (exit 2)', (_name, extra, message) => {
    const dir = tempDir();
    const r = runCli(['assess', '--answers', 'examples/team/lead.yaml', ...extra(dir).flatMap((f) => ['--answers', f])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

function writeAnswers(dir: string, name: string, change: (text: string) => string): string {
  const file = join(dir, name);
  writeFileSync(file, change(readFileSync('examples/team/lead.yaml', 'utf8')));
  return file;
}
