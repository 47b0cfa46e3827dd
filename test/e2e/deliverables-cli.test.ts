// Consultant deliverables through the built binary: saved results re-rendered without scoring,
// every format, branding, redaction, templates, overlays and progress over time.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

const examples = ['not-ready', 'pilot-ready', 'scale-ready'];
const mini = ['--policy', fixture('checklists', 'mini.yaml')];
const miniAnswers = fixture('answers', 'mini-scale.yaml');

function saveResult(dir: string, answers: string, extra: string[] = []): string {
  const out = join(dir, 'result.json');
  const r = runCli(['assess', '--answers', answers, '--format', 'json', '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('saved results', () => {
  it.each(examples)('report re-renders %s in every format exactly as assess does, without scoring', (name) => {
    const dir = tempDir();
    const result = saveResult(dir, `examples/${name}.yaml`);
    for (const format of ['md', 'json', 'html', 'csv']) {
      const direct = runCli(['assess', '--answers', `examples/${name}.yaml`, '--format', format]).stdout;
      const again = runCli(['report', result, '--format', format]);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(direct);
    }
  });

  it('publishes a JSON Schema that every example result validates against', () => {
    const schema = JSON.parse(runCli(['schema', 'result']).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const name of examples) {
      const result = JSON.parse(readFileSync(`examples/${name}.report.json`, 'utf8'));
      expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ ...JSON.parse(readFileSync('examples/pilot-ready.report.json', 'utf8')), verdict: { id: 'ship-it' } })).toBe(false);
    for (const kind of ['answers', 'checklist']) expect(JSON.parse(runCli(['schema', kind]).stdout).title).toMatch(kind);
  });

  it('rejects a result that is not one, with the file, line and what is wrong (exit 2)', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    const result = JSON.parse(readFileSync('examples/pilot-ready.report.json', 'utf8'));
    result.overall.score = 'high';
    writeFileSync(bad, JSON.stringify(result, null, 2));
    const r = runCli(['report', bad, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${bad}:\\d+:\\d+: expected number, found string "high" \\(at overall\\.score\\)\\n$`));
    writeFileSync(bad, '{ "schemaVersion": "9.0.0" }');
    expect(runCli(['report', bad]).stderr).toContain('not a rollout-check result of schema 2.x');
    // A result saved before unknowns earned nothing is refused with the way forward.
    writeFileSync(bad, '{ "schemaVersion": "1.2.0" }');
    expect(runCli(['report', bad]).stderr).toContain(
      'saved by an older rollout-check (schema 1.2.0), whose scores left unknown answers out; assess its answers file again',
    );
  });
});

describe('formats, branding and redaction', () => {
  it('writes CSV with one row per question and neutralises spreadsheet formulas', () => {
    const dir = tempDir();
    const answers = join(dir, 'a.yaml');
    writeFileSync(answers, readFileSync(miniAnswers, 'utf8').replace('note: "Priya owns it"', 'note: "=HYPERLINK(\\"x\\"), said \\"Priya\\""'));
    const r = runCli(['assess', ...mini, '--answers', answers, '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'question_id,question,failure_modes,answer,status,score,risk,obligation,claimed_answer,disputed_by,history_disagrees,provenance,provenance_sources,accepted,note,owasp_agentic',
    );
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe(
      `q.owner,Is there a named owner for the rollout?,FM7,Yes,answered,100,none,should,,,,self-reported,,,"'=HYPERLINK(""x""), said ""Priya""",`,
    );
  });

  it('--redact drops notes, evidence and the assessor from every format', () => {
    for (const format of ['md', 'json', 'html', 'csv']) {
      const r = runCli(['assess', ...mini, '--answers', miniAnswers, '--format', format, '--redact']);
      expect(r.code).toBe(0);
      for (const secret of ['Priya owns it', 'wiki.example/rollout', 'Dana', 'mini-scale.yaml']) expect(r.stdout, `${format}: ${secret}`).not.toContain(secret);
    }
  });

  it('brands the report from flags, embeds the logo, and fails clearly on a missing logo', () => {
    const dir = tempDir();
    const logo = join(dir, 'logo.svg');
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const r = runCli([
      'assess',
      ...mini,
      '--answers',
      miniAnswers,
      '--format',
      'html',
      '--client',
      'Globex',
      '--engagement',
      'Readiness review',
      '--assessor',
      'Sam',
      '--logo',
      logo,
    ]);
    expect(r.stdout).toMatch(/<p class="prepared">Assessment of [^<]*, prepared for Globex by Sam/);
    expect(r.stdout).not.toContain('<dd>Globex</dd>');
    expect(r.stdout).toContain('<p class="engagement">Readiness review</p>');
    expect(r.stdout).toContain('<dd>Sam</dd>');
    expect(r.stdout).toContain('src="data:image/svg+xml;base64,');
    const missing = runCli(['assess', ...mini, '--answers', miniAnswers, '--format', 'html', '--logo', join(dir, 'nope.png')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`error: ${join(dir, 'nope.png')}: cannot read the logo: no such file`);
  });

  it('uses an override template and names template, line and variable when it asks for too much', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'html'), { recursive: true });
    writeFileSync(join(dir, 'html', 'cover.hbs'), '<header class="cover"><h1 class="client">Prepared for {{heading}}</h1></header>\n');
    const ok = runCli(['assess', ...mini, '--answers', miniAnswers, '--format', 'html', '--templates', dir]);
    expect(ok.stdout).toContain('<h1 class="client">Prepared for Acme / Payments</h1>');
    writeFileSync(join(dir, 'html', 'cover.hbs'), '<header>\n  {{metadata.budget}}\n</header>\n');
    const bad = runCli(['assess', ...mini, '--answers', miniAnswers, '--format', 'html', '--templates', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(`error: ${join(dir, 'html', 'cover.hbs')}:2: template uses "metadata.budget", which the report does not have`);
  });
});

describe('overlays', () => {
  it('adds, changes and ignores questions by id, and lists what it did in every report', () => {
    const args = ['assess', ...mini, '--answers', miniAnswers, '--overlay', fixture('overlays', 'client.yaml')];
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout);
    expect(json.overlays).toEqual([
      expect.objectContaining({
        id: 'acme-client',
        file: 'client.yaml',
        added: ['acme.change-board'],
        changed: [
          { id: 'q.sandbox', fields: ['obligation', 'text'] },
          { id: 'q.owner', fields: ['failureModes'] },
        ],
        ignored: [{ id: 'q.instructions', reason: 'Acme standardises instructions through its platform team, assessed separately.' }],
      }),
    ]);
    const q = (id: string) => json.questions.find((x: { id: string }) => x.id === id);
    expect(q('q.sandbox')).toMatchObject({ obligation: 'must', text: "Do agents run in Acme's approved sandbox with egress limited to the proxy?" });
    expect(q('q.instructions')).toMatchObject({
      status: 'not-asked',
      notAskedReason: 'ignored by overlay: Acme standardises instructions through its platform team, assessed separately.',
    });
    expect(q('acme.change-board')).toMatchObject({ status: 'unanswered' });
    expect(json.failureModes.find((f: { id: string }) => f.id === 'FM7').totalMax).toBe(5);
    const md = runCli([...args, '--format', 'md']).stdout;
    expect(md).toContain('### Checklist overlays');
    expect(md).toContain('Ignored `q.instructions`: Acme standardises instructions');
    expect(runCli([...args, '--format', 'html']).stdout).toContain('Ignored q.instructions: Acme standardises');
    expect(runCli([...args, '--format', 'csv']).stdout).toContain('q.instructions,Are shared instructions committed?,FM5,Not asked,not-asked');
  });

  it('validate checks overlays against the checklist', () => {
    const r = runCli(['validate', ...mini, fixture('overlays', 'client.yaml'), fixture('overlays', 'invalid-unknown-id.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`ok ${fixture('overlays', 'client.yaml')}\n`);
    expect(r.stderr).toContain('overlay changes unknown question "q.sandboxx"');
  });

  it.each([
    ['invalid-unknown-id.yaml', ':4:9: overlay changes unknown question "q.sandboxx" (at change.0.id)'],
    ['invalid-ignore-without-reason.yaml', ':4:5: missing required key "reason" (at ignore.0.reason)'],
    ['invalid-other-checklist.yaml', ':2:16: overlay extends "ai-coding-rollout", but the checklist is "mini" (at extends.id)'],
  ])('rejects %s with a located error (exit 2)', (name, message) => {
    const r = runCli(['assess', ...mini, '--answers', miniAnswers, '--overlay', fixture('overlays', name)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: ${fixture('overlays', name)}${message}`);
  });
});

