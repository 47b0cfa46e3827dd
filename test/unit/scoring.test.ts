import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../src/scoring/gates.js';
import { judgeCharacteristics, judgePreScale } from '../../src/scoring/readiness.js';
import { scoreAssessment } from '../../src/scoring/score.js';
import { decideVerdict } from '../../src/scoring/verdict.js';
import { miniAnswers, miniChecklist } from '../helpers/mini.js';

const checklist = miniChecklist();
const score = (overrides: Record<string, unknown> = {}, scope?: Record<string, unknown>) => scoreAssessment(checklist, miniAnswers(overrides, scope));
const question = (overrides: Record<string, unknown>, id: string) => score(overrides).questions.find((q) => q.id === id)!;
const fm = (overrides: Record<string, unknown>, id: string) => score(overrides).failureModes.find((f) => f.id === id)!;
const verdictOf = (overrides: Record<string, unknown>, scope?: Record<string, unknown>) => {
  const s = score(overrides, scope);
  return decideVerdict(checklist, s, judgePreScale(checklist, s.questions));
};

describe('question scores', () => {
  it.each([
    // multi-select: weighted share of practices, risk of the worst practice missing
    [{ 'q.review': ['human', 'not-requester', 'codeowners'] }, 'q.review', 1, 'none', true],
    [{ 'q.review': ['human', 'not-requester'] }, 'q.review', 0.75, 'low', true],
    [{ 'q.review': ['human'] }, 'q.review', 0.5, 'medium', false],
    [{ 'q.review': ['codeowners'] }, 'q.review', 0.25, 'high', false],
    [{ 'q.review': ['none'] }, 'q.review', 0, 'high', false],
    // number with bands, half-open
    [{ 'q.rework': 9.99 }, 'q.rework', 1, 'none', true],
    [{ 'q.rework': 10 }, 'q.rework', 0.5, 'medium', false],
    [{ 'q.rework': 30 }, 'q.rework', 0, 'high', false],
    // scale and yes/no defaults (a "should" no is a medium risk)
    [{ 'q.split': 'written' }, 'q.split', 0.75, 'low', true],
    [{ 'q.split': 'informal' }, 'q.split', 0.4, 'medium', false],
    [{ 'q.enforced': 'no' }, 'q.enforced', 0, 'medium', false],
  ])('%j -> %s scores %s, risk %s, met %s', (overrides, id, expectedScore, risk, met) => {
    const q = question(overrides, id);
    expect([q.score, q.risk, q.met]).toEqual([expectedScore, risk, met]);
  });

  it('marks a question whose condition is false as not asked, with the reason', () => {
    const q = question({ 'ctx.mcp': 'no' }, 'q.mcp-inventory');
    expect(q).toMatchObject({ status: 'not-asked', notAskedReason: 'MCP servers are not in use', score: null });
  });

  it('asks a question whose condition cannot be decided', () => {
    expect(question({ 'ctx.mcp': 'unknown' }, 'q.mcp-inventory').status).toBe('answered');
  });
});

describe('failure-mode scores', () => {
  it('weights questions and reports points, achievable and coverage', () => {
    const f = fm({ 'q.split': 'informal', 'q.enforced': 'yes' }, 'FM1');
    // q.split weight 2 at 0.4, q.enforced weight 1 at 1 -> 1.8 / 3
    expect(f).toMatchObject({ points: 1.8, answeredMax: 3, maxAchievable: 3, totalMax: 3, score: 60, medium: 1, unmetMusts: ['q.split'] });
  });

  it('scores an unknown answer as earning nothing, keeps it in the denominator, and shows the range it could reach', () => {
    const f = fm({ 'q.split': 'unknown' }, 'FM1');
    expect(f).toMatchObject({ score: 33.3, upTo: 100, answered: 1, applicable: 2, answeredMax: 1, maxAchievable: 3, unknownMusts: ['q.split'] });
    expect(score({ 'q.split': 'unknown' }).overall).toMatchObject({ answered: 7, applicable: 8, unknown: 1, coverage: 87.5 });
  });

  it('takes N/A and not-asked questions out of the denominator and shows what is still achievable', () => {
    const na = fm({ 'q.mcp-inventory': { na: 'no MCP at all' } }, 'FM2');
    expect(na).toMatchObject({ score: null, na: 1, applicable: 0, maxAchievable: 0, totalMax: 1 });
    const skipped = fm({ 'ctx.mcp': 'no' }, 'FM2');
    expect(skipped).toMatchObject({ score: null, notAsked: 1, maxAchievable: 0, totalMax: 1 });
  });

  it('counts a question once per failure mode it informs', () => {
    const s = score({ 'q.enforced': 'no' });
    expect(s.failureModes.find((f) => f.id === 'FM4')).toMatchObject({ points: 1, answeredMax: 2, score: 50 });
  });

  it('computes the overall score over every failure mode', () => {
    // FM1 3/3, FM2 1/1, FM3 2/2, FM4 2/2, FM5 0/1, FM6 1/1, FM7 1/1 -> 10/11
    expect(score({ 'q.instructions': 'no' }).overall.score).toBe(90.9);
  });
});

