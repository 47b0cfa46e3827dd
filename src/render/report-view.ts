// The view of a report that templates print: grouped sections, display labels, chart numbers.
// Templates stay free of logic; everything they print is prepared here. Escaping is the format's
// business (Markdown escapes the report's strings first, HTML lets Handlebars escape).
import { disputedBy } from '../checklist/finding-key.js';
import type { Report, ReportQuestion } from '../report/model.js';
import { historyView } from './history-view.js';
import { bandFill, bandOf } from './score-bands.js';
import { whoSaidWhat } from '../respondents/who.js';
import { bar, percent } from '../text.js';

const statusMark = { clear: '✅ clear', fuzzy: '⚠️ fuzzy', 'not-assessed': '➖ not assessed' } as const;
const characteristicMark = { 'in-place': '✅ in place', partial: '🟡 partial', missing: '❌ missing', unknown: '❔ unknown' } as const;
const verdictMark = { tighten: '🛑', pilot: '🧪', scale: '🚀' } as const;
const phaseTitle = { 30: 'First 30 days', 60: 'Days 31 to 60', 90: 'Days 61 to 90' } as const;

export function reportView(r: Report) {
  const questionText = new Map(r.questions.map((q) => [q.id, q.text]));
  // A question appears in several sections: its row is made once.
  const rows = new Map<ReportQuestion, ReturnType<typeof row>>();
  const contradicted = new Set(r.contradictions.map((c) => c.question));
  // Who said what is shown where respondents disagree; where they agree, once, in a summary.
  const divergent = new Set(r.divergent.items.map((d) => d.question));
  const rowOf = (q: ReportQuestion) => rows.get(q) ?? rows.set(q, row(q, contradicted, divergent)).get(q)!;
  let n = 0;
  const steps = r.nextSteps.map((s) => ({
    ...s,
    number: ++n,
    failureModesText: s.failureModes.join(', '),
    questionsText: s.questions.join(', '),
    afterText: s.after.length ? s.after.join(', ') : null,
  }));
  const m = r.metadata;
  const heading = [m.organization ?? m.client, m.team].filter(Boolean).join(' / ') || 'AI coding rollout';
  const answeredByMany = r.questions.filter((q) => q.responses.length > 1).length;
  return {
    ...r,
    heading,
    // The report is about the assessed organisation; a client who is someone else (a parent, a
    // buyer) commissioned it. Said once, on the cover and at the top.
    preparedLine:
      m.client && m.client !== m.organization
        ? `Assessment of ${heading}, prepared for ${m.client}${m.assessor ? ` by ${m.assessor}` : ''}${m.date ? `, ${m.date}` : ''}`
        : null,
    verdictBasis: r.verdict.reasons[0] ?? null,
    // What the verdict rests on: how much of the weight evidence bears out, and how much is the
    // team's word. Shown in every format, evidence or not: "100% self-reported" is the finding.
    evidenceBasis: r.overall.basis,
    // Unlike the basis line, a column of identical cells is noise: only when evidence was read.
    showEvidence: r.evidence !== null || r.history !== null,
    topSteps: steps.slice(0, 5),
    moreSteps: steps.length > 5 ? steps.length - 5 : null,
    agreementText:
      r.respondents.length > 1
        ? `${r.respondents.length} people answered; they agreed (within half the scale) on ${answeredByMany - r.divergent.count} of the ${answeredByMany} questions more than one of them answered${r.divergent.count ? `, and answered ${r.divergent.count} far apart: those show who said what` : ''}.`
        : null,
    verdictMark: verdictMark[r.verdict.id],
    verdictLabel: r.verdict.id.toUpperCase(),
    overallScore: percent(r.overall.score),
    overallRange: rangeText(r.overall.score, r.overall.upTo, r.overall.unknown),
    overallUpToText:
      r.overall.upTo !== null && r.overall.upTo !== r.overall.score
        ? `up to ${percent(r.overall.upTo)} if the ${r.overall.unknown === 1 ? 'unknown is' : `${r.overall.unknown} unknowns are`} met`
        : null,
    claimedText: claimedText(r.overall.score, r.overall.claimedScore, r),
    overallCoverage: percent(r.overall.coverage),
    disputedRows: r.disputed.first,
    disputedMore: r.disputed.count > r.disputed.first.length ? r.disputed.count - r.disputed.first.length : null,
    hasClaimed: r.overall.claimedScore !== null,
    partialLabel: r.scope.quick ? 'quick check (partial)' : r.scope.failureModes ? `section ${r.scope.failureModes.join(', ')} only (partial)` : null,
    metadataRows: metadataRows(r),
    // Columns that would be empty on every row are left out.
    showUpTo: r.failureModes.some((f) => f.upTo !== null && f.upTo !== f.score),
    failureModeRows: r.failureModes.map((f) => ({
      ...f,
      bar: bar(f.score),
      scoreText: percent(f.score),
      upToText: f.upTo !== null && f.upTo !== f.score ? percent(f.upTo) : '',
      claimedText: f.claimedScore === null ? '' : percent(f.claimedScore),
      pointsText: `${round(f.points)} / ${round(f.maxAchievable)}`,
      achievableText: `${round(f.maxAchievable)} of ${round(f.totalMax)}`,
      coverageText: f.applicable ? `${f.answered}/${f.applicable}` : 'n/a',
      corroboratedText:
        f.evidence.corroborated === null ? 'n/a' : `${f.evidence.corroborated}%${f.evidence.disputed ? ` (${f.evidence.disputed}% disputed)` : ''}`,
    })),
    unmetMusts: r.questions
      .filter((q) => q.obligation === 'must' && q.met === false)
      .map((q) => ({ id: q.id, failureMode: q.failureModes.map((f) => f.id).join(', '), text: questionText.get(q.id)!, answer: q.answer })),
    phases: ([30, 60, 90] as const)
      .map((days) => ({ days, title: phaseTitle[days], steps: steps.filter((s) => s.phase === days) }))
      .filter((p) => p.steps.length),
    preScaleRows: r.preScale.map((p) => ({ ...p, mark: statusMark[p.status], because: p.fuzzyBecause.length ? p.fuzzyBecause.join(', ') : null })),
    characteristicRows: r.characteristics.map((c) => ({ ...c, mark: characteristicMark[c.status] })),
    context: r.questions.filter((q) => q.context).map(rowOf),
    // Each question once, under its primary (first) failure mode; the others it informs are named.
    findings: r.failureModes.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      questions: r.questions.filter((q) => !q.context && q.failureModes[0]?.id === f.id && isAssessed(q)).map(rowOf),
    })),
    appendixRows: r.questions.map(rowOf),
    disputes: (r.evidence?.disputes ?? []).map((d) => ({
      ...d,
      mark: d.obligation === 'must' ? 'must' : d.context ? 'scope' : (d.obligation ?? ''),
      reopenedText: d.reopened.length ? d.reopened.join(', ') : null,
    })),
    acknowledged: r.evidence?.acknowledged ?? [],
    corroborations: r.evidence?.corroborations ?? [],
    platform: r.evidence?.platform ?? null,
    staleAcknowledgements: r.evidence?.staleAcknowledgements ?? [],
    notAsked: r.questions.filter((q) => q.status === 'not-asked' || q.status === 'out-of-scope').map(rowOf),
    notApplicable: r.questions.filter((q) => q.status === 'na').map(rowOf),
    unknowns: r.questions.filter((q) => !q.context && (q.status === 'unknown' || q.status === 'unanswered')).map(rowOf),
    crosswalkRows: r.crosswalk.map((c) => ({
      ...c,
      refText: c.title ? `${c.ref} ${c.title}` : c.ref,
      // An OWASP risk names why each question guards against it; a NIST reference lists them.
      questionsText: c.reasons.length ? c.reasons.map((x) => `${x.question}: ${x.reason}`).join(' ') : c.questions.join(', '),
      failureModesText: c.failureModes.join(', '),
    })),
    crosswalkGroups: (['NIST AI RMF 1.0', 'NIST AI 600-1', 'OWASP Agentic Top 10 2026'] as const)
      .map((framework) => ({ framework, rows: r.crosswalk.filter((c) => c.framework === framework) }))
      .filter((g) => g.rows.length),
    chart: chartOf(r),
    historySection: historyView(r.history),
    divergentRows: r.divergent.items.map((d) => ({ ...d, who: whoSaidWhat(d.responses, (role) => roleLabel(r, role)) })),
    respondentsText: r.respondents.length
      ? r.respondents.length <= 12
        ? r.respondents.map((x) => `${x.name} (${x.roleLabel})`).join(', ')
        : `${r.respondents.length} people: ${r.roleScores.map((x) => `${x.respondents} ${x.label}`).join(', ')}`
      : null,
    roleRows: r.roleScores.map((x) => ({ ...x, cells: x.scores.map((s) => percent(s)) })),
    roleHeatMap: r.roleScores.length ? roleHeatMap(r) : null,
    regressionView: r.regression
      ? {
          ...r.regression,
          regressed: Boolean(r.regression.verdict || r.regression.failureModes.length || r.regression.newHighRisks.length),
          since: r.regression.baselineDate ? `${r.regression.baseline} (${r.regression.baselineDate})` : r.regression.baseline,
        }
      : null,
    acceptedRows: r.accepted.map((a) => ({ ...a, status: a.expired ? `expired (until ${a.until})` : `accepted until ${a.until}` })),
    evidence: r.evidence ?? null,
    evidenceFindings: (r.evidence?.findings ?? []).filter((f) => f.kind !== 'fact'),
    // Distinct questions: a gap that informs two failure modes is still one gap.
    risks: {
      high: r.questions.filter((q) => q.risk === 'high').length,
      medium: r.questions.filter((q) => q.risk === 'medium').length,
      unmetMusts: r.questions.filter((q) => q.obligation === 'must' && q.met === false).length,
      unknownMusts: r.questions.filter((q) => q.obligation === 'must' && (q.status === 'unknown' || q.status === 'unanswered')).length,
    },
    overlayRows: r.overlays.map((o) => ({
      ...o,
      addedText: o.added.length ? o.added.join(', ') : null,
      changedText: o.changed.length ? o.changed.map((c) => `${c.id} (${c.fields.join(', ')})`).join('; ') : null,
    })),
  };
}

