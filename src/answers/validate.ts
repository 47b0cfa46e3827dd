// Pure: answers-file text plus a checklist in, typed answers or every problem out.
import { didYouMean } from '../closest.js';
import { hashText } from '../hash.js';
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import { located, sortProblems } from '../yaml/parse-located.js';
import type { Problem } from '../errors.js';
import { findingKeyPattern } from '../checklist/finding-key.js';
import type { EvidenceMap } from '../checklist/evidence-map.js';
import { parseLocated, type LocatedDocument } from '../yaml/parse-located.js';
import type { Answers, ResolvedAnswer, ResolvedValue } from './model.js';
import type { AnswerEntry, AnswerValue } from './schema.js';
import { checkAnswersFile } from './check-fully.js';
import { quickCheckAnswers } from './quick-check.js';
import { isRealDay } from '../day.js';

/** `warnings`: acknowledgements that were set aside (only when they are not treated as errors). */
export type AnswersResult = { ok: true; answers: Answers; warnings: Problem[] } | { ok: false; problems: Problem[] };

export interface AnswersOptions {
  /**
   * The checklist's evidence map, when it has one: acknowledgements are checked against it (each
   * must name a finding rule that bears on its question).
   */
  evidenceMap?: EvidenceMap;
  /**
   * A malformed acknowledgement is an error (validate) or a warning that sets it aside, so it
   * settles nothing (assess: a CI run should not break over a note about a finding).
   */
  acknowledgements?: 'error' | 'warn';
  /** The text already parsed (by a caller that had to look inside first): it is not parsed again. */
  parsed?: LocatedDocument;
}

export function validateAnswers(checklist: LoadedChecklist, file: string, text: string, options: AnswersOptions = {}): AnswersResult {
  const doc = options.parsed ?? parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const raw = doc.data ?? {};
  // zod is asked only when the quick check cannot vouch for the file: it alone words a problem.
  const quick = quickCheckAnswers(raw);
  const { parsed, problems: schemaProblems } = quick ? { parsed: { data: quick }, problems: [] } : checkAnswersFile({ ...doc, data: raw });
  if (!parsed) return { ok: false, problems: schemaProblems };
  const data = parsed.data;
  const problems: Problem[] = [...schemaProblems];
  if (data.checklist.id !== checklist.id)
    problems.push(located(doc, ['checklist', 'id'], `answers are for checklist "${data.checklist.id}", but the checklist in use is "${checklist.id}"`));
  else if (data.checklist.version !== checklist.version && !(checklist.compatible ?? []).includes(data.checklist.version))
    problems.push(
      located(
        doc,
        ['checklist', 'version'],
        `checklist "${checklist.id}" has no version ${data.checklist.version} (this one is ${checklist.version}${checklist.compatible?.length ? `, and reads answers for ${checklist.compatible.join(', ')}` : ''})`,
      ),
    );

  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const answers: Record<string, ResolvedAnswer> = {};
  const warnings: Problem[] = [];
  for (const [qid, entry] of Object.entries(data.answers ?? {})) {
    const q = byId.get(qid);
    const path = ['answers', qid];
    if (!q) {
      problems.push(located(doc, path, `unknown question "${qid}"${didYouMean(qid, [...byId.keys()])}`));
      continue;
    }
    const result = resolveEntry(q, entry);
    if (typeof result === 'string') problems.push(located(doc, path, `${qid}: ${result}`));
    else answers[qid] = result;
    if (typeof result !== 'string' && result.accepted) {
      const a = result.accepted;
      for (const key of ['reason', 'owner', 'until'] as const)
        if (!a[key]) problems.push(located(doc, [...path, 'accepted'], `${qid}: an accepted risk needs "${key}" (reason, owner, and until: YYYY-MM-DD)`));
      if (a.until && !isRealDay(a.until))
        problems.push(located(doc, [...path, 'accepted', 'until'], `${qid}: "until" must be a day as YYYY-MM-DD, found "${a.until}"`));
    }
    if (typeof result !== 'string') {
      const kept: ResolvedAnswer['acknowledge'] = [];
      result.acknowledge.forEach((a, i) => {
        const wrong = acknowledgementProblem(qid, a, options.evidenceMap);
        if (!wrong) return kept.push(a);
        const problem = located(doc, [...path, 'acknowledge', i, wrong.key], wrong.message);
        if (options.acknowledgements === 'warn') warnings.push({ ...problem, message: `${problem.message}; acknowledgement ignored` });
        else problems.push(problem);
      });
      result.acknowledge = kept;
    }
  }
  if (data.respondent && checklist.roles && !checklist.roles.some((r) => r.id === data.respondent!.role))
    problems.push(
      located(
        doc,
        ['respondent', 'role'],
        `unknown role "${data.respondent.role}"${didYouMean(
          data.respondent.role,
          checklist.roles.map((r) => r.id),
        )} (roles: ${checklist.roles.map((r) => r.id).join(', ')})`,
      ),
    );
  // Expiry is judged against the assessment's date, never the clock: an accepted risk needs one.
  if (!data.metadata?.date)
    for (const [qid, a] of Object.entries(answers))
      if (a.accepted)
        problems.push(located(doc, ['answers', qid, 'accepted'], `${qid}: an accepted risk expires by the assessment's date: add metadata.date (YYYY-MM-DD)`));
  if (problems.length) return { ok: false, problems: sortProblems(problems) };
  let hash: string | undefined;
  return {
    ok: true,
    warnings: sortProblems(warnings),
    answers: {
      checklist: data.checklist,
      metadata: data.metadata ?? {},
      scope: { quick: data.scope?.quick ?? false, failureModes: data.scope?.failureModes },
      answers,
      // Worked out when a report asks for it: `validate` never does, and Node's hashing module
      // costs a short run several milliseconds to load.
      get hash() {
        return (hash ??= hashText(text));
      },
      ...(data.respondent ? { respondent: data.respondent } : {}),
      lineOf: (qid: string) => doc.lineOf(['answers', qid]),
      source: file,
    },
  };
}

