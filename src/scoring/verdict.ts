// The verdict in the article's terms: tighten, pilot or scale, always with its reasons.
import type { LoadedChecklist } from '../checklist/model.js';
import type { PreScaleResult } from './readiness.js';
import type { Scored } from './score.js';
import { disputedBy } from '../checklist/finding-key.js';

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

/** Whether the rollout is at pilot size (the checklist's rule over the answers), and that size in words. */
export interface PilotSizeForVerdict {
  /** Undefined when an answer the rule needs is unknown: not shown to be pilot size. */
  sized: boolean | undefined;
  label: string;
}

export interface VerdictInputs {
  disputes?: DisputeForVerdict[];
  divergentMusts?: string[];
  /** Absent when the checklist defines no pilot size: then every gap decides tighten. */
  pilotSize?: PilotSizeForVerdict;
  /** Context answers other answers contradict, as one line each. */
  contradictions?: string[];
}

/**
 * `scored` is the evidence-adjusted assessment when there is evidence. The rules, in order:
 * - tighten: a must to pilot is unmet, unverified or far apart between respondents, or any must
 *   is disputed by evidence (the control the verdict leans on is contested);
 * - a must to scale that is not met, or a before-you-scale question that is fuzzy or has nothing
 *   in scope, keeps the rollout at pilot: pilot when it is at pilot size (nothing smaller to
 *   shrink to), tighten when it has already grown beyond it (it scaled before answering);
 * - otherwise pilot or scale by the scale thresholds.
 */