/** Numbers for the charts: Mermaid's list and an SVG bar per failure mode. */
function chartOf(r: Report) {
  const rowHeight = 34;
  // Labels ("FM1 Advisory vs executable") take the first 210 units of the 640-wide figure.
  const left = 210;
  const barWidth = 360;
  return {
    mermaidScores: r.failureModes.map((f) => f.score ?? 0).join(', '),
    left,
    barWidth,
    /** Where 75%, the overall bar for scaling, falls. */
    targetX: left + Math.round(0.75 * barWidth),
    height: r.failureModes.length * rowHeight + 30,
    bars: r.failureModes.map((f, i) => ({
      id: f.id,
      title: f.title,
      name: f.short ?? '',
      y: i * rowHeight + 6,
      textY: i * rowHeight + 26,
      width: Math.round(((f.score ?? 0) / 100) * barWidth),
      label: percent(f.score),
      labelX: left + Math.round(((f.score ?? 0) / 100) * barWidth) + 8,
      tone: f.score === null ? 'none' : f.high > 0 || f.unmetMusts.length ? 'bad' : f.score >= 75 ? 'good' : 'fair',
    })),
  };
}

function isAssessed(q: ReportQuestion): boolean {
  return q.status !== 'not-asked' && q.status !== 'out-of-scope';
}

