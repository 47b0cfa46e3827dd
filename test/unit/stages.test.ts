// The stage-aware verdict (issue 30): musts to pilot and musts to scale, pilot size, context answers
// held against each other, and before-you-scale questions with nothing in scope. Against the
// built-in checklist and the personas written from the article.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedQuestion } from '../../src/checklist/model.js';
import type { Answers, ResolvedAnswer } from '../../src/answers/model.js';
import { validateChecklist } from '../../src/checklist/validate.js';
import { assess, loadAnswers, loadChecklist } from '../../src/pipeline.js';
import { fixture } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';

const checklist = await loadChecklist();
const persona = (name: string) => loadAnswers(checklist, fixture('personas', `${name}.yaml`));
const run = (answers: Answers) => assess(checklist, answers, '0').report;
const withAnswers = (a: Answers, changes: Record<string, ResolvedAnswer['value']>): Answers => ({
  ...a,
  answers: {
    ...a.answers,
    ...Object.fromEntries(Object.entries(changes).map(([id, value]) => [id, { ...(a.answers[id] ?? { evidence: [], acknowledge: [] }), value }])),
  },
});
const choices = (...ids: string[]) => ({ kind: 'choices' as const, ids });
const rank = { tighten: 0, pilot: 1, scale: 2 } as const;

describe('stages', () => {
  it('the checklist says which musts are needed to scale, each with its reason', () => {
    const toScale = checklist.questions.filter((q) => q.stage === 'scale');
    expect(toScale.map((q) => q.id)).toEqual(['fm6.quality-metrics', 'fm7.prescale-answers']);
    for (const q of toScale) expect(q.stageWhy!.length).toBeGreaterThan(40);
    expect(checklist.questions.filter((q) => q.obligation === 'must').every((q) => q.stage === 'pilot' || q.stage === 'scale')).toBe(true);
  });

  it('a narrow pilot with its post-pilot plan informal is PILOT, with the before-you-scale steps first', () => {
    const r = run(persona('narrow-pilot-plan-informal'));
    expect(r.verdict.id).toBe('pilot');
    expect(r.verdict.reasons[0]).toMatch(
      /^every must to pilot is met and the rollout is at pilot size \(one or two teams on one or two chosen first workflows\), so the bounded pilot can go on; before it grows: /,
    );
    expect(r.verdict.reasons.slice(1).every((x) => x.startsWith('before you scale: '))).toBe(true);
    expect(r.stage).toEqual({ pilotSized: true, pilotSize: 'one or two teams on one or two chosen first workflows' });
    // The first steps close the before-you-scale gaps.
    const gaps = new Set([
      'fm7.prescale-answers',
      ...r.preScale.filter((p) => p.status !== 'clear').flatMap((p) => checklist.preScale.find((x) => x.id === p.id)!.questions),
    ]);
    expect(
      r.nextSteps[0]!.questions.some((q) => gaps.has(q)),
      JSON.stringify(r.nextSteps[0]),
    ).toBe(true);
    expect(r.nextSteps[0]!.phase).toBe(30);
  });

  it('the same answers at five teams are TIGHTEN: the rollout grew before answering', () => {
    const narrow = persona('narrow-pilot-plan-informal');
    const grown = run(withAnswers(narrow, { 'ctx.teams': { kind: 'number', value: 5 } }));
    expect(grown.verdict.id).toBe('tighten');
    expect(grown.verdict.reasons[0]).toContain(
      'the rollout is already beyond pilot size (one or two teams on one or two chosen first workflows) without these answers: it scaled before answering them',
    );
    expect(run(persona('grown-to-five-teams-unanswered')).verdict.id).toBe('tighten');
    // Not knowing the size is not pilot size.
    expect(run(withAnswers(narrow, { 'ctx.teams': { kind: 'unknown' } })).verdict.id).toBe('tighten');
  });

  it('a before-you-scale question with nothing in scope is "not assessed", never clear, and keeps the verdict below scale', () => {
    const ready = persona('ready-to-scale');
    expect(run(ready).verdict.id).toBe('scale');
    // No agent acts on its own: the review questions behind "Which review step is mandatory?" leave scope.
    const chat = run(withAnswers(ready, { 'ctx.agents': choices('none'), 'ctx.autonomy': choices('chat') }));
    expect(chat.preScale.find((p) => p.id === 'mandatory-review')).toMatchObject({ status: 'not-assessed' });
    expect(chat.verdict.id).not.toBe('scale');
    expect(chat.verdict.reasons.join('\n')).toContain(
      'before-you-scale question not assessed, nothing behind it is in scope: "Which review step is mandatory?"',
    );
  });
});

