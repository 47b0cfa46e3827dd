// What a multi-respondent assessment adds to the report: who answered, who said what, the
// divergent questions for the first screen, and scores by role and failure mode. Pure.
import type { LoadedChecklist } from '../checklist/model.js';
import type { Report } from './model.js';
import type { Scored } from '../scoring/score.js';
import type { Merged } from '../respondents/merge.js';

export interface RespondentParts {
  respondents: Report['respondents'];
  responses: Map<string, Report['questions'][number]['responses']>;
  divergent: Report['divergent'];
  roleScores: Report['roleScores'];
}

/** `perRespondent`: each respondent's own answers scored alone, in the order of `merged.respondents`. */
export function respondentParts(checklist: LoadedChecklist, merged: Merged, perRespondent: Scored[], redact = false): RespondentParts {
  const roleLabel = (id: string) => checklist.roles?.find((r) => r.id === id)?.label ?? id;
  const who = (i: number) => ({ name: redact ? roleLabel(merged.respondents[i]!.role) : merged.respondents[i]!.name, role: merged.respondents[i]!.role });
  const text = new Map(checklist.questions.map((q) => [q.id, q]));
  const items = merged.divergent.map((d) => ({
    question: d.question,
    text: text.get(d.question)!.text,
    obligation: text.get(d.question)!.obligation ?? null,
    spread: d.spread,
    responses: d.responses.map((r) => ({ ...who(r.respondent), answer: r.answer })),
  }));
  const roles = [...new Set(merged.respondents.map((r) => r.role))].sort((a, b) => order(checklist, a) - order(checklist, b));
  return {
    respondents: merged.respondents.map((r, i) => ({ ...who(i), roleLabel: roleLabel(r.role), file: redact ? 'redacted' : r.file })),
    responses: new Map(
      [...merged.responses].map(([id, rs]) => [id, rs.map((r) => ({ ...who(r.respondent), answer: r.answer, value: r.value, score: r.score }))]),
    ),
    divergent: {
      count: items.length,
      summary: items.length ? `${items.length} ${items.length === 1 ? 'answer' : 'answers'} where respondents disagree` : null,
      items,
    },
    roleScores: roles.map((role) => {
      const mine = perRespondent.filter((_, i) => merged.respondents[i]!.role === role);
      const scores = checklist.failureModes.map((fm) => {
        const xs = mine.map((s) => s.failureModes.find((f) => f.id === fm.id)!.score).filter((x): x is number => x !== null);
        return xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
      });
      return { role, label: roleLabel(role), respondents: mine.length, scores };
    }),
  };
}

function order(checklist: LoadedChecklist, role: string): number {
  const i = checklist.roles?.findIndex((r) => r.id === role) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
