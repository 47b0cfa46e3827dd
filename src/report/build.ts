// Pure: checklist + answers + scores in, the report view model out.
import { basename, isAbsolute, relative } from 'node:path';
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { FailureModeId } from '../checklist/schema.js';
import { owaspAgentic } from '../checklist/ids.js';
import type { Answers, ResolvedAnswer } from '../answers/model.js';
import type { PlannedStep } from '../scoring/plan.js';
import type { QuestionScore } from '../scoring/question.js';
import type { CharacteristicResult, PreScaleResult } from '../scoring/readiness.js';
import type { Scored } from '../scoring/score.js';
import type { VerdictResult } from '../scoring/verdict.js';
import type { RespondentParts } from './respondent-parts.js';
import type { Report, ReportEvidence, ReportHistory, ReportQuestion } from './model.js';
import { contradictionLine, type Contradiction } from '../evidence/context-rules.js';
import { reportSchemaVersion } from '../versions.js';
import { basisLine, evidenceShares, provenanceOf } from '../evidence/provenance.js';
import { disputedBy } from '../checklist/finding-key.js';

export interface BuildInput {
  tool: { name: string; version: string };
  checklist: LoadedChecklist;
  answers: Answers;
  /** The scores the verdict uses: evidence-adjusted when there is evidence. */
  scored: Scored;
  /** The scores of the answers as claimed, when evidence adjusted them. */
  claimed?: Scored;
  verdict: VerdictResult;
  preScale: PreScaleResult[];
  characteristics: CharacteristicResult[];
  plan: PlannedStep[];
  evidence?: ReportEvidence;
  history?: ReportHistory;
  respondents?: RespondentParts;
  contradictions?: Contradiction[];
  stage?: Report['stage'];
}

