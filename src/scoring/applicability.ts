// Decides whether a question applies, from the answers given to earlier questions.
import type { Condition } from '../checklist/schema.js';
import type { ResolvedAnswer } from '../answers/model.js';

/**
 * true / false when the condition can be decided; undefined when an answer it depends on is
 * missing or unknown. Undecidable conditions count as applicable: asking one question too many
 * is cheaper than hiding a gap.
 */
export function evaluateCondition(cond: Condition, answers: Record<string, ResolvedAnswer>): boolean | undefined {
  if ('all' in cond)
    return combine(
      cond.all.map((c) => evaluateCondition(c, answers)),
      'all',
    );
  if ('any' in cond)
    return combine(
      cond.any.map((c) => evaluateCondition(c, answers)),
      'any',
    );
  if ('not' in cond) {
    const inner = evaluateCondition(cond.not, answers);
    return inner === undefined ? undefined : !inner;
  }
  const value = answers[cond.question]?.value;
  if (!value || value.kind === 'unknown') return undefined;
  if (value.kind === 'na') return false;
  const checks: boolean[] = [];
  if (value.kind === 'choices') {
    if (cond.anyOf) checks.push(cond.anyOf.some((id) => value.ids.includes(id)));
    if (cond.noneOf) checks.push(!cond.noneOf.some((id) => value.ids.includes(id)));
  }
  if (value.kind === 'number') {
    if (cond.atLeast !== undefined) checks.push(value.value >= cond.atLeast);
    if (cond.below !== undefined) checks.push(value.value < cond.below);
  }
  return checks.every(Boolean);
}

function combine(results: (boolean | undefined)[], mode: 'all' | 'any'): boolean | undefined {
  if (mode === 'all') {
    if (results.includes(false)) return false;
    return results.includes(undefined) ? undefined : true;
  }
  if (results.includes(true)) return true;
  return results.includes(undefined) ? undefined : false;
}

/** A readable form of a condition, for "not asked because ..." lines. */
export function describeCondition(cond: Condition): string {
  if ('all' in cond) return cond.all.map(describeCondition).join(' and ');
  if ('any' in cond) return `(${cond.any.map(describeCondition).join(' or ')})`;
  if ('not' in cond) return `not (${describeCondition(cond.not)})`;
  const parts: string[] = [];
  if (cond.anyOf) parts.push(`${cond.question} is any of ${cond.anyOf.join(', ')}`);
  if (cond.noneOf) parts.push(`${cond.question} is none of ${cond.noneOf.join(', ')}`);
  if (cond.atLeast !== undefined) parts.push(`${cond.question} >= ${cond.atLeast}`);
  if (cond.below !== undefined) parts.push(`${cond.question} < ${cond.below}`);
  return parts.join(' and ') || `${cond.question} is answered`;
}
