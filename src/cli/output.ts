// Terminal output: the summary a run prints. Colour comes from colour.ts.
import type { ChalkInstance } from 'chalk';
import type { Report } from '../report/model.js';
import { claimedText, rangeText } from '../render/report-view.js';
import { whoSaidWhat } from '../respondents/who.js';
import { bar, percent, wrap } from '../text.js';

export { colourFor } from './colour.js';

const verdictColour = { tighten: 'red', pilot: 'yellow', scale: 'green' } as const;

/** The terminal summary: verdict, one line per failure mode, and the first next steps. */
export function formatSummary(report: Report, c: ChalkInstance, width = 80, topSteps = 3): string {
  const w = Math.max(40, Math.min(width, 100));
  const lines: string[] = [];
  const v = report.verdict;
  const partial = report.scope.partial ? c.yellow(' (partial assessment)') : '';
  lines.push(`${c.bold[verdictColour[v.id]](`Verdict: ${v.id.toUpperCase()}`)}  ${c.dim(v.title)}${partial}`);
  const o = report.overall;
  if (o.basis) lines.push(...wrap(`Evidence: ${o.basis}`, w, '  '));
  lines.push(...wrap(`Overall ${rangeText(o.score, o.upTo, o.unknown)} · coverage ${percent(o.coverage)} (${o.answered}/${o.applicable} answered)`, w, '  '));
  const claimed = claimedText(o.score, o.claimedScore, report);
  if (claimed) lines.push(...wrap(`The answers score ${claimed}.`, w, '  '));
  const d = report.disputed;
  if (d.count) {
    lines.push('', c.bold.red(`${d.summary}:`));
    for (const x of d.first) lines.push(...wrap(`- ${x.where}: ${x.text} (${x.question}): ${x.message}`, w, '  '));
    if (d.count > d.first.length) lines.push(c.dim(`  … and ${d.count - d.first.length} more in the report`));
  }
  const dv = report.divergent;
  if (dv.count) {
    lines.push('', c.bold.red(`${dv.summary}:`));
    for (const x of dv.items.slice(0, 3)) lines.push(...wrap(`- ${x.question}: ${whoSaidWhat(x.responses)}`, w, '  '));
    if (dv.count > 3) lines.push(c.dim(`  … and ${dv.count - 3} more in the report`));
  }
  const h = report.history;
  if (h?.disagreements.length) {
    lines.push(
      '',
      c.bold.yellow(`The history disagrees with ${h.disagreements.length} ${h.disagreements.length === 1 ? 'answer' : 'answers'} (scores unchanged):`),
    );
    for (const x of h.disagreements.slice(0, 3)) lines.push(...wrap(`- ${x.question}: ${x.message}`, w, '  '));
    if (h.disagreements.length > 3) lines.push(c.dim(`  … and ${h.disagreements.length - 3} more in the report`));
  }
  lines.push('');
  for (const f of report.failureModes) {
    const score = percent(f.score).padStart(5);
    const upTo = f.upTo !== null && f.upTo !== f.score ? `≤${percent(f.upTo)}` : '';
    const risks = `${f.high} high ${f.medium} med`;
    const head = `${f.id} ${bar(f.score)} ${score} ${upTo.padEnd(6)} ${risks.padEnd(13)} `;
    const colour = f.score === null ? c.dim : f.high > 0 || f.unmetMusts.length ? c.red : f.score >= 75 ? c.green : c.yellow;
    lines.push(colour(head) + truncate(f.title, w - head.length));
  }
  const reasons = v.reasons.slice(0, 3);
  if (reasons.length) {
    lines.push('', c.bold('Why:'));
    for (const r of reasons) lines.push(...wrap(`- ${r}`, w, '  '));
    if (v.reasons.length > reasons.length) lines.push(c.dim(`  … and ${v.reasons.length - reasons.length} more in the report`));
  }
  const steps = report.nextSteps.slice(0, topSteps);
  if (steps.length) {
    lines.push('', c.bold('Next steps:'));
    steps.forEach((s, i) => lines.push(...wrap(`${i + 1}. ${s.text}`, w, '   ')));
  }
  return `${lines.join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  if (n <= 1) return '';
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
