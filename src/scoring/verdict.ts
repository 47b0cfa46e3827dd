// The verdict in the article's terms: tighten, pilot or scale, always with its reasons.
import type { LoadedChecklist } from '../checklist/model.js';
import type { PreScaleResult } from './readiness.js';
import type { Scored } from './score.js';

export type VerdictId = 'tighten' | 'pilot' | 'scale';
export interface VerdictResult {
  id: VerdictId;
  reasons: string[];
}

/** What the verdict needs to know of a dispute (an answer the repository contradicts). */
export interface DisputeForVerdict {
  question: string;
  obligation: string | null;
  severity: 'high' | 'medium' | 'low' | 'info';
  claimed: string;
  findings: { where: string; message: string }[];
}

/**
 * `scored` is the evidence-adjusted assessment when there is evidence. Disputes add their own
 * rules: a disputed must means tighten (the control the verdict leans on is contested), and an
 * answer disputed by a high-severity finding keeps the verdict below scale.
 */
export function decideVerdict(checklist: LoadedChecklist, scored: Scored, preScale: PreScaleResult[], disputes: DisputeForVerdict[] = [], divergentMusts: string[] = []): VerdictResult {
  const text = new Map(checklist.questions.map((q) => [q.id, q.text]));
  // A question can inform several failure modes: name it once, with all of them.
  const unmet = groupByQuestion(scored.failureModes.flatMap((fm) => fm.unmetMusts.map((id) => [id, fm.id] as const)));
  const unverified = groupByQuestion(scored.failureModes.flatMap((fm) => fm.unknownMusts.map((id) => [id, fm.id] as const)));
  const fuzzy = preScale.filter((p) => p.status === 'fuzzy');
  const disputedMusts = disputes.filter((d) => d.obligation === 'must');
  const tighten: string[] = [];
  // A must the respondents answered far apart is unverified: nobody can say it is in place.
  const divergentOnly = divergentMusts.filter((id) => !unmet.has(id) && !unverified.has(id));
  if (unmet.size || unverified.size || fuzzy.length || disputedMusts.length || divergentOnly.length)
    tighten.push(
      [
        disputedMusts.length ? `${disputedMusts.length} must answer${disputedMusts.length > 1 ? 's' : ''} disputed by the repository` : '',
        divergentOnly.length ? `${divergentOnly.length} must answer${divergentOnly.length > 1 ? 's' : ''} the respondents disagree on` : '',
        unmet.size ? `${unmet.size} must question${unmet.size > 1 ? 's' : ''} not met` : '',
        unverified.size ? `${unverified.size} must question${unverified.size > 1 ? 's' : ''} not verified` : '',
        fuzzy.length ? `${fuzzy.length === preScale.length ? `all ${fuzzy.length}` : `${fuzzy.length} of the ${preScale.length}`} pre-scale questions still fuzzy` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  for (const d of disputedMusts) tighten.push(`must disputed by the repository: "${text.get(d.question)}" (${d.question}): answered ${d.claimed}, but ${evidenceLine(d)}`);
  for (const id of divergentOnly) tighten.push(`must not verified, the respondents answered it far apart: "${text.get(id)}" (${id})`);
  for (const [id, fms] of unmet) tighten.push(`must not met (${fms.join(', ')}): "${text.get(id)}" (${id})`);
  for (const [id, fms] of unverified) tighten.push(`must not verified, answered unknown or left blank (${fms.join(', ')}): "${text.get(id)}" (${id})`);
  for (const p of fuzzy) {
    const entry = checklist.preScale.find((x) => x.id === p.id)!;
    tighten.push(`pre-scale question still fuzzy: "${entry.text}" (weak or unknown: ${p.fuzzyBecause.join(', ')})`);
  }
  if (tighten.length) return { id: 'tighten', reasons: dedupe(tighten) };

  const rules = checklist.scoring.scale;
  const blockers: string[] = [];
  const { overall } = scored;
  if (scored.partial) blockers.push('only part of the checklist was assessed; run the full assessment before scaling');
  if (overall.score === null || overall.score < rules.minOverall)
    blockers.push(`overall score ${fmt(overall.score)} is below ${rules.minOverall}`);
  for (const fm of scored.failureModes) {
    if (fm.applicable === 0 || scored.partial) continue;
    if (fm.score === null || fm.score < rules.minPerFailureMode)
      blockers.push(`${fm.id} scores ${fmt(fm.score)}, below ${rules.minPerFailureMode}`);
    if (fm.high > 0) blockers.push(`${fm.id} still has ${fm.high} high risk${fm.high > 1 ? 's' : ''}`);
  }
  // An unknown answer could be hiding the high risk a known answer would have shown.
  const hidden = [...new Set(scored.failureModes.flatMap((fm) => fm.unknownHighRisk))];
  if (hidden.length && !scored.partial)
    blockers.push(`${hidden.length} unknown answer${hidden.length > 1 ? 's' : ''} could each hide a high risk (${hidden.join(', ')})`);
  for (const d of disputes.filter((x) => x.severity === 'high'))
    blockers.push(`"${text.get(d.question)}" (${d.question}) is disputed by a high-severity finding: ${evidenceLine(d)}`);
  if (overall.coverage === null || overall.coverage < rules.minCoverage)
    blockers.push(`coverage ${fmt(overall.coverage)}% is below ${rules.minCoverage}% (too many unknowns to expand safely)`);
  if (blockers.length)
    return { id: 'pilot', reasons: ['every must is met and the pre-scale questions are clear, so one bounded workflow can go ahead', ...blockers.map((b) => `not yet scale: ${b}`)] };
  return {
    id: 'scale',
    reasons: [
      'every must is met and the pre-scale questions are clear',
      `overall score ${fmt(overall.score)} and every failure mode at or above ${rules.minPerFailureMode}, with no high risk`,
      `coverage ${fmt(overall.coverage)}%`,
    ],
  };
}

function evidenceLine(d: DisputeForVerdict): string {
  const [first] = d.findings;
  const more = d.findings.length > 1 ? ` (and ${d.findings.length - 1} more)` : '';
  return first ? `${first.where}: ${first.message}${more}` : 'the repository says otherwise';
}

function groupByQuestion(pairs: (readonly [string, string])[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, fm] of pairs) out.set(id, [...(out.get(id) ?? []), fm]);
  return out;
}

const fmt = (n: number | null): string => (n === null ? 'n/a' : String(n));
const dedupe = (xs: string[]): string[] => [...new Set(xs)];
