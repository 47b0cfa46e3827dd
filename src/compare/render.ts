// Renders a comparison as Markdown (templates/compare) or as a terminal summary.
import type { ChalkInstance } from 'chalk';
import { renderTemplates, type TemplateSet } from '../render/templates.js';
import { escapeMarkdown, mapStrings, percent } from '../text.js';
import type { Comparison } from './compare.js';

const signed = (n: number | null): string => (n === null ? 'n/a' : n > 0 ? `+${n}` : String(n));

export function compareMarkdown(c: Comparison, templates: TemplateSet): string {
  const e = mapStrings(c, escapeMarkdown);
  const changes = (list: Comparison['risksClosed']) => list.map((x) => ({ ...x, failureModesText: x.failureModes.join(', ') }));
  const view = {
    ...e,
    heading: e.before.name === e.after.name ? e.after.name : `${e.before.name} and ${e.after.name}`,
    beforeScore: percent(e.before.score),
    afterScore: percent(e.after.score),
    overallDeltaText: signed(e.overallDelta),
    rows: e.failureModes.map((f) => ({ ...f, beforeText: percent(f.before), afterText: percent(f.after), deltaText: signed(f.delta) })),
    risksClosed: changes(e.risksClosed),
    newRisks: changes(e.newRisks),
    regressions: changes(e.regressions),
    improvements: changes(e.improvements),
    spreadRows: e.spreads.map((s) => ({
      ...s,
      beforeText: s.before === null ? 'n/a' : String(Math.round(s.before * 100)),
      afterText: s.after === null ? 'n/a' : String(Math.round(s.after * 100)),
      mark: s.narrowed ? 'narrowed' : s.after !== null && s.before !== null && s.after > s.before ? 'wider' : 'same',
    })),
  };
  return `${renderTemplates(templates, 'compare', view, {}, false)
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

export function compareSummary(x: Comparison, c: ChalkInstance): string {
  const lines: string[] = [`Comparing ${x.before.name} (${x.before.date ?? 'undated'}) with ${x.after.name} (${x.after.date ?? 'undated'})`];
  for (const w of x.warnings) lines.push(c.yellow(`Warning: ${w}.`));
  const tone = x.verdictChange === 'better' ? c.green : x.verdictChange === 'worse' ? c.red : (s: string) => s;
  lines.push(tone(`Verdict: ${x.before.verdict.toUpperCase()} -> ${x.after.verdict.toUpperCase()} (${x.verdictChange})`));
  lines.push(`Overall: ${percent(x.before.score)} -> ${percent(x.after.score)} (${signed(x.overallDelta)})`, '');
  for (const f of x.failureModes) {
    const d = signed(f.delta);
    const colour = f.delta === null || f.delta === 0 ? (s: string) => s : f.delta > 0 ? c.green : c.red;
    lines.push(`${f.id} ${percent(f.before).padStart(6)} -> ${percent(f.after).padStart(6)}  ${colour(d.padStart(6))}  ${f.title}`);
  }
  lines.push(
    '',
    `Risks closed: ${x.risksClosed.length} · new risks: ${x.newRisks.length} · regressions: ${x.regressions.length} · improvements: ${x.improvements.length}`,
  );
  for (const r of x.regressions) lines.push(c.red(`  regressed: ${r.id} (${r.before} -> ${r.after})`));
  for (const r of x.newRisks) lines.push(c.red(`  new risk: ${r.id} (${r.after})`));
  for (const s of x.spreads)
    lines.push(
      `  respondents' spread on ${s.id}: ${s.before === null ? 'n/a' : Math.round(s.before * 100)} -> ${s.after === null ? 'n/a' : Math.round(s.after * 100)} points${s.narrowed ? ' (narrowed)' : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