export function decideVerdict(checklist: LoadedChecklist, scored: Scored, preScale: PreScaleResult[], inputs: VerdictInputs = {}): VerdictResult {
  const { disputes = [], divergentMusts = [], pilotSize, contradictions = [] } = inputs;
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const text = (id: string) => byId.get(id)?.text;
  const stageOf = (id: string) => byId.get(id)?.stage ?? 'pilot';
  // A question can inform several failure modes: name it once, with all of them.
  const unmet = groupByQuestion(scored.failureModes.flatMap((fm) => fm.unmetMusts.map((id) => [id, fm.id] as const)));
  const unverified = groupByQuestion(scored.failureModes.flatMap((fm) => fm.unknownMusts.map((id) => [id, fm.id] as const)));
  const disputedMusts = disputes.filter((d) => d.obligation === 'must');
  // A must the respondents answered far apart is unverified: nobody can say it is in place.
  const divergentOnly = divergentMusts.filter((id) => !unmet.has(id) && !unverified.has(id));
  const atStage = <T>(m: Map<string, T>, stage: 'pilot' | 'scale') => [...m].filter(([id]) => stageOf(id) === stage);
  const fuzzy = preScale.filter((p) => p.status === 'fuzzy');
  // Nothing in scope behind a before-you-scale question is not an answer to it (a partial
  // assessment is handled apart: it never reaches scale).
  const unassessed = scored.partial ? [] : preScale.filter((p) => p.status === 'not-assessed');
  const pilotGaps = {
    unmet: atStage(unmet, 'pilot'),
    unverified: atStage(unverified, 'pilot'),
    divergent: divergentOnly.filter((id) => stageOf(id) === 'pilot'),
  };
  const scaleGaps = {
    unmet: atStage(unmet, 'scale'),
    unverified: atStage(unverified, 'scale'),
    divergent: divergentOnly.filter((id) => stageOf(id) === 'scale'),
  };
  const blocksPilot = pilotGaps.unmet.length + pilotGaps.unverified.length + pilotGaps.divergent.length + disputedMusts.length > 0;
  const blocksScale = scaleGaps.unmet.length + scaleGaps.unverified.length + scaleGaps.divergent.length + fuzzy.length + unassessed.length > 0;

  const detail: string[] = [];
  for (const c of contradictions) detail.push(`answers contradict each other: ${c}`);
  for (const d of disputedMusts)
    detail.push(
      `must disputed by ${disputedBy(d.findings.map((f) => f.where))}: "${text(d.question)}" (${d.question}): answered ${d.claimed}, but ${evidenceLine(d)}`,
    );
  const mustLines = (gaps: typeof pilotGaps, stage: string) => [
    ...gaps.divergent.map((id) => `must ${stage} not verified, the respondents answered it far apart: "${text(id)}" (${id})`),
    ...gaps.unmet.map(([id, fms]) => `must ${stage} not met (${fms.join(', ')}): "${text(id)}" (${id})`),
    ...gaps.unverified.map(([id, fms]) => `must ${stage} not verified, answered unknown or left blank (${fms.join(', ')}): "${text(id)}" (${id})`),
  ];
  const pilotLines = mustLines(pilotGaps, 'to pilot');
  const scaleLines = [
    ...mustLines(scaleGaps, 'to scale'),
    ...fuzzy.map(
      (p) => `before-you-scale question still fuzzy: "${checklist.preScale.find((x) => x.id === p.id)!.text}" (weak or unknown: ${p.fuzzyBecause.join(', ')})`,
    ),
    ...unassessed.map(
      (p) =>
        `before-you-scale question not assessed, nothing behind it is in scope: "${checklist.preScale.find((x) => x.id === p.id)!.text}" (${checklist.preScale.find((x) => x.id === p.id)!.questions.join(', ')})`,
    ),
  ];
  const counts = (gaps: typeof pilotGaps, stage: string) => [
    gaps.divergent.length ? `${plural(gaps.divergent.length, 'must answer')} ${stage} the respondents disagree on` : '',
    gaps.unmet.length ? `${plural(gaps.unmet.length, 'must question')} ${stage} not met` : '',
    gaps.unverified.length ? `${plural(gaps.unverified.length, 'must question')} ${stage} not verified` : '',
  ];
  const scaleSummary = [
    ...counts(scaleGaps, 'to scale'),
    fuzzy.length
      ? `${fuzzy.length === preScale.length ? `all ${fuzzy.length}` : `${fuzzy.length} of the ${preScale.length}`} before-you-scale questions still fuzzy`
      : '',
    unassessed.length ? `${unassessed.length} before-you-scale question${unassessed.length > 1 ? 's' : ''} with nothing in scope` : '',
  ].filter(Boolean);

  if (blocksPilot) {
    const summary = [
      contradictions.length ? `${plural(contradictions.length, 'context answer')} contradicted by other answers` : '',
      disputedMusts.length
        ? `${plural(disputedMusts.length, 'must answer')} disputed by ${disputedBy(disputedMusts.flatMap((d) => d.findings.map((f) => f.where)))}`
        : '',
      ...counts(pilotGaps, 'to pilot'),
      ...scaleSummary,
    ].filter(Boolean);
    return { id: 'tighten', reasons: dedupe([summary.join('; '), ...detail, ...pilotLines, ...scaleLines]) };
  }
  if (blocksScale) {
    if (pilotSize?.sized) {
      return {
        id: 'pilot',
        reasons: dedupe([
          `every must to pilot is met and the rollout is at pilot size (${pilotSize.label}), so the bounded pilot can go on; before it grows: ${scaleSummary.join('; ')}`,
          ...detail,
          ...scaleLines.map((l) => `before you scale: ${l}`),
        ]),
      };
    }
    const size = !pilotSize
      ? 'this checklist defines no pilot size, so every gap has to close before the rollout goes on'
      : pilotSize.sized === false
        ? `the rollout is already beyond pilot size (${pilotSize.label}) without these answers: it scaled before answering them`
        : `pilot size (${pilotSize.label}) is not shown, an answer it needs being unknown, so the rollout is treated as grown beyond it`;
    return { id: 'tighten', reasons: dedupe([`${scaleSummary.join('; ')}; ${size}`, ...detail, ...scaleLines]) };
  }

  const rules = checklist.scoring.scale;
  const blockers: string[] = [...contradictions.map((c) => `answers contradict each other: ${c}`)];
  const { overall } = scored;
  if (scored.partial) blockers.push('only part of the checklist was assessed; run the full assessment before scaling');
  if (overall.score === null || overall.score < rules.minOverall) blockers.push(`overall score ${fmt(overall.score)} is below ${rules.minOverall}`);
  for (const fm of scored.failureModes) {
    if (fm.applicable === 0 || scored.partial) continue;
    if (fm.score === null || fm.score < rules.minPerFailureMode) blockers.push(`${fm.id} scores ${fmt(fm.score)}, below ${rules.minPerFailureMode}`);
    if (fm.high > 0) blockers.push(`${fm.id} still has ${fm.high} high risk${fm.high > 1 ? 's' : ''}`);
  }
  // An unknown answer could be hiding the high risk a known answer would have shown.
  const hidden = [...new Set(scored.failureModes.flatMap((fm) => fm.unknownHighRisk))];
  if (hidden.length && !scored.partial)
    blockers.push(`${hidden.length} unknown answer${hidden.length > 1 ? 's' : ''} could each hide a high risk (${hidden.join(', ')})`);
  for (const d of disputes.filter((x) => x.severity === 'high'))
    blockers.push(`"${text(d.question)}" (${d.question}) is disputed by a high-severity finding: ${evidenceLine(d)}`);
  if (overall.coverage === null || overall.coverage < rules.minCoverage)
    blockers.push(`coverage ${fmt(overall.coverage)}% is below ${rules.minCoverage}% (too many unknowns to expand safely)`);
  if (blockers.length)
    return {
      id: 'pilot',
      reasons: [
        'every must is met and the before-you-scale questions are clear, so one bounded workflow can go ahead',
        ...blockers.map((b) => `not yet scale: ${b}`),
      ],
    };
  return {
    id: 'scale',
    reasons: [
      'every must is met and the before-you-scale questions are clear',
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
const plural = (n: number, what: string): string => `${n} ${what}${n > 1 ? 's' : ''}`;
