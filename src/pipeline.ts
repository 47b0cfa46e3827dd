// The pipeline: load -> validate -> collect -> score -> build report -> render. Loading touches
// disk; everything after it is pure. Nothing here prints or exits: the CLI does that.
import type { LoadedChecklist } from './checklist/model.js';
import type { Answers } from './answers/model.js';
import { validateAnswers } from './answers/validate.js';
import { InputError, type Problem } from './errors.js';
import { evidenceMapFor, loadEvidenceMap } from './load/evidence-map.js';
import { weighEvidence, type Weighed } from './evidence/weigh.js';
import { weighHistory } from './evidence/weigh-history.js';
import type { HistoryResult } from './history/model.js';
import { loadChecklist } from './load/checklist.js';
import { readUserFile } from './io/files.js';
import { loadTemplates, readPackageVersion } from './io/artefacts.js';
import { buildReport } from './report/build.js';
import type { Report, ReportHistory } from './report/model.js';
import { formatIds, loadFormat } from './render/formats/index.js';
import { readyTemplates } from './render/templates.js';
import { evaluateGates, type GateOptions } from './scoring/gates.js';
import { planNextSteps } from './scoring/plan.js';
import type { Merged } from './respondents/merge.js';
import { respondentParts } from './report/respondent-parts.js';
import { agreeSteps, scoreEach } from './respondents/plan.js';
import { beforeScaleGaps, judgeCharacteristics, judgePreScale } from './scoring/readiness.js';
import { scoreAssessment, type Scored } from './scoring/score.js';
import { decideVerdict } from './scoring/verdict.js';
import { evaluateCondition } from './scoring/applicability.js';
import { checkContext, contradictionLine } from './evidence/context-rules.js';

/** Malformed acknowledgements are set aside and handed to `warn`: they settle nothing. */
export function loadAnswers(checklist: LoadedChecklist, file: string, warn: (p: Problem) => void = () => {}): Answers {
  const text = readUserFile(file);
  const result = validateAnswers(checklist, file, text, { evidenceMap: evidenceMapFor(checklist, text), acknowledgements: 'warn' });
  if (!result.ok) throw new InputError(result.problems);
  result.warnings.forEach(warn);
  return result.answers;
}

/** Where the evidence comes from: a repository to scan, a saved platform bundle, or both. */
export interface EvidenceInputs {
  scan?: string;
  exclude?: readonly string[];
  platform?: string;
}

/** Scans a repository and reads a platform bundle, and weighs what they show against the answers. */
export async function collectEvidence(inputs: EvidenceInputs, checklist: LoadedChecklist, answers: Answers): Promise<Weighed> {
  // The scanner (its detectors and parsers) is loaded only by runs that scan.
  const scan = inputs.scan ? await (await import('./scan/scan-directory.js')).scanDirectory(inputs.scan, inputs.exclude ?? []) : undefined;
  const platform = inputs.platform ? (await import('./load/platform.js')).loadPlatformEvidence(inputs.platform) : undefined;
  return weighEvidence(checklist, answers, { scan, platform }, loadEvidenceMap(checklist));
}

/** Holds the git history against the answers: proposals and disagreements, never a changed answer. */
export function weighHistoryEvidence(checklist: LoadedChecklist, answers: Answers, history: HistoryResult): ReportHistory {
  return weighHistory(checklist, answers, history, loadEvidenceMap(checklist));
}

export interface Assessment {
  report: Report;
  scored: Scored;
}

/**
 * Pure: scores the answers against the checklist and builds the report. With evidence, the
 * verdict, scores and gates read the evidence-adjusted answers; the claims are kept beside them.
 */
export function assess(
  checklist: LoadedChecklist,
  answers: Answers,
  toolVersion: string,
  weighed?: Weighed,
  history?: ReportHistory,
  team?: { merged: Merged; files: Answers[] },
): Assessment {
  const claimed = scoreAssessment(checklist, answers);
  // Context answers are held against each other after the repository has had its say: one
  // mechanism (a contradicted scope claim reopens what it hid), two sources.
  const context = checkContext(checklist, weighed?.adjusted ?? answers, answers);
  const adjusted = weighed || context.contradictions.length ? context.adjusted : undefined;
  const scored = adjusted ? scoreAssessment(checklist, adjusted) : claimed;
  const pilotSize = checklist.pilotSize
    ? { sized: evaluateCondition(checklist.pilotSize.when, (adjusted ?? answers).answers), label: checklist.pilotSize.label }
    : undefined;
  // Where respondents disagree the answer is fuzzy by definition, whatever it merged to.
  const divergent = new Set(team?.merged.divergent.map((d) => d.question) ?? []);
  const preScale = judgePreScale(checklist, scored.questions).map((p) => {
    const behind = checklist.preScale.find((x) => x.id === p.id)!.questions.filter((id) => divergent.has(id) && !p.fuzzyBecause.includes(id));
    return behind.length && p.status !== 'not-assessed' ? { ...p, status: 'fuzzy' as const, fuzzyBecause: [...p.fuzzyBecause, ...behind] } : p;
  });
  const divergentMusts = checklist.questions.filter((q) => divergent.has(q.id) && q.obligation === 'must').map((q) => q.id);
  const verdict = decideVerdict(checklist, scored, preScale, {
    disputes: weighed?.evidence.disputes,
    divergentMusts,
    pilotSize,
    contradictions: context.contradictions.map(contradictionLine),
  });
  // A pilot held back from scale works on what scaling needs first: the before-you-scale gaps.
  const first = verdict.id === 'pilot' ? beforeScaleGaps(checklist, scored, preScale) : new Set<string>();
  const report = buildReport({
    tool: { name: 'rollout-check', version: toolVersion },
    checklist,
    answers,
    scored,
    claimed: adjusted ? claimed : undefined,
    verdict,
    preScale,
    characteristics: judgeCharacteristics(checklist, scored.questions),
    plan: [...agreeSteps(checklist, team?.merged), ...planNextSteps(checklist, scored.questions, first)],
    contradictions: context.contradictions,
    stage: pilotSize ? { pilotSized: pilotSize.sized ?? null, pilotSize: pilotSize.label } : null,
    evidence: weighed?.evidence,
    history,
    respondents: team ? respondentParts(checklist, team.merged, scoreEach(checklist, team.files)) : undefined,
  });
  return { report, scored };
}

/** Renders the report in a format, loading the format (and nothing else) on first use. */
export async function renderReport(report: Report, formatId: string, templatesDir?: string): Promise<string> {
  const format = await loadFormat(formatId);
  if (!format) throw new InputError(`unknown format "${formatId}" (formats: ${formatIds.join(', ')})`);
  return format.render(report, format.templates ? await readyTemplates(loadTemplates(format.templates, templatesDir)) : {});
}

export { evaluateGates, loadChecklist, loadEvidenceMap, readPackageVersion, type GateOptions };
