// CI gates over a scored assessment. Each failure says which gate failed and why.
import type { RiskLevel } from '../checklist/schema.js';
import type { Scored } from './score.js';

export const failOnLevels = ['must', 'high', 'medium', 'disputed', 'divergent'] as const;
export type FailOn = (typeof failOnLevels)[number];
export interface GateOptions {
  failUnder?: number;
  /** Any of: must, high (also musts), medium (also high and musts), disputed. */
  failOn?: FailOn[];
  maxUnknown?: number;
  /** Fail when fewer people answered than this. */
  minRespondents?: number;
}

/** What the gates read: a saved report has these. */
export interface Gateable extends Pick<Scored, 'overall' | 'failureModes'> {
  divergent?: { items: readonly { question: string }[] };
  respondents?: readonly unknown[];
  questions: readonly { id: string; risk: RiskLevel | null; obligation: string | null; dispute: unknown; accepted?: { owner: string; until: string; expired: boolean } | null }[];
}

export function evaluateGates(scored: Gateable, gates: GateOptions): string[] {
  const failures: string[] = [];
  const { overall, failureModes } = scored;
  const failOn = new Set(gates.failOn ?? []);
  // An accepted risk is set aside by --fail-on until it expires; then it counts again, named.
  const acceptedIds = new Set(scored.questions.filter((q) => q.accepted && !q.accepted.expired).map((q) => q.id));
  const expired = scored.questions.filter((q) => q.accepted?.expired);
  const open = scored.questions.filter((q) => !acceptedIds.has(q.id));
  // The headline score: unknowns earn nothing and, under --scan, disputes are scored as the
  // evidence says.
  if (gates.failUnder !== undefined && (overall.score ?? 0) < gates.failUnder)
    failures.push(`--fail-under ${gates.failUnder}: overall score is ${overall.score ?? 'n/a (nothing applies)'}`);
  const unmet = [...new Set(failureModes.flatMap((f) => f.unmetMusts))].filter((id) => !acceptedIds.has(id));
  // Accepting a risk is not accepting that the repository contradicts the answer: disputes stand.
  const disputedMusts = scored.questions.filter((q) => q.obligation === 'must' && q.dispute).map((q) => q.id);
  const disputed = scored.questions.filter((q) => q.dispute).map((q) => q.id);
  // Count questions, not question-and-failure-mode pairs: one gap is one risk.
  const high = open.filter((q) => q.risk === 'high').length;
  const medium = open.filter((q) => q.risk === 'medium').length;
  // The risk levels are cumulative: "high" also fails on unmet musts, "medium" on both of those.
  const level = failOn.has('medium') ? 'medium' : failOn.has('high') ? 'high' : failOn.has('must') ? 'must' : null;
  if (level && unmet.length) failures.push(`--fail-on ${level}: ${plural(unmet.length, 'must question')} not met (${unmet.join(', ')})`);
  const contested = disputedMusts.filter((id) => !unmet.includes(id));
  if (level && contested.length) failures.push(`--fail-on ${level}: ${plural(contested.length, 'must answer')} disputed by the repository (${contested.join(', ')})`);
  if ((level === 'high' || level === 'medium') && high) failures.push(`--fail-on ${level}: ${plural(high, 'high risk')}`);
  if (level === 'medium' && medium) failures.push(`--fail-on medium: ${plural(medium, 'medium risk')}`);
  if (failOn.has('disputed') && disputed.length)
    failures.push(`--fail-on disputed: ${plural(disputed.length, 'answer')} disputed by the repository and not acknowledged (${disputed.join(', ')})`);
  if ((level || failOn.has('disputed')) && expired.length)
    failures.push(`--fail-on: ${plural(expired.length, 'accepted risk')} expired (${expired.map((q) => `${q.id}, owner ${q.accepted!.owner}, until ${q.accepted!.until}`).join('; ')})`);
  const divergent = scored.divergent?.items.map((d) => d.question) ?? [];
  if (failOn.has('divergent') && divergent.length)
    failures.push(`--fail-on divergent: ${plural(divergent.length, 'answer')} the respondents disagree on (${divergent.join(', ')})`);
  const respondents = Math.max(1, scored.respondents?.length ?? 0);
  if (gates.minRespondents !== undefined && respondents < gates.minRespondents)
    failures.push(`--min-respondents ${gates.minRespondents}: ${plural(respondents, 'respondent')} answered`);
  if (gates.maxUnknown !== undefined && overall.unknown > gates.maxUnknown)
    failures.push(`--max-unknown ${gates.maxUnknown}: ${overall.unknown} applicable questions are unknown or unanswered`);
  return failures;
}

const plural = (n: number, what: string): string => `${n} ${what}${n > 1 ? 's' : ''}`;
