// `import`: a survey export into answers files, through the built binary.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/** The team example as a survey export would hold it: a row per person, a column per question. */
function teamCsv(): string {
  const header = runCli(['init', '--format', 'csv']).stdout.trim().split(',');
  const rows = ['engineer', 'lead', 'platform', 'security'].map((name) => {
    const file = parse(readFileSync(`examples/team/${name}.yaml`, 'utf8'));
    return header.map((h) => {
      if (h === 'respondent.name') return file.respondent.name;
      if (h === 'respondent.role') return file.respondent.role;
      if (h.startsWith('metadata.')) return String(file.metadata[h.slice(9)] ?? '');
      const a = file.answers[h];
      const v = a && typeof a === 'object' && !Array.isArray(a) ? (a.answer ?? '') : a;
      // Forms write a multi-select answer as one cell; a comma inside it is quoted.
      return v === undefined ? '' : Array.isArray(v) ? `"${v.join(', ')}"` : String(v);
    });
  });
  return [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

describe('import responses.csv', () => {
  it('turns a survey export into answers files that assess exactly like the hand-written ones', () => {
    const dir = tempDir();
    const csv = join(dir, 'responses.csv');
    // Forms add a column of their own (a timestamp): read past it.
    const lines = teamCsv().trimEnd().split('\r\n');
    writeFileSync(csv, [`Timestamp,${lines[0]}`, ...lines.slice(1).map((l) => `2026-11-09 10:00,${l}`)].join('\r\n'));
    const r = runCli(['import', csv, '--out-dir', join(dir, 'answers')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'answers')).sort()).toEqual(['amara-obi.yaml', 'dev-raman.yaml', 'lars-nyberg.yaml', 'mei-tanaka.yaml']);
    const fromCsv = JSON.parse(runCli(['assess', '--answers', join(dir, 'answers'), '--format', 'json']).stdout);
    const byHand = JSON.parse(runCli(['assess', '--answers', 'examples/team', '--format', 'json']).stdout);
    const sorted = (items: { responses: { name: string }[] }[]) =>
      items.map((d) => ({ ...d, responses: [...d.responses].sort((a, b) => a.name.localeCompare(b.name)) }));
    expect(sorted(fromCsv.divergent.items)).toEqual(sorted(byHand.divergent.items));
    expect(fromCsv.overall).toEqual(byHand.overall);
  });

  it('refuses a column that is not a question and a cell that is not a choice, with row, column and the allowed values, writing nothing', () => {
    const dir = tempDir();
    const csv = join(dir, 'responses.csv');
    const text = teamCsv()
      .replace('fm4.egress', 'fm4.egres')
      .replace(/\r\nDev Raman,([^\r]*?),most,/, '\r\nDev Raman,$1,mostly,');
    writeFileSync(csv, text);
    const r = runCli(['import', csv, '--out-dir', join(dir, 'answers')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/responses\.csv:1:\d+: column "fm4\.egres" is not a question id/);
    expect(r.stderr).toMatch(/responses\.csv:2:\d+: row 2, column fm1\.enforced-in-config: "mostly" is not one of none, some, most, all, unknown/);
    expect(existsSync(join(dir, 'answers'))).toBe(false);
  });
});

describe('the team CSV (issue 28)', () => {
  it('has respondent and spread columns, and a long layout that import reads back into the same answers', async () => {
    const { validateAnswers } = await import('../../src/answers/validate.js');
    const { loadChecklist } = await import('../../src/load/checklist.js');
    const checklist = await loadChecklist();
    const wide = runCli(['assess', '--answers', 'examples/team', '--format', 'csv']).stdout.split('\r\n');
    expect(wide[0]).toMatch(/,respondents,spread,divergent,responses$/);
    const egress = wide.find((l) => l.startsWith('fm4.egress,'))!;
    expect(egress).toMatch(/,4,100,yes,Dev Raman \(engineer\): Allowlist for some agents or environments; /);
    const dir = tempDir();
    const long = join(dir, 'long.csv');
    expect(runCli(['assess', '--answers', 'examples/team', '--format', 'csv', '--csv-layout', 'responses', '--out', long]).code).toBeLessThanOrEqual(1);
    expect(readFileSync(long, 'utf8').split('\r\n')[0]).toBe(
      'respondent.name,respondent.role,metadata.organization,metadata.team,metadata.date,question_id,question,failure_modes,value,answer,score,merged_answer,divergent',
    );
    const back = join(dir, 'back');
    expect(runCli(['import', long, '--out-dir', back]).code).toBe(0);
    const answersOf = (file: string) => {
      const r = validateAnswers(checklist, file, readFileSync(file, 'utf8'));
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
      return { respondent: r.answers.respondent, values: Object.fromEntries(Object.entries(r.answers.answers).map(([id, a]) => [id, a.value])) };
    };
    for (const name of readdirSync('examples/team')) {
      const original = answersOf(join('examples/team', name));
      const slug = original.respondent!.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      // N/A answers have no value to carry (a survey has no place for the reason): set them aside.
      const known = Object.fromEntries(Object.entries(original.values).filter(([, v]) => v.kind !== 'na'));
      expect(answersOf(join(back, `${slug}.yaml`))).toEqual({ respondent: original.respondent, values: known });
    }
    // The same report from the imported files as from the originals.
    const verdict = (dir: string) => JSON.parse(runCli(['assess', '--answers', dir, '--format', 'json']).stdout).overall.score;
    expect(verdict(back)).toBe(verdict('examples/team'));
  });

  it('refuses --csv-layout with another format', () => {
    const r = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--csv-layout', 'responses']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: --csv-layout applies to --format csv, not md\n');
  });
});
