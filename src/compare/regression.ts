// The no-regression gate: the current assessment against a saved baseline result. Pure. A drop
// in the verdict, a failure mode falling by more than the tolerance, or a high risk the baseline
// did not have fails the gate; what cannot be compared (questions only one side has) is listed.
import { compareReports } from './compare.js';
import type { Report } from '../report/model.js';

export type Regression = NonNullable<Report['regression']>;

export function findRegressions(baseline: Report, current: Report, tolerance: number, source: string): Regression {
  const c = compareReports(baseline, current);
  const before = new Map(baseline.questions.map((q) => [q.id, q]));
  const now = new Set(current.questions.map((q) => q.id));
  const newHighRisks = current.questions
    // An accepted risk (not yet expired) is on the record, as it is for --fail-on.
    .filter((q) => q.risk === 'high' && !(q.accepted && !q.accepted.expired) && before.has(q.id) && before.get(q.id)!.risk !== 'high')
    .map((q) => ({ id: q.id, text: q.text, before: before.get(q.id)!.answer, after: q.answer }));
  return {
    baseline: source,
    baselineDate: baseline.metadata.date,
    tolerance,
    verdict: c.verdictChange === 'worse' ? { from: baseline.verdict.id, to: current.verdict.id } : null,
    failureModes: c.failureModes
      .filter((f) => f.delta !== null && -f.delta > tolerance)
      .map((f) => ({ id: f.id, from: f.before!, to: f.after!, drop: -f.delta! })),
    newHighRisks,
    notCompared: [
      ...current.questions.filter((q) => !q.context && !before.has(q.id)).map((q) => `${q.id}: not in the baseline`),
      ...baseline.questions.filter((q) => !q.context && !now.has(q.id)).map((q) => `${q.id}: only in the baseline`),
      ...c.warnings,
    ],
  };
}

export function regressionFailures(r: Regression): string[] {
  const failures: string[] = [];
  const at = `--baseline ${r.baseline}`;
  if (r.verdict) failures.push(`${at}: the verdict dropped from ${r.verdict.from} to ${r.verdict.to}`);
  for (const f of r.failureModes) failures.push(`${at}: ${f.id} fell from ${f.from} to ${f.to} (${f.drop} points; tolerance ${r.tolerance})`);
  if (r.newHighRisks.length)
    failures.push(`${at}: ${r.newHighRisks.length} new high ${r.newHighRisks.length === 1 ? 'risk' : 'risks'} (${r.newHighRisks.map((q) => q.id).join(', ')})`);
  return failures;
}
