// The six pre-scale questions and the five characteristics, judged from the answers behind them.
import type { LoadedChecklist } from '../checklist/model.js';
import type { QuestionScore } from './question.js';
import type { Scored } from './score.js';

export type PreScaleStatus = 'clear' | 'fuzzy' | 'not-assessed';
export interface PreScaleResult {
  id: string;
  status: PreScaleStatus;
  /** Question ids that make it fuzzy (unknown, unanswered, or scoring below the bar). */
  fuzzyBecause: string[];
}

/**
 * Not assessed: a partial assessment left a question behind it out, or nothing behind it applies.
 * The second is not clear: an answer nobody gave cannot show that the team knows where it stands,
 * so the verdict treats it as fuzzy.
 */
export function judgePreScale(checklist: LoadedChecklist, questions: QuestionScore[]): PreScaleResult[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return checklist.preScale.map((p) => {
    const behind = p.questions.map((id) => byId.get(id)!);
    if (behind.some((q) => q.status === 'out-of-scope')) return { id: p.id, status: 'not-assessed', fuzzyBecause: [] };
    if (behind.every((q) => q.status === 'not-asked' || q.status === 'na')) return { id: p.id, status: 'not-assessed', fuzzyBecause: [] };
    const fuzzyBecause = behind
      .filter((q) => q.status === 'unknown' || q.status === 'unanswered' || (q.status === 'answered' && (q.score ?? 0) < checklist.scoring.clearAt))
      .map((q) => q.id);
    return { id: p.id, status: fuzzyBecause.length ? 'fuzzy' : 'clear', fuzzyBecause };
  });
}

export type CharacteristicStatus = 'in-place' | 'partial' | 'missing' | 'unknown';
export interface CharacteristicResult {
  id: string;
  status: CharacteristicStatus;
  /** Mean score (0..1) of the answered questions behind it. */
  score: number | null;
}

export function judgeCharacteristics(checklist: LoadedChecklist, questions: QuestionScore[]): CharacteristicResult[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return checklist.characteristics.map((c) => {
    const scores = c.questions
      .map((id) => byId.get(id)!)
      .filter((q) => q.status === 'answered')
      .map((q) => q.score ?? 0);
    if (!scores.length) return { id: c.id, status: 'unknown', score: null };
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const status = mean >= checklist.scoring.metAt ? 'in-place' : mean >= 0.4 ? 'partial' : 'missing';
    return { id: c.id, status, score: Math.round(mean * 1000) / 1000 };
  });
}

/** Questions behind the musts to scale that are not met and the before-you-scale questions that are not clear. */
export function beforeScaleGaps(checklist: LoadedChecklist, scored: Pick<Scored, 'failureModes'>, preScale: PreScaleResult[]): Set<string> {
  const musts = scored.failureModes
    .flatMap((f) => [...f.unmetMusts, ...f.unknownMusts])
    .filter((id) => checklist.questions.find((q) => q.id === id)?.stage === 'scale');
  const fuzzy = preScale.filter((p) => p.status !== 'clear').flatMap((p) => checklist.preScale.find((x) => x.id === p.id)!.questions);
  return new Set([...musts, ...fuzzy]);
}