const roleLabel = (r: Report, role: string) => r.respondents.find((x) => x.role === role)?.roleLabel ?? role;

/** Roles by failure modes, for the SVG heat map: the same bands as the portfolio's. */
function roleHeatMap(r: Report) {
  const fill = (s: number | null) => bandFill[bandOf(s)];
  const left = 260;
  const w = 64;
  const h = 28;
  const top = 30;
  return {
    width: left + w * r.failureModes.length + 10,
    height: top + h * r.roleScores.length + 10,
    heads: r.failureModes.map((f, j) => ({ id: f.id, title: f.title, x: left + j * w + w / 2, y: top - 10 })),
    rows: r.roleScores.map((row, i) => ({
      label: `${row.label} (${row.respondents})`,
      x: left - 8,
      y: top + i * h + 18,
      cells: row.scores.map((s, j) => ({
        fm: r.failureModes[j]!.id,
        role: row.role,
        x: left + j * w,
        y: top + i * h,
        width: w - 2,
        height: h - 2,
        fill: fill(s),
        text: s === null ? 'n/a' : String(Math.round(s)),
        textX: left + j * w + w / 2 - 1,
        textY: top + i * h + 18,
      })),
    })),
  };
}

function acceptedText(a: NonNullable<ReportQuestion['accepted']>): string {
  return `${a.expired ? 'EXPIRED ' : ''}accepted by ${a.owner} until ${a.until}: ${a.reason}`;
}