describe('compare', () => {
  it('shows progress between two answers files in the terminal and in Markdown', () => {
    const text = runCli(['compare', 'examples/not-ready.yaml', 'examples/pilot-ready.yaml']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Verdict: TIGHTEN -> PILOT (better)');
    expect(text.stdout).toMatch(/^FM3 +8\.2% -> +85\.3% +\+77\.1 +Review is informal/m);
    const md = runCli(['compare', 'examples/pilot-ready.yaml', 'examples/not-ready.yaml', '--format', 'md']).stdout;
    expect(md).toContain('| Verdict | pilot | tighten | worse |');
    expect(md).toContain('## Regressions');
    expect(md).toMatch(
      /\| Is that split enforced in tool configuration .*\(`fm1\.enforced-in-config`\) \| FM1, FM4 \| In most repositories or teams \| Nowhere \|/,
    );
  });

  it('lists closed and new risks between two saved results, and warns when the checklist versions differ', () => {
    const dir = tempDir();
    const before = saveResult(dir, 'examples/pilot-ready.yaml');
    const after = join(dir, 'after.json');
    const r = JSON.parse(readFileSync('examples/scale-ready.report.json', 'utf8'));
    r.checklist.version = '1.3.0';
    writeFileSync(after, JSON.stringify(r));
    const out = runCli(['compare', before, after, '--format', 'md']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('> **Warning:** the assessments used different checklists (ai-coding-rollout 1.2.0 and ai-coding-rollout 1.3.0)');
    expect(out.stdout).toContain('## Risks closed');
    expect(out.stdout).toMatch(/\(`fm4\.egress`\) \| FM4 \| Allowlist for some agents or environments \| Narrow allowlist wherever agents run \|/);
    expect(out.stderr).toContain('warning: the assessments used different checklists');
  });
});