export function buildReport(input: BuildInput): Report {
  const { checklist, answers, scored, claimed } = input;
  const scores = new Map(scored.questions.map((s) => [s.id, s]));
  const claimedScores = new Map((claimed ?? scored).questions.map((s) => [s.id, s]));
  const disputes = new Map((input.evidence?.disputes ?? []).map((d) => [d.question, d]));
  const reopenedBy = new Map(
    [...(input.evidence?.disputes ?? []), ...(input.contradictions ?? [])].flatMap((d) => d.reopened.map((id) => [id, d.question] as const)),
  );
  const contradicted = new Map((input.contradictions ?? []).map((c) => [c.question, c]));
  const verdict = checklist.verdicts.find((v) => v.id === input.verdict.id)!;
  const m = answers.metadata;
  const questions: ReportQuestion[] = checklist.questions.map((q) => {
    const d = disputes.get(q.id);
    const c = claimedScores.get(q.id)!;
    // A contradicted or disputed answer is shown as scored: what the other answers or the evidence imply.
    const implied = contradicted.get(q.id)?.impliedValue ?? d?.impliedValue;
    return {
      ...reportQuestion(
        q,
        scores.get(q.id)!,
        implied ? { ...answers.answers[q.id]!, value: { kind: 'choices', ids: implied } } : answers.answers[q.id],
        m.date,
      ),
      reopenedBy: reopenedBy.get(q.id) ?? null,
      provenance: provenanceOf(q.id, input.evidence, input.history),
      responses: input.respondents?.responses.get(q.id) ?? [],
      dispute: d
        ? { claimed: d.claimed, claimedValue: d.claimedValue, claimedScore: c.score, claimedRisk: c.risk, findings: d.findings.map((f) => f.key) }
        : null,
    };
  });
  const shares = evidenceShares(questions);
  return {
    schemaVersion: reportSchemaVersion,
    tool: input.tool,
    checklist: { id: checklist.id, version: checklist.version, title: checklist.title, sha256: checklist.hash },
    overlays: checklist.overlays,
    answers: {
      file: basename(answers.source),
      sha256: answers.hash,
      path: relativePath(answers.source),
      lines: Object.fromEntries(Object.keys(answers.answers).map((q) => [q, answers.lineOf?.(q) ?? 1])),
    },
    metadata: {
      organization: m.organization ?? null,
      team: m.team ?? null,
      assessor: m.assessor ?? null,
      date: m.date ?? null,
      client: m.client ?? null,
      engagement: m.engagement ?? null,
      // The logo is a file path in the answers file; the CLI embeds the image itself.
      logo: null,
    },
    redacted: false,
    scope: { partial: scored.partial, quick: answers.scope.quick, failureModes: answers.scope.failureModes ?? null },
    verdict: { id: verdict.id, title: verdict.title, description: verdict.description, reasons: input.verdict.reasons },
    disputed: disputedSummary(input.evidence),
    overall: { ...scored.overall, claimedScore: claimed?.overall.score ?? null, evidence: shares, basis: basisLine(shares) },
    failureModes: scored.failureModes.map((f) => {
      const fm = checklist.failureModes.find((x) => x.id === f.id)!;
      return {
        ...f,
        claimedScore: claimed ? claimed.failureModes.find((x) => x.id === f.id)!.score : null,
        title: fm.title,
        short: fm.short ?? null,
        description: fm.description,
        coverage: f.applicable ? Math.round((f.answered / f.applicable) * 1000) / 10 : null,
        evidence: evidenceShares(questions, f.id),
      };
    }),
    questions,
    accepted: questions
      .filter((q) => q.accepted)
      .map((q) => ({ question: q.id, text: q.text, answer: q.answer, risk: q.risk, obligation: q.obligation, met: q.met, ...q.accepted! })),
    nextSteps: input.plan,
    preScale: input.preScale.map((p) => ({ ...p, text: checklist.preScale.find((x) => x.id === p.id)!.text })),
    characteristics: input.characteristics.map((c) => {
      const def = checklist.characteristics.find((x) => x.id === c.id)!;
      return { ...c, title: def.title, description: def.description };
    }),
    crosswalk: buildCrosswalk(checklist),
    evidence: input.evidence ?? null,
    history: input.history ?? null,
    regression: null,
    respondents: input.respondents?.respondents ?? [],
    divergent: input.respondents?.divergent ?? { count: 0, summary: null, items: [] },
    roleScores: input.respondents?.roleScores ?? [],
    contradictions: (input.contradictions ?? []).map((c) => ({ ...c, line: contradictionLine(c) })),
    stage: input.stage ?? null,
  };
}

const statusLabel: Record<QuestionScore['status'], string> = {
  answered: '',
  unknown: 'Unknown',
  unanswered: 'Not answered',
  na: 'N/A',
  'not-asked': 'Not asked',
  'out-of-scope': 'Not asked',
};

/** "2 answers disputed by the repository", with the first three, for the top of every format. */
function disputedSummary(evidence: ReportEvidence | undefined): Report['disputed'] {
  const disputes = evidence?.disputes ?? [];
  const n = disputes.length;
  const by = disputedBy(disputes.flatMap((d) => d.findings.map((f) => f.where)));
  // The most severe first (a stable sort keeps checklist order within a severity): the first
  // screen shows what most needs an answer.
  const rank = { high: 0, medium: 1, low: 2, info: 3 } as const;
  const first = [...disputes].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, 3);
  return {
    count: n,
    summary: n ? `${n} answer${n > 1 ? 's' : ''} disputed by ${by}` : null,
    first: first.map((d) => ({
      question: d.question,
      text: d.questionText,
      where: d.findings[0]!.where,
      message: `answered ${d.claimed}; ${d.findings[0]!.where}: ${d.findings[0]!.message}`,
    })),
  };
}