describe('context answers held against each other', () => {
  it('the team that scoped itself out is TIGHTEN, with the contradiction first', () => {
    const r = run(persona('scoped-itself-out'));
    expect(r.verdict.id).toBe('tighten');
    expect(r.contradictions.map((c) => c.question)).toEqual(['ctx.autonomy', 'ctx.mcp']);
    expect(r.verdict.reasons[0]).toMatch(/^2 context answers contradicted by other answers; /);
    expect(r.verdict.reasons[1]).toMatch(
      /^answers contradict each other: "What is the most autonomy any agent has today\?" \(ctx\.autonomy\) was answered Chat/,
    );
    for (const id of ['fm3.human-review', 'fm3.agents-cannot-merge', 'fm4.execution-environment', 'fm4.egress', 'fm2.inventory'])
      expect(
        r.questions.find((q) => q.id === id),
        id,
      ).toMatchObject({ status: 'unknown', reopenedBy: expect.stringMatching(/^ctx\./) });
    // Coverage no longer reads 100% of a scope the team chose.
    expect(r.overall.coverage).toBeLessThan(100);
  });

  it('property: whatever its other answers, a team listing the Copilot coding agent that declares chat is TIGHTEN', () => {
    const base = persona('scoped-itself-out');
    fc.assert(
      fc.property(scoredAnswers(), (changes) => {
        const r = run(withAnswers(base, changes));
        expect(r.verdict.id).toBe('tighten');
      }),
      { numRuns: 60, seed: 30 },
    );
  });

  it('property: declaring less autonomy than the listed agents imply never improves the verdict or the score', () => {
    const base = persona('ready-to-scale');
    fc.assert(
      fc.property(
        scoredAnswers(),
        fc.constantFrom('completion', 'chat', 'editor-agent'),
        fc.constantFrom('background-pr', 'scheduled'),
        (changes, lower, honest) => {
          const withAgents = withAnswers(base, { ...changes, 'ctx.agents': choices('copilot-agent') });
          const truthful = run(withAnswers(withAgents, { 'ctx.autonomy': choices(honest) }));
          const lowered = run(withAnswers(withAgents, { 'ctx.autonomy': choices(lower) }));
          expect(rank[lowered.verdict.id]).toBeLessThanOrEqual(rank[truthful.verdict.id]);
          expect(lowered.overall.score ?? -1).toBeLessThanOrEqual(truthful.overall.score ?? -1);
        },
      ),
      { numRuns: 80, seed: 31 },
    );
  });
});

describe('checklist stage data is validated', () => {
  const source = readFileSync('policies/ai-coding-rollout.yaml', 'utf8');
  const problems = (text: string) => {
    const r = validateChecklist('c.yaml', text);
    return r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`);
  };

  it.each([
    [
      'a must to pilot whose step requires a must to scale',
      source.replace('      - id: write-execution-boundaries\n', '      - id: write-execution-boundaries\n        requires: [fm7.prescale-answers]\n'),
      /is a must to pilot but its step requires "fm7\.prescale-answers", a must to scale/,
    ],
    [
      'a pilot size naming an unknown question',
      source.replace('{ question: ctx.teams, below: 3 }', '{ question: ctx.team, below: 3 }'),
      /condition names unknown question "ctx\.team"/,
    ],
    [
      'a context rule naming a choice the question lacks',
      source.replace('implies: background-pr', 'implies: background'),
      /"ctx\.autonomy" has no choice "background"/,
    ],
    [
      'a stage on a should',
      source.replace(
        '    obligation: should\n    when: { question: ctx.mcp',
        '    obligation: should\n    stage: scale\n    stageWhy: because\n    when: { question: ctx.mcp',
      ),
      /has a stage but is not a must/,
    ],
    ['a stage without its reason', source.replace(/    stageWhy: >-\n      Operating quality[^\n]*\n[^\n]*\n/, ''), /names its stage without "stageWhy"/],
  ])('%s is a located error', (_label, text, message) => {
    expect(text).not.toBe(source);
    const found = problems(text);
    expect(
      found.some((p) => message.test(p) && /^\d+: /.test(p)),
      found.join('\n'),
    ).toBe(true);
  });
});

/** Any valid answer (or unknown) to any number of the scored questions. */
function scoredAnswers(): fc.Arbitrary<Record<string, ResolvedAnswer['value']>> {
  const scored = checklist.questions.filter((q) => !q.context);
  return fc.record(Object.fromEntries(scored.map((q) => [q.id, answerFor(q)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, ResolvedAnswer['value']>>;
}

function answerFor(q: ResolvedQuestion): fc.Arbitrary<ResolvedAnswer['value']> {
  const unknown = fc.constant({ kind: 'unknown' as const });
  if (q.type === 'number') {
    const bands = q.bands.map((b) => fc.constant({ kind: 'number' as const, value: b.min ?? 0 }));
    return fc.oneof(unknown, ...bands);
  }
  if (q.type === 'multi') {
    const practices = q.choices.filter((c) => !c.exclusive).map((c) => c.id);
    const exclusive = q.choices.filter((c) => c.exclusive).map((c) => fc.constant(choices(c.id)));
    return fc.oneof(
      unknown,
      ...exclusive,
      fc.subarray(practices, { minLength: 1 }).map((ids) => choices(...ids)),
    );
  }
  return fc.oneof(
    unknown,
    fc.constantFrom(...q.choices.map((c) => c.id)).map((id) => choices(id)),
  );
}
