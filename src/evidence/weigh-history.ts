// Holds the git history against the answers. Pure. Unlike the scanner's findings, the history
// never changes an answer or a score: its figures are approximations over one repository, so it
// proposes answers where there are none and shows where it disagrees, beside the claim.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { Answers } from '../answers/model.js';
import type { HistoryResult } from '../history/model.js';
import { historySignals } from '../history/signals.js';
import type { ReportHistory } from './model.js';
import { inBand } from '../answers/validate.js';
import type { EvidenceMap } from '../checklist/evidence-map.js';

export function weighHistory(checklist: LoadedChecklist, answers: Answers, history: HistoryResult, map: EvidenceMap | undefined): ReportHistory {
  const signals = historySignals(history);
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const disagreements: ReportHistory['disagreements'] = [];
  const proposals: ReportHistory['proposals'] = [];
  for (const entry of map?.history ?? []) {
    const q = byId.get(entry.question);
    const signal = signals.find((s) => s.id === entry.signal);
    if (!q || !signal) continue;
    const value = answers.answers[q.id]?.value;
    if (!value || value.kind === 'unknown') {
      const proposed = proposal(q, entry.proposes, signal.value);
      if (proposed) proposals.push({ question: q.id, questionText: q.text, proposed, signal: signal.id, because: signal.message });
      continue;
    }
    if (disagrees(q, entry.disagrees, value, signal.value))
      disagreements.push({
        question: q.id,
        questionText: q.text,
        claimed: claimedLabel(q, value),
        signal: signal.id,
        severity: signal.severity,
        failureMode: signal.failureMode,
        message: signal.message,
      });
  }
  const order = (id: string) => byId.get(id)!.index;
  return {
    ...history,
    signals: signals.map(({ value: _value, ...s }) => s),
    disagreements: disagreements.sort((a, b) => order(a.question) - order(b.question)),
    proposals: proposals.sort((a, b) => order(a.question) - order(b.question)),
  };
}

type Value = NonNullable<Answers['answers'][string]>['value'];

function disagrees(q: ResolvedQuestion, rule: string[] | 'better-band' | undefined, value: Value, measured: number | undefined): boolean {
  if (rule === undefined) return false;
  if (rule === 'better-band') {
    if (value.kind !== 'number' || measured === undefined) return false;
    const band = (n: number) => q.bands.find((b) => inBand(b, n));
    return (band(value.value)?.score ?? 0) > (band(measured)?.score ?? 0);
  }
  return value.kind === 'choices' && value.ids.some((id) => rule.includes(id));
}

function proposal(q: ResolvedQuestion, proposes: string | string[] | undefined, measured: number | undefined): string | undefined {
  if (proposes === undefined) return undefined;
  if (proposes === 'measured') return measured === undefined ? undefined : `${measured}${q.unit ?? ''}`;
  const ids = Array.isArray(proposes) ? proposes : [proposes];
  return ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ');
}

function claimedLabel(q: ResolvedQuestion, value: Value): string {
  if (value.kind === 'number') return `${value.value}${q.unit ?? ''}`;
  if (value.kind === 'na') return 'Not applicable';
  if (value.kind !== 'choices') return 'Unknown';
  return value.ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ');
}
