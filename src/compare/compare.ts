// Progress between two assessments of the same client: pure, from two reports.
import type { FailureModeId } from '../checklist/schema.js';
import type { Report } from '../report/model.js';

const riskRank = { none: 0, low: 1, medium: 2, high: 3 } as const;
const verdictRank = { tighten: 0, pilot: 1, scale: 2 } as const;

export interface QuestionChange {
  id: string;
  text: string;
  failureModes: FailureModeId[];
  before: string;
  after: string;
}

export interface Side {
  /** "Organisation / team", as the report headings name it. */
  name: string;
  organization: string | null;
  team: string | null;
  date: string | null;
  verdict: Report['verdict']['id'];
  score: number | null;
  checklist: string;
}

export interface Comparison {
  before: Side;
  after: Side;
  verdictChange: 'better' | 'worse' | 'same';
  /**
   * Why the change may not be the team's progress: different checklists, a different
   * organisation or team, or an "after" dated before the "before".
   */
  warnings: string[];
  overallDelta: number | null;
  failureModes: { id: FailureModeId; title: string; before: number | null; after: number | null; delta: number | null }[];
  risksClosed: QuestionChange[];
  newRisks: QuestionChange[];
  regressions: QuestionChange[];
  improvements: QuestionChange[];
  /**
   * Team assessments: questions divergent in either assessment, with the spread of the
   * respondents' scores (0 to 1) before and after. Empty unless both had several respondents.
   */
  spreads: { id: string; text: string; before: number | null; after: number | null; narrowed: boolean }[];
}

function sideOf(r: Report): Side {
  const m = r.metadata;
  const organization = m.organization ?? m.client;
  return {
    name: [organization, m.team].filter(Boolean).join(' / ') || 'unnamed assessment',
    organization,
    team: m.team,
    date: m.date,
    verdict: r.verdict.id,
    score: r.overall.score,
    checklist: `${r.checklist.id} ${r.checklist.version}`,
  };
}

/** A difference is only warned about when both sides name the thing: a blank is not a change. */
function warningsFor(b: Side, a: Side): string[] {
  const out: string[] = [];
  if (b.checklist !== a.checklist)
    out.push(`the assessments used different checklists (${b.checklist} and ${a.checklist}): changes may come from the checklist, not the team`);
  if (b.organization && a.organization && b.organization !== a.organization)
    out.push(`the assessments are of different organisations ("${b.organization}" and "${a.organization}"): this is not one organisation's progress`);
  else if (b.team && a.team && b.team !== a.team)
    out.push(`the assessments are of different teams ("${b.team}" and "${a.team}"): this is not one team's progress`);
  if (b.date && a.date && a.date < b.date)
    out.push(`the later assessment is dated ${a.date}, before the earlier one (${b.date}): the arguments may be the wrong way round (compare OLD NEW)`);
  return out;
}

/** How far apart the respondents' scores are: highest minus lowest of those who answered. */
function spreadOf(q: Report['questions'][number] | undefined): number | null {
  const xs = (q?.responses ?? []).map((r) => r.score).filter((x): x is number => x !== null);
  return xs.length > 1 ? Math.round((Math.max(...xs) - Math.min(...xs)) * 100) / 100 : null;
}

export function compareReports(before: Report, after: Report): Comparison {
  const old = new Map(before.questions.map((q) => [q.id, q]));
  const risksClosed: QuestionChange[] = [];
  const newRisks: QuestionChange[] = [];
  const regressions: QuestionChange[] = [];
  const improvements: QuestionChange[] = [];
  for (const q of after.questions) {
    if (q.context) continue;
    const p = old.get(q.id);
    const change = {
      id: q.id,
      text: q.text,
      failureModes: q.failureModes.map((f) => f.id),
      before: p?.answer ?? 'not in the earlier checklist',
      after: q.answer,
    };
    const wasRisk = p?.risk === 'high' || p?.risk === 'medium';
    const isRisk = q.risk === 'high' || q.risk === 'medium';
    if (wasRisk && q.status === 'answered' && !isRisk) risksClosed.push(change);
    if (isRisk && (!p || !p.risk || riskRank[q.risk!] > riskRank[p.risk])) newRisks.push(change);
    if (p?.score != null && q.score != null && q.score < p.score) regressions.push(change);
    if (p?.score != null && q.score != null && q.score > p.score) improvements.push(change);
  }
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 10) / 10);
  const v = verdictRank[after.verdict.id] - verdictRank[before.verdict.id];
  const b = sideOf(before);
  const a = sideOf(after);
  return {
    before: b,
    after: a,
    verdictChange: v > 0 ? 'better' : v < 0 ? 'worse' : 'same',
    warnings: warningsFor(b, a),
    overallDelta: delta(before.overall.score, after.overall.score),
    failureModes: after.failureModes.map((f) => {
      const b = before.failureModes.find((x) => x.id === f.id)?.score ?? null;
      return { id: f.id, title: f.title, before: b, after: f.score, delta: delta(b, f.score) };
    }),
    risksClosed,
    newRisks,
    regressions,
    improvements,
    spreads:
      before.respondents.length > 1 && after.respondents.length > 1
        ? after.questions
            .filter((q) => before.divergent.items.some((d) => d.question === q.id) || after.divergent.items.some((d) => d.question === q.id))
            .map((q) => {
              const b = spreadOf(old.get(q.id));
              const a = spreadOf(q);
              return { id: q.id, text: q.text, before: b, after: a, narrowed: b !== null && a !== null && a < b };
            })
        : [],
  };
}
