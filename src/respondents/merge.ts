// Many respondents, one assessment. Pure. Merging happens before scoring: scoring sees one answer
// per question. The merged answer follows the checklist's `scoring.merge` (the median; for a must,
// the lowest). An unknown ranks below every known answer, so it never raises a score, and with
// the upper median one unknown beside known answers does not hide them; for a must, one person
// who works with the control not knowing leaves it unknown (unverified).
// Context answers are merged so that a question is in scope when any respondent's context puts
// it in scope. A question whose respondents' scores are `divergentSpread` or more apart is
// divergent: that is a finding in itself.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { Answers, ResolvedAnswer } from '../answers/model.js';
import { evaluateCondition } from '../scoring/applicability.js';
import { scoreAnswer } from '../scoring/question.js';

export interface Response {
  respondent: number;
  answer: string;
  /** The answer as an answers file or a survey export writes it: choice ids joined by ";", a number, "unknown"; empty for N/A. */
  value: string;
  score: number | null;
}

const machineValue = (a: ResolvedAnswer): string => {
  const v = a.value;
  return v.kind === 'choices' ? v.ids.join(';') : v.kind === 'number' ? String(v.value) : v.kind === 'unknown' ? 'unknown' : '';
};

export interface Divergence {
  question: string;
  spread: number;
  responses: Response[];
}

export interface Merged {
  answers: Answers;
  respondents: { name: string; role: string; file: string }[];
  /** Every respondent's answer, per question (absent: nobody answered it). */
  responses: Map<string, Response[]>;
  divergent: Divergence[];
}

/** One answer's label and score, scored once. */
function judge(q: ResolvedQuestion, a: ResolvedAnswer): { answer: string; score: number | null } {
  if (a.value.kind === 'unknown') return { answer: 'Unknown', score: null };
  if (a.value.kind === 'na') return { answer: `N/A (${a.value.reason})`, score: null };
  const s = scoreAnswer(q, a);
  return { answer: s.answerLabels.join('; ') || 'None selected', score: s.score };
}

export function mergeRespondents(checklist: LoadedChecklist, files: Answers[]): Merged {
  const respondents = files.map((f) => ({ name: f.respondent?.name ?? f.source, role: f.respondent?.role ?? 'other', file: f.source }));
  const merged: Record<string, ResolvedAnswer> = {};
  const responses = new Map<string, Response[]>();
  const divergent: Divergence[] = [];
  for (const q of checklist.questions) {
    const given = files.map((f, i) => ({ i, a: f.answers[q.id] })).filter((x): x is { i: number; a: ResolvedAnswer } => x.a !== undefined);
    if (!given.length) continue;
    // Many people give the same answer: judge each distinct one once.
    const judged = new Map<string, ReturnType<typeof judge>>();
    const judgeOnce = (a: ResolvedAnswer) => {
      const v = a.value;
      const key = v.kind === 'choices' ? `c:${v.ids.join(',')}` : v.kind === 'number' ? `n:${v.value}` : v.kind === 'na' ? `na:${v.reason}` : 'u';
      let j = judged.get(key);
      if (!j) judged.set(key, (j = judge(q, a)));
      return j;
    };
    const scored = given.map((x) => ({ ...x, ...judgeOnce(x.a) }));
    responses.set(
      q.id,
      scored.map((x) => ({ respondent: x.i, answer: x.answer, value: machineValue(x.a), score: x.score })),
    );
    if (q.context) {
      merged[q.id] = mergeContext(
        checklist,
        q,
        given.map((x) => x.a),
        files,
      );
      continue;
    }
    // An unknown (and a lone N/A) ranks below every known answer, so that turning an answer into
    // unknown can lower the merged answer and never raise it.
    // N/A counts as not known unless everyone says so: one person's N/A must not lift a must.
    if (given.every((x) => x.a.value.kind === 'na')) {
      merged[q.id] = given[0]!.a; // The first reason stands.
      continue;
    }
    const ranked = [...scored].sort((a, b) => (a.score ?? -1) - (b.score ?? -1) || a.i - b.i);
    const rule = q.obligation === 'must' ? checklist.scoring.merge.must : checklist.scoring.merge.default;
    // The upper median for an even count: one unknown beside one known answer does not hide it.
    // For a must, the lowest: someone who works with the control not knowing leaves it unverified.
    const pick = rule === 'lowest' ? ranked[0]! : ranked[Math.floor(ranked.length / 2)]!;
    merged[q.id] =
      pick.score === null
        ? { value: { kind: 'unknown' }, evidence: [], acknowledge: [] }
        : { ...pick.a, evidence: [...new Set(given.flatMap((x) => x.a.evidence))], acknowledge: given.flatMap((x) => x.a.acknowledge) };
    const known = ranked.filter((x) => x.score !== null);
    if (!known.length) continue;
    const spread = known.at(-1)!.score! - known[0]!.score!;
    if (known.length > 1 && spread >= checklist.scoring.divergentSpread - 1e-9)
      divergent.push({ question: q.id, spread: Math.round(spread * 100) / 100, responses: responses.get(q.id)! });
  }
  const first = files[0]!;
  return {
    answers: {
      checklist: first.checklist,
      metadata: {
        ...first.metadata,
        date:
          files
            .map((f) => f.metadata.date)
            .filter((d): d is string => Boolean(d))
            .sort()
            .at(-1) ?? first.metadata.date,
      },
      scope: {
        quick: files.every((f) => f.scope.quick),
        failureModes: files.every((f) => f.scope.failureModes) ? [...new Set(files.flatMap((f) => f.scope.failureModes!))] : undefined,
      },
      answers: merged,
      hash: files.map((f) => f.hash).join('+'),
      source: first.source,
      lineOf: first.lineOf,
    },
    respondents,
    responses,
    divergent,
  };
}

/**
 * A context answer widens scope: several choices become their union, a number the largest, one
 * choice the answer that puts the most questions in scope.
 */
function mergeContext(checklist: LoadedChecklist, q: ResolvedQuestion, given: ResolvedAnswer[], files: Answers[]): ResolvedAnswer {
  const known = given.filter((a) => a.value.kind === 'choices' || a.value.kind === 'number');
  if (!known.length) return given[0]!;
  if (q.type === 'multi') {
    const ids = new Set(known.flatMap((a) => (a.value.kind === 'choices' ? a.value.ids : [])));
    // An exclusive choice ("none") gives way to anything someone named.
    const exclusive = q.choices.filter((c) => c.exclusive).map((c) => c.id);
    if (ids.size > 1) for (const id of exclusive) ids.delete(id);
    const order = (id: string) => q.choices.findIndex((c) => c.id === id);
    return { value: { kind: 'choices', ids: [...ids].sort((a, b) => order(a) - order(b)) }, evidence: [], acknowledge: [] };
  }
  if (q.type === 'number') return known.reduce((a, b) => ((b.value as { value: number }).value > (a.value as { value: number }).value ? b : a));
  // Judged once per distinct answer: a team mostly gives two or three.
  const distinct = [...new Map(known.map((a) => [JSON.stringify(a.value), a])).values()];
  const inScope = (a: ResolvedAnswer) => {
    const answers = { ...files[0]!.answers, [q.id]: a };
    return checklist.questions.filter((x) => x.when && evaluateCondition(x.when, answers) !== false).length;
  };
  const counted = distinct.map((a) => ({ a, n: inScope(a) }));
  return counted.reduce((best, x) => (x.n > best.n ? x : best)).a;
}
