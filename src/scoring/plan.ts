// Turns gaps into a ranked, deduplicated plan of next steps grouped into 30, 60 and 90 days.
// Ranking: obligation, then risk, then impact over effort; a step never comes before the steps of
// the questions it names as prerequisites.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { FailureModeId, Level, Obligation, Recommendation, RiskLevel } from '../checklist/schema.js';
import { maxRisk, riskRank, type QuestionScore } from './question.js';

export interface PlannedStep {
  id: string;
  text: string;
  effort: Level;
  impact: Level;
  obligation: Obligation;
  risk: RiskLevel;
  /** The questions whose gaps this step closes. */
  questions: string[];
  failureModes: FailureModeId[];
  /** Steps that have to land first (ids of other steps in this plan). */
  after: string[];
  links: { title: string; url: string }[];
  phase: 30 | 60 | 90;
}

const obligationRank: Record<Obligation, number> = { must: 0, should: 1, could: 2 };
const levelValue: Record<Level, number> = { low: 1, medium: 2, high: 3 };

/** `first`: questions whose steps lead the plan (a pilot's before-you-scale gaps), in the first 30 days. */
export function planNextSteps(checklist: LoadedChecklist, questions: QuestionScore[], first: ReadonlySet<string> = new Set()): PlannedStep[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const steps = new Map<string, PlannedStep & { requires: string[] }>();
  for (const q of checklist.questions) {
    const s = byId.get(q.id)!;
    if (q.context || !q.obligation || !needsWork(s, q.obligation)) continue;
    for (const r of q.recommendations) {
      if (!stepApplies(q, s, r)) continue;
      const risk = stepRisk(q, s, r);
      const prior = steps.get(r.id);
      if (prior) {
        prior.questions.push(q.id);
        prior.failureModes = union(
          prior.failureModes,
          q.failureModes.map((f) => f.id),
        );
        prior.risk = maxRisk([prior.risk, risk]);
        if (obligationRank[q.obligation] < obligationRank[prior.obligation]) prior.obligation = q.obligation;
        prior.requires = union(prior.requires, r.requires ?? []);
        continue;
      }
      steps.set(r.id, {
        id: r.id,
        text: r.text,
        effort: r.effort,
        impact: r.impact,
        obligation: q.obligation,
        risk,
        questions: [q.id],
        failureModes: q.failureModes.map((f) => f.id),
        requires: r.requires ?? [],
        after: [],
        links: r.links ?? [],
        phase: 90,
      });
    }
  }
  const leads = (step: PlannedStep) => (step.questions.some((q) => first.has(q)) ? 0 : 1);
  const ranked = [...steps.values()].sort((a, b) => leads(a) - leads(b) || compareSteps(a, b));
  const ordered = orderByPrerequisites(ranked);
  const phaseOf = new Map<string, 30 | 60 | 90>();
  for (const step of ordered) {
    step.phase = Math.max(leads(step) === 0 ? 30 : basePhase(step), ...step.after.map((id) => phaseOf.get(id) ?? 30)) as 30 | 60 | 90;
    phaseOf.set(step.id, step.phase);
  }
  const position = new Map(ordered.map((s, i) => [s.id, i]));
  return ordered
    .map(({ requires: _requires, ...step }) => ({ ...step, failureModes: [...step.failureModes].sort() }))
    .sort((a, b) => a.phase - b.phase || position.get(a.id)! - position.get(b.id)!);
}

/** A question needs work when it is answered below full marks, or is an unverified must. */
function needsWork(s: QuestionScore, obligation: Obligation): boolean {
  if (s.status === 'answered') return (s.score ?? 0) < 1;
  return (s.status === 'unknown' || s.status === 'unanswered') && obligation === 'must';
}

/**
 * Practice lists say exactly what is missing, so a step tied to practices applies while one of
 * them is missing. Elsewhere a step moves an answer up to "met": once met, suggesting it again
 * ("write the table" when it is written) is noise.
 */
function stepApplies(q: ResolvedQuestion, s: QuestionScore, r: Recommendation): boolean {
  if (s.status !== 'answered') return true;
  if (r.whenMissing) return r.whenMissing.some((id) => !s.chosen.includes(id));
  if (q.type === 'multi') return true;
  return !s.met;
}

function compareSteps(a: PlannedStep, b: PlannedStep): number {
  return (
    obligationRank[a.obligation] - obligationRank[b.obligation] ||
    riskRank(b.risk) - riskRank(a.risk) ||
    levelValue[b.impact] / levelValue[b.effort] - levelValue[a.impact] / levelValue[a.effort] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Stable topological order: each step is preceded by the steps of the questions it requires. */
function orderByPrerequisites(ranked: (PlannedStep & { requires: string[] })[]): (PlannedStep & { requires: string[] })[] {
  const byQuestion = new Map<string, string[]>();
  for (const s of ranked) for (const q of s.questions) byQuestion.set(q, [...(byQuestion.get(q) ?? []), s.id]);
  const byId = new Map(ranked.map((s) => [s.id, s]));
  const out: (PlannedStep & { requires: string[] })[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: PlannedStep & { requires: string[] }): void => {
    if (state.get(s.id)) return; // done, or a cycle: keep rank order rather than loop
    state.set(s.id, 'visiting');
    s.after = s.requires.flatMap((q) => byQuestion.get(q) ?? []).filter((id) => id !== s.id);
    for (const id of s.after) visit(byId.get(id)!);
    state.set(s.id, 'done');
    out.push(s);
  };
  ranked.forEach(visit);
  return out;
}

/** A step tied to practices carries the risk of the practices it adds, not the question's worst. */
function stepRisk(q: ResolvedQuestion, s: QuestionScore, r: Recommendation): RiskLevel {
  if (s.status !== 'answered') return q.obligation === 'must' ? 'high' : 'medium';
  if (!r.whenMissing) return s.risk ?? 'none';
  const missing = q.choices.filter((c) => r.whenMissing!.includes(c.id) && !s.chosen.includes(c.id));
  return maxRisk(missing.map((c) => c.risk));
}

function basePhase(s: PlannedStep): 30 | 60 | 90 {
  if (s.risk === 'high' || (s.obligation === 'must' && s.risk === 'medium')) return 30;
  if (s.obligation !== 'could' || s.risk === 'medium') return 60;
  return 90;
}

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}
