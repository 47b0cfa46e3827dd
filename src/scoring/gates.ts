// CI gates over a scored assessment. Each failure says which gate failed, on which questions and
// why. The rule for musts: a must passes only when it is answered and met, or answered N/A where the
// checklist allows N/A (a decision with a reason). Unknown or unanswered is not verified, and a
// gate on musts fails on it: a freshly written answers file must never pass.
import type { RiskLevel } from '../checklist/schema.js';
import { problemOf } from './problem.js';
import { disputedBy } from '../checklist/finding-key.js';
import type { Scored } from './score.js';

export const failOnLevels = ['must', 'high', 'medium', 'disputed', 'divergent'] as const;
export type FailOn = (typeof failOnLevels)[number];
export interface GateOptions {
  failUnder?: number;
  /** Any of: must (unmet or unverified musts), high (also musts), medium (also high and musts), disputed, divergent. */
  failOn?: FailOn[];
  maxUnknown?: number;
  /** Fail when fewer people answered than this. */
  minRespondents?: number;
  /** Fail when less than this percent of the weight in scope is corroborated by evidence. */
  minCorroborated?: number;
}

/** What the gates read: a saved report has these. */
export interface Gateable extends Pick<Scored, 'failureModes'> {
  /** With the verdict's basis: the share of the weight evidence corroborates (a report has it). */
  overall: Scored['overall'] & { evidence?: { corroborated: number | null } };
  divergent?: { items: readonly { question: string }[] };
  respondents?: readonly unknown[];
  questions: readonly {
    id: string;
    risk: RiskLevel | null;
    obligation: string | null;
    dispute: unknown;
    accepted?: { owner: string; until: string; expired: boolean } | null;
    /** For the message: the answer as given and, on a practice list, what is missing. */
    answer?: string;
    missing?: readonly string[];
  }[];
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
  const unverified = [...new Set(failureModes.flatMap((f) => f.unknownMusts))];
  // Accepting a risk is not accepting that the repository contradicts the answer: disputes stand.
  const disputedMusts = scored.questions.filter((q) => q.obligation === 'must' && q.dispute).map((q) => q.id);
  const disputed = scored.questions.filter((q) => q.dispute).map((q) => q.id);
  // A dispute's findings are keys, "rule@where": the where says which source disputes.
  const by = (ids: string[]) =>
    disputedBy(
      scored.questions
        .filter((q) => ids.includes(q.id))
        .flatMap((q) => (q.dispute as { findings?: string[] } | null)?.findings ?? [])
        .map((k) => k.slice(k.indexOf('@') + 1)),
    );
  // Count questions, not question-and-failure-mode pairs: one gap is one risk.
  const high = open.filter((q) => q.risk === 'high');
  const medium = open.filter((q) => q.risk === 'medium');
  // The risk levels are cumulative: "high" also fails on unmet musts, "medium" on both of those.
  const level = failOn.has('medium') ? 'medium' : failOn.has('high') ? 'high' : failOn.has('must') ? 'must' : null;
  if (level && unmet.length) failures.push(`--fail-on ${level}: ${plural(unmet.length, 'must question')} not met (${unmet.join(', ')})`);
  if (level && unverified.length)
    failures.push(`--fail-on ${level}: ${plural(unverified.length, 'must question')} not verified, answered unknown or left blank (${unverified.join(', ')})`);
  const contested = disputedMusts.filter((id) => !unmet.includes(id));
  if (level && contested.length)
    failures.push(`--fail-on ${level}: ${plural(contested.length, 'must answer')} disputed by ${by(contested)} (${contested.join(', ')})`);
  if ((level === 'high' || level === 'medium') && high.length) failures.push(`--fail-on ${level}: ${plural(high.length, 'high risk')} (${described(high)})`);
  if (level === 'medium' && medium.length) failures.push(`--fail-on medium: ${plural(medium.length, 'medium risk')} (${described(medium)})`);
  if (failOn.has('disputed') && disputed.length)
    failures.push(`--fail-on disputed: ${plural(disputed.length, 'answer')} disputed by ${by(disputed)} and not acknowledged (${disputed.join(', ')})`);
  if ((level || failOn.has('disputed')) && expired.length)
    failures.push(
      `--fail-on: ${plural(expired.length, 'accepted risk')} expired (${expired.map((q) => `${q.id}, owner ${q.accepted!.owner}, until ${q.accepted!.until}`).join('; ')})`,
    );
  const divergent = scored.divergent?.items.map((d) => d.question) ?? [];
  if (failOn.has('divergent') && divergent.length)
    failures.push(`--fail-on divergent: ${plural(divergent.length, 'answer')} the respondents disagree on (${divergent.join(', ')})`);
  const respondents = Math.max(1, scored.respondents?.length ?? 0);
  if (gates.minRespondents !== undefined && respondents < gates.minRespondents)
    failures.push(`--min-respondents ${gates.minRespondents}: ${plural(respondents, 'respondent')} answered`);
  if (gates.minCorroborated !== undefined) {
    const share = overall.evidence?.corroborated ?? 0;
    if (share < gates.minCorroborated)
      failures.push(
        `--min-corroborated ${gates.minCorroborated}: ${share}% of the weight in scope is corroborated by evidence${overall.evidence?.corroborated == null ? ' (nothing in scope)' : ''}`,
      );
  }
  if (gates.maxUnknown !== undefined && overall.unknown > gates.maxUnknown)
    failures.push(`--max-unknown ${gates.maxUnknown}: ${overall.unknown} applicable questions are unknown or unanswered`);
  return failures;
}

/** "fm4.egress: answered No restriction; fm2.approval-filtering: not in place: ...". */
const described = (qs: Gateable['questions']): string =>
  qs.map((q) => (q.answer === undefined ? q.id : `${q.id}: ${problemOf({ answer: q.answer, missing: q.missing })}`)).join('; ');

const plural = (n: number, what: string): string => `${n} ${what}${n > 1 ? 's' : ''}`;