describe('verdict', () => {
  it.each([
    ['every answer strong', {}, undefined, 'scale'],
    ['an unmet must', { 'q.split': 'informal' }, undefined, 'tighten'],
    ['a must left unknown', { 'q.review': 'unknown' }, undefined, 'tighten'],
    ['a must left unanswered', { 'q.review': undefined }, undefined, 'tighten'],
    ['a should with a high risk', { 'q.sandbox': 'no' }, undefined, 'pilot'],
    [
      'overall below the bar',
      { 'q.sandbox': 'sandbox', 'q.instructions': 'no', 'q.rework': 20, 'q.owner': 'no', 'q.enforced': 'no', 'q.mcp-inventory': 'no' },
      undefined,
      'pilot',
    ],
    ['coverage below 90%', { 'q.owner': 'unknown' }, undefined, 'pilot'],
    ['a quick check, however good', {}, { quick: true }, 'pilot'],
  ])('%s -> %s', (_label, overrides, scope, expected) => {
    expect(verdictOf(overrides as Record<string, unknown>, scope).id).toBe(expected);
  });

  it('names its reasons', () => {
    const v = verdictOf({ 'q.split': 'informal', 'q.review': ['human'] });
    expect(v.reasons).toEqual([
      '2 must questions to pilot not met; 1 of the 2 before-you-scale questions still fuzzy',
      'must to pilot not met (FM1): "Is the advisory / executable split written down?" (q.split)',
      'must to pilot not met (FM3): "Which review practices apply to agent pull requests?" (q.review)',
      'before-you-scale question still fuzzy: "What are we scaling?" (weak or unknown: q.split)',
    ]);
    expect(verdictOf({ 'q.review': 'unknown' }).reasons).toEqual([
      '1 must question to pilot not verified; 1 of the 2 before-you-scale questions still fuzzy',
      'must to pilot not verified, answered unknown or left blank (FM3): "Which review practices apply to agent pull requests?" (q.review)',
      'before-you-scale question still fuzzy: "Which review is mandatory?" (weak or unknown: q.review)',
    ]);
    const pilot = verdictOf({ 'q.sandbox': 'no' });
    expect(pilot.reasons).toContain('not yet scale: FM4 still has 1 high risk');
  });

  it('calls a pre-scale question fuzzy when an answer behind it is weak or unknown', () => {
    const s = score({ 'q.review': ['human'] });
    expect(judgePreScale(checklist, s.questions)).toEqual([
      { id: 'what', status: 'clear', fuzzyBecause: [] },
      { id: 'review', status: 'clear', fuzzyBecause: [] },
    ]);
    const weak = score({ 'q.review': ['codeowners'] });
    expect(judgePreScale(checklist, weak.questions)[1]).toEqual({ id: 'review', status: 'fuzzy', fuzzyBecause: ['q.review'] });
  });

  it('rates the characteristics from the answers behind them', () => {
    const s = score({ 'q.split': 'informal', 'q.enforced': 'no', 'q.rework': 'unknown' });
    expect(judgeCharacteristics(checklist, s.questions)).toEqual([
      { id: 'boundaries', status: 'missing', score: 0.2 },
      { id: 'metrics', status: 'unknown', score: null },
    ]);
  });
});

describe('gates', () => {
  it.each([
    [{}, { failUnder: 100 }, []],
    [{ 'q.instructions': 'no' }, { failUnder: 95 }, ['--fail-under 95: overall score is 90.9']],
    [{ 'q.split': 'informal' }, { failOn: ['must'] }, ['--fail-on must: 1 must question not met (q.split)']],
    [{ 'q.sandbox': 'no' }, { failOn: ['must'] }, []],
    [{ 'q.sandbox': 'no' }, { failOn: ['high'] }, ['--fail-on high: 1 high risk (q.sandbox)']],
    [{ 'q.sandbox': 'sandbox' }, { failOn: ['high'] }, []],
    [{ 'q.sandbox': 'sandbox' }, { failOn: ['medium'] }, ['--fail-on medium: 1 medium risk (q.sandbox)']],
    [{ 'q.owner': 'unknown', 'q.split': 'unknown' }, { maxUnknown: 1 }, ['--max-unknown 1: 2 applicable questions are unknown or unanswered']],
    [{ 'q.owner': 'unknown' }, { maxUnknown: 1 }, []],
  ] as const)('%j with %j', (overrides, gates, expected) => {
    // What the gates read of a result: each question with its obligation, and no dispute here.
    const s = score(overrides as Record<string, unknown>);
    const gateable = {
      ...s,
      questions: s.questions.map((q) => ({ ...q, obligation: checklist.questions.find((x) => x.id === q.id)!.obligation ?? null, dispute: null })),
    };
    expect(evaluateGates(gateable, gates as Parameters<typeof evaluateGates>[1])).toEqual(expected);
  });
});
