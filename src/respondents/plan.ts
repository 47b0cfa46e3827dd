// What several respondents add to an assessment: each scored alone (for scores by role), and a
// first step to agree wherever they answered far apart. Pure.
import type { LoadedChecklist } from '../checklist/model.js';
import type { Answers } from '../answers/model.js';
import type { PlannedStep } from '../scoring/plan.js';
import { scoreAssessment, type Scored } from '../scoring/score.js';
import type { Merged } from './merge.js';

/** Each respondent scored alone (for scores by role); people who answered alike are scored once. */
export function scoreEach(checklist: LoadedChecklist, files: Answers[]): Scored[] {
  const seen = new Map<string, Scored>();
  return files.map((f) => {
    const key = JSON.stringify(Object.entries(f.answers).map(([id, a]) => [id, a.value]));
    let s = seen.get(key);
    if (!s) seen.set(key, (s = scoreAssessment(checklist, f)));
    return s;
  });
}

/** Where respondents disagree, the first step is to agree: one step per divergent question. */
export function agreeSteps(checklist: LoadedChecklist, merged: Merged | undefined): PlannedStep[] {
  return (merged?.divergent ?? []).map((d) => {
    const q = checklist.questions.find((x) => x.id === d.question)!;
    const label = (role: string) => checklist.roles?.find((x) => x.id === role)?.label.toLowerCase() ?? role;
    const roles = [...new Set(d.responses.map((r) => label(merged!.respondents[r.respondent]!.role)))];
    return {
      id: `agree-on-${q.id}`,
      text: `Agree on the answer to "${q.text}" (${q.id}): the ${roles.slice(0, -1).join(', ')}${roles.length > 1 ? ' and ' : ''}${roles.at(-1)} answered it ${Math.round(d.spread * 100)} points apart; settle what is true before acting on it.`,
      effort: 'low' as const,
      impact: 'high' as const,
      obligation: q.obligation ?? 'should',
      risk: 'high' as const,
      questions: [q.id],
      failureModes: q.failureModes.map((f) => f.id),
      after: [],
      links: [],
      phase: 30 as const,
    };
  });
}
