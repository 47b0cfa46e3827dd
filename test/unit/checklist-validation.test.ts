import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateChecklist } from '../../src/checklist/validate.js';
import { formatProblem } from '../../src/errors.js';
import { fixture, repoRoot } from '../helpers/cli.js';

const load = (name: string) => {
  const file = `test/fixtures/checklists/${name}`;
  return validateChecklist(file, readFileSync(fixture('checklists', name), 'utf8'));
};
const messages = (name: string): string[] => {
  const r = load(name);
  if (r.ok) throw new Error(`${name} unexpectedly valid`);
  return r.problems.map(formatProblem);
};

describe('checklist validation', () => {
  it('accepts the mini fixture and resolves scales and yes/no defaults', () => {
    const r = load('mini.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const split = r.checklist.questions.find((q) => q.id === 'q.split')!;
    expect(split.choices.map((c) => c.id)).toEqual(['none', 'informal', 'written', 'enforced']);
    const enforced = r.checklist.questions.find((q) => q.id === 'q.enforced')!;
    expect(enforced.choices).toEqual([
      { id: 'yes', label: 'Yes', score: 1, risk: 'none', exclusive: false, weight: 1 },
      { id: 'no', label: 'No', score: 0, risk: 'medium', exclusive: false, weight: 1 },
    ]);
    expect(r.checklist.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  // One fixture per kind of mistake: the message names file, line, column, what is wrong and where.
  it.each([
    ['invalid-duplicate-question-id.yaml', /:126:9: duplicate question id "q\.rework" \(at questions\.9\.id\)$/],
    ['invalid-condition-unknown-question.yaml', /:74:23: condition names unknown question "ctx\.mcpp"/],
    ['invalid-condition-unknown-choice.yaml', /:74:\d+: "ctx\.mcp" has no choice "maybe"/],
    ['invalid-prerequisite-unknown-question.yaml', /:66:\d+: prerequisite names unknown question "q\.splitt"/],
    ['invalid-choice-missing-score.yaml', /:101:9: choice "sandbox" of "q\.sandbox" is missing its score/],
    ['invalid-must-without-recommendation.yaml', /: must question "q\.review" has no recommendation \(at questions\.5\.recommendations\)$/],
    ['invalid-unknown-key.yaml', /:77:\d+: unknown key "appliesTo" \(at questions\.4\)$/],
    ['invalid-yaml-syntax.yaml', /invalid-yaml-syntax\.yaml:4:8: the list opened with "\[" here is never closed: add "\]" at its end$/],
    ['invalid-reserved-choice-id.yaml', /:100:\d+: choice id "unknown" is reserved/],
    ['invalid-score-out-of-range.yaml', /:26:\d+: .*<=1 \(at scales\.practice\.2\.score\)$/],
    ['invalid-unknown-scale.yaml', /:53:\d+: unknown scale "maturity"/],
  ])('%s is rejected with a located message', (name, pattern) => {
    const lines = messages(name);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^test/fixtures/checklists/${name.replace(/\./g, '\\.')}:`));
    expect(lines[0]).toMatch(pattern);
  });

  it('reports every problem at once, in file order', () => {
    expect(messages('invalid-many-problems.yaml').map((m) => m.replace(/^[^:]+:(\d+):\d+: /, '$1 '))).toEqual([
      '66 prerequisite names unknown question "q.splitt" (at questions.3.recommendations.0.requires.0)',
      '77 unknown key "appliesTo" (at questions.4)',
      '127 duplicate question id "q.rework" (at questions.9.id)',
    ]);
  });

  it('has an invalid fixture for every rule and none that passes', () => {
    const invalid = readdirSync(fixture('checklists')).filter((f) => f.startsWith('invalid-'));
    for (const name of invalid) expect(load(name).ok, name).toBe(false);
    expect(invalid.length).toBeGreaterThanOrEqual(12);
  });

  it('rejects a checklist that is not a mapping without throwing', () => {
    const r = validateChecklist('x.yaml', '- just\n- a list\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.problems[0]!)).toMatch(/^x\.yaml:1:1: expected object, found a list$/);
  });
});

describe('compatible versions', () => {
  it('applies an overlay written for a version the checklist still reads', () => {
    const text = readFileSync(`${repoRoot}/policies/ai-coding-rollout.yaml`, 'utf8');
    const overlay = (version: string) =>
      `id: client\nextends: { id: ai-coding-rollout, version: ${version} }\nignore:\n  - { id: fm7.usage-policy, reason: "Covered by the client's own policy" }\n`;
    expect(validateChecklist('p.yaml', text, [{ file: 'o.yaml', text: overlay('1.0.0') }]).ok).toBe(true);
    const old = validateChecklist('p.yaml', text, [{ file: 'o.yaml', text: overlay('0.9.0') }]);
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.problems[0]!.message).toBe('overlay is for ai-coding-rollout 0.9.0, but the checklist is 1.2.0');
  });
});