/** A relative path with forward slashes, as tools that point into a repository want it. */
function relativePath(source: string): string {
  const rel = isAbsolute(source) ? relative(process.cwd(), source) : source;
  return (rel.startsWith('..') || isAbsolute(rel) ? basename(source) : rel).split('\\').join('/').replace(/^\.\//, '');
}

/** Expired once its last day is before the assessment's date; without a date it cannot be judged. */
const isExpired = (until: string, date: string | undefined): boolean => date !== undefined && until < date;

function reportQuestion(
  q: ResolvedQuestion,
  s: QuestionScore,
  a: ResolvedAnswer | undefined,
  date: string | undefined,
): Omit<ReportQuestion, 'reopenedBy' | 'dispute' | 'responses' | 'provenance'> {
  const v = a?.value;
  return {
    id: q.id,
    text: q.text,
    why: q.why,
    context: q.context,
    failureModes: q.failureModes,
    obligation: q.obligation ?? null,
    status: s.status,
    answer: s.status === 'answered' ? s.answerLabels.join('; ') || 'None selected' : statusLabel[s.status],
    value: v?.kind === 'choices' ? v.ids : v?.kind === 'number' ? v.value : null,
    score: s.score,
    risk: s.risk,
    met: s.met,
    missing: s.missing,
    note: a?.note ?? null,
    evidence: a?.evidence ?? [],
    naReason: v?.kind === 'na' ? v.reason : null,
    notAskedReason: s.notAskedReason,
    references: q.references,
    accepted: a?.accepted ? { ...a.accepted, expired: isExpired(a.accepted.until, date) } : null,
  };
}

function buildCrosswalk(checklist: LoadedChecklist): Report['crosswalk'] {
  const rows = new Map<string, { row: Report['crosswalk'][number]; modes: Set<FailureModeId> }>();
  for (const q of checklist.questions) {
    const refs = [
      ...q.references.airmf.map((ref) => ['NIST AI RMF 1.0', ref, undefined] as const),
      ...q.references.ai600.map((ref) => ['NIST AI 600-1', ref, undefined] as const),
      ...q.references.owaspAgentic.map((o) => ['OWASP Agentic Top 10 2026', o.id, o.reason] as const),
    ];
    for (const [framework, ref, reason] of refs) {
      const key = `${framework}|${ref}`;
      let entry = rows.get(key);
      const title = framework === 'OWASP Agentic Top 10 2026' ? (owaspAgentic[ref as keyof typeof owaspAgentic] ?? null) : null;
      if (!entry) rows.set(key, (entry = { row: { framework, ref, title, questions: [], failureModes: [], reasons: [] }, modes: new Set() }));
      entry.row.questions.push(q.id);
      if (reason !== undefined) entry.row.reasons.push({ question: q.id, reason });
      for (const f of q.failureModes) entry.modes.add(f.id);
    }
  }
  // AI RMF first: it is the framework people know; the 600-1 actions refine it; the OWASP agentic
  // risks last. Each reference is cut into parts once, not once per comparison.
  const order = { 'NIST AI RMF 1.0': 0, 'NIST AI 600-1': 1, 'OWASP Agentic Top 10 2026': 2 } as const;
  const keyed = [...rows.values()].map(({ row, modes }) => ({ row: { ...row, failureModes: [...modes].sort() }, parts: refParts(row.ref) }));
  keyed.sort((a, b) => order[a.row.framework] - order[b.row.framework] || compareParts(a.parts, b.parts));
  return keyed.map((k) => k.row);
}

/**
 * "GOVERN 1.4" before "GOVERN 1.10": numeric parts compare as numbers. Hand-written because
 * localeCompare with options builds an ICU collator per call, a visible cost at start-up.
 */
export function compareRefs(a: string, b: string): number {
  return compareParts(refParts(a), refParts(b));
}

/** A reference cut into text and number parts, alternately: "GOVERN 1.10" gives "GOVERN ", "1", ".", "10", "". */
const refParts = (ref: string): string[] => ref.split(/(\d+)/);

function compareParts(pa: string[], pb: string[]): number {
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    if (i % 2 === 1 && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}