export { hashText };

function acceptedOf(a: { reason?: string; owner?: string; until?: string | Date }): NonNullable<ResolvedAnswer['accepted']> {
  const until = a.until instanceof Date ? (Number.isNaN(a.until.getTime()) ? 'invalid' : a.until.toISOString().slice(0, 10)) : (a.until ?? '');
  return { reason: a.reason?.trim() ?? '', owner: a.owner?.trim() ?? '', until: until.trim() };
}

function acknowledgementProblem(
  qid: string,
  a: { finding: string; reason: string },
  map: EvidenceMap | undefined,
): { key: 'finding' | 'reason'; message: string } | null {
  if (!findingKeyPattern.test(a.finding))
    return {
      key: 'finding',
      message: `${qid}: "${a.finding}" is not a finding name; write "rule@path", for example "claude-code.bypass-permissions@.claude/settings.json"`,
    };
  if (!a.reason) return { key: 'finding', message: `${qid}: acknowledging "${a.finding}" needs a reason: say why the team accepts it` };
  if (!map) return null;
  const rules = [...new Set([...map.entries, ...map.platform].filter((e) => e.question === qid && e.contradicts).map((e) => e.finding))];
  const rule = a.finding.slice(0, a.finding.indexOf('@'));
  if (!rules.length)
    return {
      key: 'finding',
      message: `${qid}: no finding (in the repository or its platform settings) can dispute this answer, so there is nothing to acknowledge`,
    };
  if (!rules.includes(rule))
    return { key: 'finding', message: `${qid}: "${rule}" is not a finding that bears on this answer (those that do: ${rules.join(', ')})` };
  return null;
}

/** Returns the resolved answer, or a message saying what is wrong with it. */
export function resolveEntry(q: ResolvedQuestion, entry: AnswerEntry): ResolvedAnswer | string {
  if (typeof entry === 'object' && !Array.isArray(entry)) {
    const extras = {
      note: entry.note,
      evidence: entry.evidence ?? [],
      acknowledge: ('acknowledge' in entry ? (entry.acknowledge ?? []) : []).map((a) => ({ finding: a.finding, reason: a.reason?.trim() ?? '' })),
      ...('accepted' in entry && entry.accepted ? { accepted: acceptedOf(entry.accepted) } : {}),
    };
    if ('na' in entry) {
      if (!q.naAllowed) return 'N/A is not allowed for this question; answer it, or say "unknown"';
      return { value: { kind: 'na', reason: entry.na }, ...extras };
    }
    const value = resolveValue(q, entry.answer);
    return typeof value === 'string' ? value : { value, ...extras };
  }
  const value = resolveValue(q, entry);
  return typeof value === 'string' ? value : { value, evidence: [], acknowledge: [] };
}

function resolveValue(q: ResolvedQuestion, raw: AnswerValue): ResolvedValue | string {
  if (raw === 'unknown') return { kind: 'unknown' };
  if (raw === 'na') return q.naAllowed ? 'N/A needs a reason: write { na: "the reason" }' : 'N/A is not allowed for this question; answer it, or say "unknown"';
  if (q.type === 'number') {
    if (typeof raw !== 'number') return `expected a number, found ${describe(raw)}`;
    if (!q.bands.some((b) => inBand(b, raw))) return `${raw} falls in none of the bands (${q.bands.map((b) => b.id).join(', ')})`;
    return { kind: 'number', value: raw };
  }
  const ids = new Set(q.choices.map((c) => c.id));
  const known = [...ids].join(', ');
  if (q.type === 'multi') {
    if (!Array.isArray(raw)) return `expected a list of choices (${known}), found ${describe(raw)}`;
    const bad = raw.find((id) => !ids.has(id));
    if (bad !== undefined) return `unknown choice "${bad}"${didYouMean(String(bad), [...ids])} (choices: ${known})`;
    if (new Set(raw).size !== raw.length) return 'a choice is listed twice';
    const exclusive = q.choices.find((c) => c.exclusive && raw.includes(c.id));
    if (exclusive && raw.length > 1) return `"${exclusive.id}" excludes every other choice`;
    return { kind: 'choices', ids: [...raw].sort((a, b) => order(q, a) - order(q, b)) };
  }
  if (typeof raw === 'boolean') return `expected one of ${known}, found ${describe(raw)}`;
  if (typeof raw !== 'string') return `expected one choice (${known}), found ${describe(raw)}`;
  if (!ids.has(raw)) return `unknown choice "${raw}"${didYouMean(raw, [...ids])} (choices: ${known})`;
  return { kind: 'choices', ids: [raw] };
}

export function inBand(b: { min?: number; max?: number }, value: number): boolean {
  return (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max);
}

function order(q: ResolvedQuestion, id: string): number {
  return q.choices.findIndex((c) => c.id === id);
}

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  return `${typeof raw} ${JSON.stringify(raw)}`;
}
