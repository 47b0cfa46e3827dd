// What a contradicted context answer had taken out of scope, brought back as unknown. One
// mechanism for every source that can contradict a scope claim: the repository (--scan) and the
// other answers (the checklist's context rules).
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { Answers, ResolvedAnswer } from '../answers/model.js';
import { evaluateCondition } from '../scoring/applicability.js';

/**
 * `adjusted` already holds the corrected context answer. Every question whose condition names it,
 * false under the claim and not false now, is set to unknown in `adjusted` (an answer given to a
 * question the claim hid was never part of the assessment). Returns their ids.
 */
export function reopenScope(checklist: LoadedChecklist, question: string, claimed: Answers, adjusted: Record<string, ResolvedAnswer>): string[] {
  const reopened = checklist.questions
    .filter((q) => q.when && mentions(q.when, question))
    .filter((q) => evaluateCondition(q.when!, claimed.answers) === false && evaluateCondition(q.when!, adjusted) !== false)
    .map((q) => q.id);
  for (const id of reopened) adjusted[id] = { ...(claimed.answers[id] ?? { evidence: [], acknowledge: [] }), value: { kind: 'unknown' } };
  return reopened;
}

function mentions(cond: NonNullable<ResolvedQuestion['when']>, question: string): boolean {
  if ('all' in cond) return cond.all.some((c) => mentions(c, question));
  if ('any' in cond) return cond.any.some((c) => mentions(c, question));
  if ('not' in cond) return mentions(cond.not, question);
  return cond.question === question;
}
