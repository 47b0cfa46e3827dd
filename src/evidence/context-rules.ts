// Context answers held against each other. Pure. A team that lists background agents cannot also
// say its agents only chat: the checklist's context rules (data) name such pairs, and a claim one
// of them contradicts is treated exactly as a claim the repository contradicts: the implied answer
// is scored, and what the claim took out of scope comes back as unknown (reopen.ts).
import type { LoadedChecklist } from '../checklist/model.js';
import type { Answers, ResolvedAnswer } from '../answers/model.js';
import { evaluateCondition } from '../scoring/applicability.js';
import { reopenScope } from './reopen.js';

export interface Contradiction {
  rule: string;
  question: string;
  questionText: string;
  claimed: string;
  claimedValue: string[];
  implied: string;
  impliedValue: string[];
  because: string;
  /** The questions the claim had taken out of scope, now back as unknown. */
  reopened: string[];
}

export interface ContextChecked {
  contradictions: Contradiction[];
  /** The answers with each contradicted claim replaced and its scope reopened. */
  adjusted: Answers;
}

/**
 * `answers` may already be adjusted by repository evidence; `claimed` is what the team wrote, the
 * baseline for what a claim took out of scope. Rules are read in order and the first one that
 * contradicts a question decides it, so a checklist lists its strongest implication first.
 */
export function checkContext(checklist: LoadedChecklist, answers: Answers, claimed: Answers = answers): ContextChecked {
  const adjusted: Record<string, ResolvedAnswer> = { ...answers.answers };
  const contradictions: Contradiction[] = [];
  const decided = new Set<string>();
  for (const rule of checklist.contextRules ?? []) {
    if (decided.has(rule.question)) continue;
    const given = answers.answers[rule.question];
    if (given?.value.kind !== 'choices' || !given.value.ids.some((id) => rule.contradicts.includes(id))) continue;
    if (evaluateCondition(rule.when, answers.answers) !== true) continue;
    const q = checklist.questions.find((x) => x.id === rule.question)!;
    const label = (ids: string[]) => ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ');
    decided.add(rule.question);
    adjusted[rule.question] = { ...given, value: { kind: 'choices', ids: [rule.implies] } };
    contradictions.push({
      rule: rule.id,
      question: q.id,
      questionText: q.text,
      claimed: label(given.value.ids),
      claimedValue: given.value.ids,
      implied: label([rule.implies]),
      impliedValue: [rule.implies],
      because: rule.because,
      reopened: [],
    });
  }
  for (const c of contradictions) c.reopened = reopenScope(checklist, c.question, claimed, adjusted);
  return { contradictions, adjusted: { ...answers, answers: adjusted } };
}

/** One line for the verdict and the first screen. */
export function contradictionLine(c: Contradiction): string {
  const back = c.reopened.length
    ? `; ${c.reopened.length} question${c.reopened.length > 1 ? 's' : ''} it had taken out of scope are back, as unknown (${c.reopened.join(', ')})`
    : '';
  return `"${c.questionText}" (${c.question}) was answered ${c.claimed}, but ${c.because.replace(/\.$/, '')}: scored as ${c.implied}${back}`;
}
