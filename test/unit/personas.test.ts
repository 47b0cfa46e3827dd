// Organisations written from the article's own criteria, each with the verdict the article
// implies (test/fixtures/personas/README.md). When the tool disagrees, the checklist or the
// rules change, never the expectation.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/answers/validate.js';
import { assess, loadAnswers, loadChecklist } from '../../src/pipeline.js';
import { fixture } from '../helpers/cli.js';

const dir = fixture('personas');
const readme = readFileSync(`${dir}/README.md`, 'utf8');
const expected = new Map([...readme.matchAll(/^\| `([a-z0-9-]+)` \| [^|]+ \| (tighten|pilot|scale) \|$/gm)].map((m) => [m[1]!, m[2]!]));
const personas = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const checklist = await loadChecklist();

describe('personas from the article', () => {
  it('are at least eight, each with the verdict the article implies in the README', () => {
    expect(personas.length).toBeGreaterThanOrEqual(8);
    expect([...expected.keys()].sort()).toEqual(personas);
    expect(new Set(expected.values())).toEqual(new Set(['tighten', 'pilot', 'scale']));
  });

  it('were written for checklist 1.0.0 and 1.1.0, which 1.2.0 still reads; a version it does not read is refused', () => {
    expect(checklist.version).toBe('1.2.0');
    expect(readFileSync(`${dir}/seats-no-owner.yaml`, 'utf8')).toContain('version: 1.0.0 }');
    const r = validateAnswers(checklist, 'old.yaml', 'checklist: { id: ai-coding-rollout, version: 0.9.0 }\n');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]!.message).toBe('checklist "ai-coding-rollout" has no version 0.9.0 (this one is 1.2.0, and reads answers for 1.0.0, 1.1.0)');
  });

  it.each(personas)('%s gets the verdict the article implies', (name) => {
    const { report } = assess(checklist, loadAnswers(checklist, `${dir}/${name}.yaml`), '0');
    expect(report.verdict.id, report.verdict.reasons.join('\n')).toBe(expected.get(name));
  });
});