function row(q: ReportQuestion, contradicted: ReadonlySet<string>, divergent: ReadonlySet<string>) {
  return {
    ...q,
    scoreText: q.score === null ? '' : percent(Math.round(q.score * 100)),
    riskText: q.risk && q.risk !== 'none' ? q.risk : '',
    // A risk without its reason reads as a contradiction beside "met": name what is missing.
    missingText: q.risk && q.risk !== 'none' && q.missing.length ? `not in place: ${q.missing.join('; ')}` : null,
    metText: q.met === null ? '' : q.met ? 'met' : 'not met',
    obligationText: q.obligation ?? 'context',
    failureModesText: q.failureModes.map((f) => f.id).join(', ') || 'context',
    evidenceText: q.evidence.length ? q.evidence.join('; ') : null,
    disputeText: q.dispute
      ? `claimed ${q.dispute.claimed}; ${disputedBy(q.dispute.findings.map((k) => k.slice(k.indexOf('@') + 1)))} says otherwise (${q.dispute.findings.join(', ')})`
      : null,
    reopenedText: q.reopenedBy
      ? `brought back into scope: the ${contradicted.has(q.reopenedBy) ? 'other answers contradict' : 'repository disputes'} the answer to ${q.reopenedBy}`
      : null,
    acceptedText: q.accepted ? acceptedText(q.accepted) : null,
    responsesText: q.responses.length > 1 && divergent.has(q.id) ? whoSaidWhat(q.responses) : null,
    alsoText:
      q.failureModes.length > 1
        ? `also informs ${q.failureModes
            .slice(1)
            .map((f) => f.id)
            .join(', ')}`
        : null,
    // In place with nothing to say: one line in the findings, where a gap gets the whole entry.
    settled:
      q.status === 'answered' &&
      (q.risk === null || q.risk === 'none' || q.risk === 'low') &&
      q.met !== false &&
      !q.dispute &&
      !q.accepted &&
      !divergent.has(q.id),
  };
}

/** "74.6%, up to 79.1% if the 3 unknowns are met", or just the score when nothing is unknown. */
export function rangeText(score: number | null, upTo: number | null, unknown: number): string {
  if (score === null || upTo === null || upTo === score) return percent(score);
  return `${percent(score)}, up to ${percent(upTo)} if the ${unknown === 1 ? 'unknown is' : `${unknown} unknowns are`} met`;
}

/** "97.4% as claimed, before ...", when evidence or contradicting answers changed the score. */
export function claimedText(score: number | null, claimed: number | null, r?: Pick<Report, 'evidence' | 'history' | 'contradictions'>): string | null {
  if (claimed === null || claimed === score) return null;
  const by = [r?.evidence ? "the repository's evidence" : '', r?.contradictions.length ? 'the answers that contradict others were corrected' : ''].filter(
    Boolean,
  );
  return `${percent(claimed)} as claimed, before ${by.length ? by.join(' and before ') : "the repository's evidence"}`;
}

function metadataRows(r: Report) {
  const m = r.metadata;
  return [
    ['Organisation', m.organization],
    ['Team', m.team],
    // A client other than the organisation is named once, in the line that says how they relate.
    ['Client', m.client && m.client !== m.organization ? null : m.client],
    ['Engagement', m.engagement],
    ['Assessor', m.assessor],
    ['Assessment date', m.date],
  ]
    .filter(([, v]) => v !== null)
    .map(([label, value]) => ({ label, value }));
}

const round = (n: number): string => String(Math.round(n * 100) / 100);
