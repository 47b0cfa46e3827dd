// CI gates over a scored assessment. Each failure says which gate failed and why.
import type { RiskLevel } from '../checklist/schema.js';
import type { Scored } from './score.js';

export type FailOn = 'must' | 'high' | 'medium';
export interface GateOptions {
  failUnder?: number;
  failOn?: FailOn;
  maxUnknown?: number;
}

/** What the gates read: a scored assessment or a saved report both have these. */
export interface Gateable extends Pick<Scored, 'overall' | 'failureModes'> {
  questions: readonly { id: string; risk: RiskLevel | null }[];
}

export function evaluateGates(scored: Gateable, gates: GateOptions): string[] {
  const failures: string[] = [];
  const { overall, failureModes } = scored;
  if (gates.failUnder !== undefined && (overall.score ?? 0) < gates.failUnder)
    failures.push(`--fail-under ${gates.failUnder}: overall score is ${overall.score ?? 'n/a (nothing answered)'}`);
  const unmet = failureModes.flatMap((f) => f.unmetMusts);
  // Count questions, not question-and-failure-mode pairs: one gap is one risk.
  const high = scored.questions.filter((q) => q.risk === 'high').length;
  const medium = scored.questions.filter((q) => q.risk === 'medium').length;
  // The levels are cumulative: "high" also fails on unmet musts, "medium" on both of those.
  if (gates.failOn && unmet.length)
    failures.push(`--fail-on ${gates.failOn}: ${unmet.length} must question${unmet.length > 1 ? 's' : ''} not met (${[...new Set(unmet)].join(', ')})`);
  if ((gates.failOn === 'high' || gates.failOn === 'medium') && high)
    failures.push(`--fail-on ${gates.failOn}: ${high} high risk${high > 1 ? 's' : ''}`);
  if (gates.failOn === 'medium' && medium)
    failures.push(`--fail-on medium: ${medium} medium risk${medium > 1 ? 's' : ''}`);
  if (gates.maxUnknown !== undefined && overall.unknown > gates.maxUnknown)
    failures.push(`--max-unknown ${gates.maxUnknown}: ${overall.unknown} applicable questions are unknown or unanswered`);
  return failures;
}
