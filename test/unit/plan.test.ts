import { describe, expect, it } from 'vitest';
import { planNextSteps } from '../../src/scoring/plan.js';
import { scoreAssessment } from '../../src/scoring/score.js';
import { miniAnswers, miniChecklist } from '../helpers/mini.js';

const checklist = miniChecklist();
const plan = (overrides: Record<string, unknown>) => planNextSteps(checklist, scoreAssessment(checklist, miniAnswers(overrides)).questions);

describe('next steps', () => {
  it('has nothing to do when every answer is full marks', () => {
    expect(plan({})).toEqual([]);
  });

  it('ranks by obligation, then risk, then impact over effort, and groups into 30/60/90 days', () => {
    const steps = plan({ 'q.instructions': 'no', 'q.sandbox': 'sandbox', 'q.owner': 'no', 'q.review': ['human'], 'q.rework': 20 });
    expect(steps.map((s) => [s.id, s.obligation, s.risk, s.phase])).toEqual([
      ['require-review', 'must', 'medium', 30],
      // should + medium: name-owner (high impact / low effort) before limit-egress and track-rework
      ['name-owner', 'should', 'medium', 60],
      ['limit-egress', 'should', 'medium', 60],
      ['track-rework', 'should', 'medium', 60],
      ['commit-agents-md', 'could', 'medium', 60],
    ]);
  });

  it('puts a step after the steps of the questions it requires, even across phases', () => {
    // enforce-split (should) requires q.split; write-split (must) comes first.
    const steps = plan({ 'q.split': 'informal', 'q.enforced': 'no' });
    expect(steps.map((s) => [s.id, s.phase, s.after])).toEqual([
      ['write-split', 30, []],
      ['enforce-split', 60, ['write-split']],
    ]);
  });

  it('plans steps for an unverified must but not for an unknown should', () => {
    expect(plan({ 'q.review': 'unknown', 'q.owner': 'unknown' }).map((s) => s.id)).toEqual(['require-review']);
  });

  it('lists a step once when several questions lead to it, keeping the strongest obligation', () => {
    const shared = { id: 'commit-agents-md', text: 'Commit one AGENTS.md.', effort: 'low', impact: 'medium' } as const;
    const merged = {
      ...checklist,
      questions: checklist.questions.map((q) => (q.id === 'q.owner' ? { ...q, recommendations: [shared] } : q)),
    };
    const scored = scoreAssessment(merged, miniAnswers({ 'q.instructions': 'no', 'q.owner': 'no' }));
    const steps = planNextSteps(merged, scored.questions);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ id: 'commit-agents-md', obligation: 'should', questions: ['q.instructions', 'q.owner'], failureModes: ['FM5', 'FM7'] });
  });

  it('ties a practice step to the practices it names, with their risk', () => {
    const review = checklist.questions.find((q) => q.id === 'q.review')!;
    const withPractices = {
      ...checklist,
      questions: checklist.questions.map((q) =>
        q.id === 'q.review'
          ? {
              ...review,
              recommendations: [
                { id: 'require-review', text: 'Require approval.', effort: 'low', impact: 'high', whenMissing: ['human'] },
                { id: 'add-codeowners', text: 'Add code owners.', effort: 'low', impact: 'medium', whenMissing: ['codeowners'] },
              ] as const,
            }
          : q,
      ),
    } as typeof checklist;
    const stepsFor = (review: string[]) =>
      planNextSteps(withPractices, scoreAssessment(withPractices, miniAnswers({ 'q.review': review })).questions).map((s) => [s.id, s.risk, s.phase]);
    expect(stepsFor(['human', 'not-requester'])).toEqual([['add-codeowners', 'low', 60]]);
    expect(stepsFor(['codeowners'])).toEqual([['require-review', 'high', 30]]);
    expect(stepsFor(['human', 'not-requester', 'codeowners'])).toEqual([]);
  });

  it('does not repeat a step for a single-choice answer that is already met', () => {
    expect(plan({ 'q.split': 'written' })).toEqual([]);
  });
});
