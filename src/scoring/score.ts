// Scores an assessment: per question, per failure mode, overall. Pure and deterministic.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { FailureModeId, RiskLevel } from '../checklist/schema.js';
import type { Answers } from '../answers/model.js';
import { describeCondition, evaluateCondition } from './applicability.js';
import { maxRisk, round, scoreAnswer, type QuestionScore } from './question.js';

export interface FailureModeScore {
  id: FailureModeId;
  /**
   * Percentage of the applicable weight earned. An unknown or unanswered question stays in the
   * denominator and earns nothing: not knowing never scores better than a known bad answer.
   * Null when nothing applies.
   */
  score: number | null;
  /** The score if every unknown turned out fully met: the most the unknowns could be hiding. */
  upTo: number | null;
  points: number;
  /** Weight of answered questions: the denominator of `score`. */
  answeredMax: number;
  /** Weight of applicable questions (answered or unknown): what N/A and conditions leave. */
  maxAchievable: number;
  /** Weight of every question of this failure mode. */
  totalMax: number;
  high: number;
  medium: number;
  low: number;
  unmetMusts: string[];
  unknownMusts: string[];
  /** Unknown or unanswered questions with a high-risk answer among their choices. */
  unknownHighRisk: string[];
  answered: number;
  applicable: number;
  na: number;
  notAsked: number;
}

export interface Scored {
  questions: QuestionScore[];
  failureModes: FailureModeScore[];
  overall: { score: number | null; upTo: number | null; answered: number; applicable: number; coverage: number | null; unknown: number };
  partial: boolean;
}

export function scoreAssessment(checklist: LoadedChecklist, answers: Answers): Scored {
  const questions = checklist.questions.map((q) => scoreQuestion(q, answers));
  const byId = new Map(questions.map((s) => [s.id, s]));
  const scored = checklist.questions.filter((q) => !q.context);
  const failureModes = checklist.failureModes.map((fm) => scoreFailureMode(fm.id, scored, byId));
  const applicable = scored.filter((q) => isApplicable(byId.get(q.id)!));
  const answered = applicable.filter((q) => byId.get(q.id)!.status === 'answered');
  const points = sum(failureModes.map((f) => f.points));
  const max = sum(failureModes.map((f) => f.maxAchievable));
  const unknownWeight = max - sum(failureModes.map((f) => f.answeredMax));
  return {
    questions,
    failureModes,
    overall: {
      score: percentOf(points, max),
      upTo: percentOf(points + unknownWeight, max),
      answered: answered.length,
      applicable: applicable.length,
      coverage: applicable.length ? round((answered.length / applicable.length) * 100, 1) : null,
      unknown: applicable.length - answered.length,
    },
    partial: answers.scope.quick || answers.scope.failureModes !== undefined,
  };
}

export function isApplicable(s: QuestionScore): boolean {
  return s.status === 'answered' || s.status === 'unknown' || s.status === 'unanswered';
}

function scoreQuestion(q: ResolvedQuestion, answers: Answers): QuestionScore {
  const base = {
    id: q.id,
    score: null,
    risk: null,
    met: null,
    answerLabels: [] as string[],
    chosen: [] as string[],
    notAskedReason: null,
    missing: [] as string[],
  };
  if (q.ignored) return { ...base, status: 'not-asked', notAskedReason: `ignored by overlay: ${q.ignored}` };
  const outOfScope = scopeReason(q, answers);
  if (outOfScope) return { ...base, status: 'out-of-scope', notAskedReason: outOfScope };
  if (q.when && evaluateCondition(q.when, answers.answers) === false)
    return { ...base, status: 'not-asked', notAskedReason: q.whenLabel ?? `applies only when ${describeCondition(q.when)}` };
  const answer = answers.answers[q.id];
  if (!answer) return { ...base, status: 'unanswered' };
  if (answer.value.kind === 'unknown') return { ...base, status: 'unknown' };
  if (answer.value.kind === 'na') return { ...base, status: 'na' };
  const { score, risk, answerLabels, chosen, missing } = scoreAnswer(q, answer);
  if (q.context) return { ...base, status: 'answered', answerLabels, chosen };
  return { ...base, status: 'answered', score, risk, answerLabels, chosen, missing, met: score !== null && score >= q.metAt };
}

function scopeReason(q: ResolvedQuestion, answers: Answers): string | null {
  if (q.context) return null;
  const { quick, failureModes } = answers.scope;
  if (quick && !q.quick) return 'outside the quick check';
  if (failureModes && !q.failureModes.some((f) => failureModes.includes(f.id))) return `outside the assessed section (${failureModes.join(', ')})`;
  return null;
}

function scoreFailureMode(id: FailureModeId, questions: ResolvedQuestion[], byId: Map<string, QuestionScore>): FailureModeScore {
  const fm: FailureModeScore = {
    id,
    score: null,
    upTo: null,
    points: 0,
    answeredMax: 0,
    maxAchievable: 0,
    totalMax: 0,
    high: 0,
    medium: 0,
    low: 0,
    unmetMusts: [],
    unknownMusts: [],
    unknownHighRisk: [],
    answered: 0,
    applicable: 0,
    na: 0,
    notAsked: 0,
  };
  for (const q of questions) {
    const weight = q.failureModes.find((f) => f.id === id)?.weight;
    if (weight === undefined) continue;
    const s = byId.get(q.id)!;
    fm.totalMax += weight;
    if (s.status === 'na') fm.na++;
    if (s.status === 'not-asked' || s.status === 'out-of-scope') fm.notAsked++;
    if (!isApplicable(s)) continue;
    fm.applicable++;
    fm.maxAchievable += weight;
    if (s.status !== 'answered') {
      if (q.obligation === 'must') fm.unknownMusts.push(q.id);
      if (worstRisk(q) === 'high') fm.unknownHighRisk.push(q.id);
      continue;
    }
    fm.answered++;
    fm.answeredMax += weight;
    fm.points += weight * (s.score ?? 0);
    if (s.risk === 'high') fm.high++;
    if (s.risk === 'medium') fm.medium++;
    if (s.risk === 'low') fm.low++;
    if (q.obligation === 'must' && !s.met) fm.unmetMusts.push(q.id);
  }
  fm.points = round(fm.points, 3);
  fm.score = percentOf(fm.points, fm.maxAchievable);
  fm.upTo = percentOf(fm.points + fm.maxAchievable - fm.answeredMax, fm.maxAchievable);
  return fm;
}

const percentOf = (points: number, max: number): number | null => (max > 0 ? round((points / max) * 100, 1) : null);

/** The most serious risk any answer to this question could carry. */
function worstRisk(q: ResolvedQuestion): RiskLevel {
  return maxRisk([...q.choices.filter((c) => !c.exclusive || q.type !== 'multi').map((c) => c.risk), ...q.bands.map((b) => b.risk)]);
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
