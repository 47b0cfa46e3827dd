// Who an `if:` lets through, read as GitHub evaluates it rather than by searching its text: a
// condition restricts who can start the agent only when every way it can be true does. So an OR
// needs a guard in each branch (`event_name == 'issues' || author_association == 'MEMBER'` lets
// any issue author through), an AND needs one guard among its terms, and a negated guard guards
// nothing. A guard is a check of who asked (author association, a named actor, a permission), a
// check that keeps forks out, or a restriction to events only the repository's own people fire.

/**
 * A term that checks who asked: an association equal to, or one of, a list (`!=` lets everyone
 * else through, so it is no check), a named actor or login, or a list of actors. The label just
 * applied (`github.event.label.name`) is one too: only people with triage access apply labels, so
 * the run starts when one of them decides it should (a label already on the item is not: the
 * author's later pushes keep it).
 */
const whoAsked =
  /author_association\s*==|contains\(.*,\s*[\w.]*author_association|github\.(triggering_)?actor\s*==|(sender|user)\.login\s*==|contains\([^)]*,\s*github\.(triggering_)?actor\s*\)|github\.event\.label\.name\s*==|contains\(\s*github\.event\.label\.name\s*,/;
/** The one negated term that keeps forks out. */
const notAFork = /^!\s*github\.event\.pull_request\.head\.repo\.fork$/;
/** A term that keeps pull requests from forks out. `github.repository == 'o/n'` is not one: forks run in the base repository. */
export const keepsForksOut =
  /head\.repo\.full_name\s*==\s*(github\.repository|github\.event\.pull_request\.base\.repo\.full_name)|(github\.repository|github\.event\.pull_request\.base\.repo\.full_name)\s*==\s*github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s*==\s*false|!\s*github\.event\.pull_request\.head\.repo\.fork|workflow_run\.head_repository\.full_name\s*==\s*github\.repository|github\.repository\s*==\s*github\.event\.workflow_run\.head_repository\.full_name|head_repository\.fork\s*==\s*false/;
/** Events only people with write access (or the repository itself) can fire. */
const trustedEvent =
  /github\.event_name\s*==\s*'(push|schedule|workflow_dispatch|release|merge_group)'|github\.event\.workflow_run\.event\s*==\s*'(push|schedule|workflow_dispatch|release|merge_group)'/;

/**
 * Whether `condition` lets through only people the repository trusts (see above), for a run
 * started by `event` when given: a branch that requires another event cannot hold for this one,
 * so it lets nobody through (a dispatcher's `event_name == 'issues' || ...` is open to issues
 * only).
 */
export function restrictsWho(condition: unknown, event?: string): boolean {
  if (condition === false) return true;
  if (typeof condition !== 'string') return false;
  const expr = expressionOf(condition);
  return expr !== '' && guarded(expr, 0, (e) => guardTerm(e, event));
}

/**
 * Whether every way `condition` can hold includes a term `term` matches (not negated): the run
 * happens only when that term holds. (`merged == true && x` does; `merged || x` does not.)
 */
export function alwaysRequires(condition: unknown, term: RegExp): boolean {
  if (typeof condition !== 'string') return false;
  const expr = expressionOf(condition);
  return expr !== '' && guarded(expr, 0, (e) => !e.startsWith('!') && term.test(e));
}

/** An `if:` without its optional `${{ }}`: the expression GitHub evaluates. */
export function expressionOf(condition: unknown): string {
  return (typeof condition === 'string' ? condition : '')
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .trim();
}

/** Whether the condition reads another job's outputs: who reaches it is then decided at run time. */
export const routedAtRunTime = (condition: unknown): boolean => /\bneeds\.[\w-]+\.outputs\./.test(typeof condition === 'string' ? condition : '');

const eventIs = /^github\.event_name\s*(==|!=)\s*'([^']+)'$/;

/** Every OR branch needs a term `isTerm` accepts; an AND needs one among its parts. */
function guarded(expr: string, depth: number, isTerm: (term: string) => boolean): boolean {
  // Deeper than any workflow a person writes: read as unguarded rather than recurse without end.
  if (depth > 20) return false;
  const e = unwrap(expr.trim());
  const any = split(e, '||');
  if (any.length > 1) return any.every((x) => guarded(x, depth + 1, isTerm));
  const all = split(e, '&&');
  if (all.length > 1) return all.some((x) => guarded(x, depth + 1, isTerm));
  // A negated group, or anything that still opens with a parenthesis, is one term.
  return isTerm(e);
}

/** One term of an `if:`: does it, alone, keep out everyone the repository does not trust? */
function guardTerm(e: string, event: string | undefined): boolean {
  if (e === 'false') return true;
  if (e.startsWith('!')) return notAFork.test(e);
  if (keepsForksOut.test(e)) return true;
  // For a known event, a test of the event name is simply true or false: false lets nobody through.
  const test = eventIs.exec(e);
  if (test && event !== undefined) return test[1] === '==' ? test[2] !== event : test[2] === event;
  return whoAsked.test(e) || trustedEvent.test(e);
}

/** `(a || b)` to `a || b`, only when the outer parentheses enclose the whole expression. */
function unwrap(e: string): string {
  while (e.startsWith('(') && e.endsWith(')') && closing(e, 0) === e.length - 1) e = e.slice(1, -1).trim();
  return e;
}

function closing(e: string, open: number): number {
  let depth = 0;
  let quote = false;
  for (let i = open; i < e.length; i++) {
    const c = e[i];
    if (c === "'") quote = !quote;
    if (quote) continue;
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `op` outside parentheses and quoted strings. */
function split(e: string, op: '||' | '&&'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < e.length; i++) {
    const c = e[i];
    if (c === "'") quote = !quote;
    if (quote) continue;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && e.startsWith(op, i)) {
      parts.push(e.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(e.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}
