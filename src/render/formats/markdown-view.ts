// The Markdown-specific view of a report: escaped strings, grouped sections, display labels.
// Templates stay free of logic; everything they print is prepared here.
import type { Report, ReportQuestion } from '../../report/model.js';
import { bar, escapeMarkdown, mapStrings, percent } from '../text.js';

const statusMark = { clear: '✅ clear', fuzzy: '⚠️ fuzzy', 'not-assessed': '➖ not assessed' } as const;
const characteristicMark = { 'in-place': '✅ in place', partial: '🟡 partial', missing: '❌ missing', unknown: '❔ unknown' } as const;
const verdictMark = { tighten: '🛑', pilot: '🧪', scale: '🚀' } as const;
const phaseTitle = { 30: 'First 30 days', 60: 'Days 31 to 60', 90: 'Days 61 to 90' } as const;

export function markdownView(raw: Report) {
  const r = mapStrings(raw, escapeMarkdown);
  const questionText = new Map(r.questions.map((q) => [q.id, q.text]));
  let n = 0;
  const steps = r.nextSteps.map((s) => ({
    ...s,
    number: ++n,
    failureModesText: s.failureModes.join(', '),
    questionsText: s.questions.join(', '),
    afterText: s.after.length ? s.after.join(', ') : null,
    linksText: s.links.length ? s.links.map((l) => `[${l.title}](${l.url})`).join(', ') : null,
  }));
  const m = r.metadata;
  return {
    ...r,
    heading: [m.organization ?? m.client, m.team].filter(Boolean).join(' / ') || 'AI coding rollout',
    verdictMark: verdictMark[r.verdict.id],
    verdictLabel: r.verdict.id.toUpperCase(),
    overallScore: percent(r.overall.score),
    overallCoverage: percent(r.overall.coverage),
    partialLabel: r.scope.quick ? 'quick check (partial)' : r.scope.failureModes ? `section ${r.scope.failureModes.join(', ')} only (partial)` : null,
    metadataRows: metadataRows(r),
    failureModeRows: r.failureModes.map((f) => ({
      ...f,
      bar: bar(f.score),
      scoreText: percent(f.score),
      pointsText: `${round(f.points)} / ${round(f.answeredMax)}`,
      achievableText: `${round(f.maxAchievable)} of ${round(f.totalMax)}`,
      coverageText: f.applicable ? `${f.answered}/${f.applicable}` : 'n/a',
    })),
    unmetMusts: r.failureModes.flatMap((f) =>
      f.unmetMusts.map((id) => ({ id, failureMode: f.id, text: questionText.get(id)!, answer: r.questions.find((q) => q.id === id)!.answer })),
    ),
    phases: ([30, 60, 90] as const)
      .map((days) => ({ days, title: phaseTitle[days], steps: steps.filter((s) => s.phase === days) }))
      .filter((p) => p.steps.length),
    preScaleRows: r.preScale.map((p) => ({ ...p, mark: statusMark[p.status], because: p.fuzzyBecause.length ? p.fuzzyBecause.join(', ') : null })),
    characteristicRows: r.characteristics.map((c) => ({ ...c, mark: characteristicMark[c.status] })),
    context: r.questions.filter((q) => q.context).map(row),
    findings: r.failureModes.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      questions: r.questions.filter((q) => !q.context && q.failureModes.some((x) => x.id === f.id) && isAssessed(q)).map(row),
    })),
    appendixRows: r.questions.map(row),
    notAsked: r.questions.filter((q) => q.status === 'not-asked' || q.status === 'out-of-scope').map(row),
    notApplicable: r.questions.filter((q) => q.status === 'na').map(row),
    unknowns: r.questions.filter((q) => !q.context && (q.status === 'unknown' || q.status === 'unanswered')).map(row),
    crosswalkRows: r.crosswalk.map((c) => ({ ...c, questionsText: c.questions.join(', '), failureModesText: c.failureModes.join(', ') })),
  };
}

function isAssessed(q: ReportQuestion): boolean {
  return q.status !== 'not-asked' && q.status !== 'out-of-scope';
}

function row(q: ReportQuestion) {
  return {
    ...q,
    scoreText: q.score === null ? '' : percent(Math.round(q.score * 100)),
    riskText: q.risk && q.risk !== 'none' ? q.risk : '',
    metText: q.met === null ? '' : q.met ? 'met' : 'not met',
    obligationText: q.obligation ?? 'context',
    failureModesText: q.failureModes.map((f) => f.id).join(', ') || 'context',
    evidenceText: q.evidence.length ? q.evidence.join('; ') : null,
  };
}

function metadataRows(r: Report) {
  const m = r.metadata;
  return [
    ['Organisation', m.organization],
    ['Team', m.team],
    ['Client', m.client],
    ['Engagement', m.engagement],
    ['Assessor', m.assessor],
    ['Assessment date', m.date],
  ]
    .filter(([, v]) => v !== null)
    .map(([label, value]) => ({ label, value }));
}

const round = (n: number): string => String(Math.round(n * 100) / 100);

// Re-exported so a caller can escape a single value the same way.
export { escapeMarkdown };
