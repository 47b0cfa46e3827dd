// Scores one question from its answer. Pure.
import type { ResolvedQuestion } from '../checklist/model.js';
import type { RiskLevel } from '../checklist/schema.js';
import type { ResolvedAnswer } from '../answers/model.js';
import { inBand } from '../answers/validate.js';

export type QuestionStatus = 'answered' | 'unknown' | 'unanswered' | 'na' | 'not-asked' | 'out-of-scope';

export interface QuestionScore {
  id: string;
  status: QuestionStatus;
  /** 0..1, only when answered. */
  score: number | null;
  risk: RiskLevel | null;
  met: boolean | null;
  /** Labels of the chosen choices or band, for display. */
  answerLabels: string[];
  /** Ids of the chosen choices or band. */
  chosen: string[];
  /** Why the question was not asked (condition or partial scope). */
  notAskedReason: string | null;
  /** Multi-select: labels of the missing practices that carry the question's risk (the gap to close). */
  missing: string[];
}

const riskOrder: RiskLevel[] = ['none', 'low', 'medium', 'high'];
export const riskRank = (r: RiskLevel): number => riskOrder.indexOf(r);
export const maxRisk = (risks: RiskLevel[]): RiskLevel => risks.reduce<RiskLevel>((a, b) => (riskRank(b) > riskRank(a) ? b : a), 'none');

export function scoreAnswer(q: ResolvedQuestion, answer: ResolvedAnswer): Pick<QuestionScore, 'score' | 'risk' | 'answerLabels' | 'chosen' | 'missing'> {
  const v = answer.value;
  if (v.kind === 'number') {
    const band = q.bands.find((b) => inBand(b, v.value))!;
    return { score: band.score, risk: band.risk, answerLabels: [`${v.value}${q.unit ?? ''} (${band.label})`], chosen: [band.id], missing: [] };
  }
  if (v.kind !== 'choices') return { score: null, risk: null, answerLabels: [], chosen: [], missing: [] };
  const picked = q.choices.filter((c) => v.ids.includes(c.id));
  const answerLabels = picked.map((c) => c.label);
  const chosen = picked.map((c) => c.id);
  if (q.type !== 'multi') return { score: picked[0]!.score, risk: picked[0]!.risk, answerLabels, chosen, missing: [] };
  // A practice list: the score is the weighted share of practices in place, and the risk is that
  // of the most serious practice still missing.
  const practices = q.choices.filter((c) => !c.exclusive);
  const total = practices.reduce((n, c) => n + c.weight, 0);
  const have = practices.filter((c) => v.ids.includes(c.id));
  const missing = practices.filter((c) => !v.ids.includes(c.id));
  const risk = maxRisk(missing.map((c) => c.risk));
  return {
    score: round(have.reduce((n, c) => n + c.weight, 0) / total),
    risk,
    answerLabels,
    chosen,
    // The practices behind the risk: what a message about it has to name.
    missing: risk === 'none' ? [] : missing.filter((c) => c.risk === risk).map((c) => c.label),
  };
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
