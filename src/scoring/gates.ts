// CI gates over a scored assessment. Each failure says which gate failed and why.
import type { Scored } from './score.js';

export type FailOn = 'must' | 'high' | 'medium';
export interface GateOptions {
  failUnder?: number;
  failOn?: FailOn;
  maxUnknown?: number;
}

export function evaluateGates(scored: Pick<Scored, 'overall' | 'failureModes'>, gates: GateOptions): string[] {
  const failures: string[] = [];
  const { overall, failureModes } = scored;
  if (gates.failUnder !== undefined && (overall.score ?? 0) < gates.failUnder)
    failures.push(`--fail-under ${gates.failUnder}: overall score is ${overall.score ?? 'n/a (nothing answered)'}`);
  const unmet = failureModes.flatMap((f) => f.unmetMusts);
  const high = failureModes.reduce((n, f) => n + f.high, 0);
  const medium = failureModes.reduce((n, f) => n + f.medium, 0);
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
