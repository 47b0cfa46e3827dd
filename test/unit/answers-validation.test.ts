import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/answers/validate.js';
import { formatProblem } from '../../src/errors.js';
import { fixture } from '../helpers/cli.js';
import { miniChecklist } from '../helpers/mini.js';

const check = (name: string) => validateAnswers(miniChecklist(), `test/fixtures/answers/${name}`, readFileSync(fixture('answers', name), 'utf8'));

describe('answers validation', () => {
  it('accepts a complete answers file and resolves every form of answer', () => {
    const r = check('mini-scale.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers.answers['q.review']!.value).toEqual({ kind: 'choices', ids: ['human', 'not-requester', 'codeowners'] });
    expect(r.answers.answers['q.rework']!.value).toEqual({ kind: 'number', value: 4 });
    expect(r.answers.answers['q.owner']).toEqual({
      value: { kind: 'choices', ids: ['yes'] },
      note: 'Priya owns it',
      evidence: ['https://wiki.example/rollout'],
      acknowledge: [],
    });
    expect(r.answers.metadata.date).toBe('2026-10-01');
  });

  it.each([
    ['invalid-unknown-question.yaml', ':14:3: unknown question "q.ownerr" (did you mean "q.owner"?) (at answers.q.ownerr)'],
    ['invalid-unknown-choice.yaml', ':11:14: q.sandbox: unknown choice "firewall" (choices: no, sandbox, egress) (at answers.q.sandbox)'],
    ['invalid-wrong-type-multi.yaml', ':10:13: q.review: expected a list of choices (human, not-requester, codeowners, none), found string "human"'],
    ['invalid-wrong-type-number.yaml', ':13:13: q.rework: expected a number, found string "low"'],
    ['invalid-wrong-type-single.yaml', ':11:3: q.sandbox: expected one choice (no, sandbox, egress), found a list'],
    ['invalid-na-not-allowed.yaml', ':11:3: q.sandbox: N/A is not allowed for this question'],
    ['invalid-na-without-reason.yaml', ':9:20: q.mcp-inventory: N/A needs a reason'],
    ['invalid-version-mismatch.yaml', ':2:33: checklist "mini" has no version 1.0.0 (this one is 2.1.0)'],
    ['invalid-checklist-mismatch.yaml', ':2:18: answers are for checklist "other-checklist", but the checklist in use is "mini"'],
    ['invalid-exclusive-with-others.yaml', ':10:3: q.review: "none" excludes every other choice'],
    ['invalid-number-outside-bands.yaml', ':13:13: q.rework: -5 falls in none of the bands (low, mid, high)'],
    ['invalid-unknown-top-level-key.yaml', ':3:1: unknown key "meta"'],
    ['invalid-bad-date.yaml', ':3:\\d+: date must be YYYY-MM-DD \\(at metadata.date\\)'],
  ])('%s: one located line naming the question', (name, expected) => {
    const r = check(name);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    const line = formatProblem(r.problems[0]!);
    expect(line.startsWith(`test/fixtures/answers/${name}:`)).toBe(true);
    if (expected.includes('\\')) expect(line).toMatch(new RegExp(expected));
    else expect(line).toContain(expected);
  });

  it('takes "unknown" for any question and an N/A with a reason where allowed', () => {
    const text = `checklist: { id: mini, version: 2.1.0 }
answers:
  q.split: unknown
  q.review: unknown
  q.rework: unknown
  q.mcp-inventory: { na: "No MCP servers exist here", note: "checked with platform" }
`;
    const r = validateAnswers(miniChecklist(), 'a.yaml', text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.answers.answers['q.mcp-inventory']!.value).toEqual({ kind: 'na', reason: 'No MCP servers exist here' });
  });

  it('accepts an empty answers section', () => {
    const r = validateAnswers(miniChecklist(), 'a.yaml', 'checklist: { id: mini, version: 2.1.0 }\nanswers:\n');
    expect(r.ok).toBe(true);
  });
});
