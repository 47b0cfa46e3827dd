// Portfolio output: JSON (the contract), Markdown, CSV and one self-contained HTML page with an
// SVG heat map of teams by failure mode. Pure. Team names come from result files other people
// wrote: escaped for every format.
import { cell as csvCell } from '../render/formats/csv.js';
import { bandFill, bandMark, bandOf } from '../render/score-bands.js';
import { escapeMarkdown, mapStrings, percent } from '../text.js';
import type { Portfolio } from './build.js';

export function portfolioJson(p: Portfolio): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

const verdictMark = { tighten: '🛑 tighten', pilot: '🧪 pilot', scale: '🚀 scale' } as const;
/** Heat-map bands, the same thresholds the verdict uses: 60 per failure mode, 75 overall. */

export function portfolioMarkdown(raw: Portfolio): string {
  // Every string came from a result file someone else wrote: escape them all once, up front, and
  // keep them out of code spans (a backtick would end one).
  const p = mapStrings(raw, escapeMarkdown);
  const e = (s: string) => s;
  const out = [
    `# AI coding rollout portfolio${p.checklist ? `: ${e(p.checklist.title)}` : ''}`,
    '',
    `${p.teams.length} teams on checklist ${p.checklist ? `${p.checklist.id} ${p.checklist.version}` : 'none'} (${p.coverage.results} results read): ${p.verdicts.tighten} tighten, ${p.verdicts.pilot} pilot, ${p.verdicts.scale} scale. Mean coverage ${percent(p.coverage.meanCoverage)}; mean share of the weight corroborated by evidence ${percent(p.coverage.meanCorroborated)}.`,
    '',
    '## Teams by failure mode',
    '',
    `| Team | Verdict | Overall | ${p.failureModes.map((f) => f.id).join(' | ')} | High risks | Corroborated | Date |`,
    `|---|---|---:|${p.failureModes.map(() => '---:').join('|')}|---:|---:|---|`,
    ...p.teams.map(
      (t) =>
        `| ${e(t.team)} | ${verdictMark[t.verdict]} | ${percent(t.score)} | ${t.scores.map((s) => `${bandMark[bandOf(s)]} ${percent(s)}`).join(' | ')} | ${t.high} | ${percent(t.corroborated)} | ${t.date ?? 'n/a'} |`,
    ),
    '',
    'Bands: 🟥 under 40, 🟧 40 to 59, 🟨 60 to 74, 🟩 75 and over.',
    '',
    '## Weakest failure modes across the portfolio',
    '',
    '| Failure mode | Mean score | Teams under 60 |',
    '|---|---:|---:|',
    ...p.weakest.map((w) => `| ${w.id} ${e(w.title)} | ${percent(w.mean)} | ${w.belowSixty} |`),
    '',
    '## Next steps that recur most',
    '',
    '| Step | Teams |',
    '|---|---:|',
    ...p.recurringSteps.map((s) => `| ${e(s.text)} (${s.id}) | ${s.teams} |`),
    '',
    '## Regressed since the last result',
    '',
    ...(p.regressed.length ? p.regressed.map((r) => `- **${e(r.team)}**: ${r.what.map(e).join(', ')}`) : ['No team regressed since its previous result.']),
    '',
    '## Coverage',
    '',
    `${p.coverage.results} results from ${p.coverage.teams} teams. ${p.coverage.underNinety.length ? `Under 90% of applicable questions answered: ${p.coverage.underNinety.map(e).join(', ')}.` : 'Every team answered at least 90% of its applicable questions.'}`,
  ];
  if (p.otherVersions.length)
    out.push('', '## On another checklist or version (not compared)', '', ...p.otherVersions.map((o) => `- ${e(o.team)}: ${e(o.checklist)} (${e(o.file)})`));
  if (p.skipped.length) out.push('', '## Files not read', '', ...p.skipped.map((s) => `- ${e(s.file)}: ${e(s.reason)}`));
  return `${out.join('\n')}\n`;
}

export function portfolioCsv(p: Portfolio): string {
  const header = ['team', 'verdict', 'overall', ...p.failureModes.map((f) => f.id), 'high_risks', 'coverage', 'corroborated', 'date', 'regressed', 'file'];
  const rows = p.teams.map((t) =>
    [
      t.team,
      t.verdict,
      t.score ?? '',
      ...t.scores.map((s) => s ?? ''),
      t.high,
      t.coverage ?? '',
      t.corroborated ?? '',
      t.date ?? '',
      t.regressed.join('; '),
      t.file,
    ].map(String),
  );
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The heat map: a row per team, a column per failure mode, the score in each cell. */
export function heatMapSvg(p: Portfolio): string {
  const left = 310;
  const cell = { w: 64, h: 28 };
  const top = 30;
  const width = left + cell.w * p.failureModes.length + 10;
  const height = top + cell.h * p.teams.length + 10;
  const parts = [
    `<svg class="heatmap" role="img" aria-label="Scores of each team by failure mode" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  p.failureModes.forEach((f, j) =>
    parts.push(
      `<text x="${left + j * cell.w + cell.w / 2}" y="${top - 10}" text-anchor="middle" class="fm">${html(f.id)}<title>${html(f.title)}</title></text>`,
    ),
  );
  p.teams.forEach((t, i) => {
    const y = top + i * cell.h;
    const name = t.team.length > 36 ? `${t.team.slice(0, 35)}…` : t.team;
    parts.push(`<text x="${left - 8}" y="${y + 18}" text-anchor="end" class="team">${html(name)}<title>${html(t.team)}</title></text>`);
    t.scores.forEach((s, j) => {
      const x = left + j * cell.w;
      parts.push(
        `<g class="cell" data-team="${html(t.team)}" data-fm="${html(p.failureModes[j]!.id)}"><rect x="${x}" y="${y}" width="${cell.w - 2}" height="${cell.h - 2}" fill="${bandFill[bandOf(s)]}"/><text x="${x + cell.w / 2 - 1}" y="${y + 18}" text-anchor="middle" class="score">${s === null ? 'n/a' : Math.round(s)}</text></g>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

export function portfolioHtml(p: Portfolio): string {
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  const title = `AI coding rollout portfolio${p.checklist ? `: ${p.checklist.title}` : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; color: #1d2733; margin: 32px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 26px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 1px solid #d7dde5; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e8ee; } td.n { text-align: right; }
.heatmap { max-width: 100%; height: auto; } .heatmap text { font: 13px sans-serif; fill: #1d2733; } .heatmap .fm { font-weight: 600; }
.muted { color: #5b6b7d; } .verdict-tighten { color: #b3261e; } .verdict-pilot { color: #8a5a00; } .verdict-scale { color: #1e6b35; }
@media print { h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>${html(title)}</h1>
<p>${p.teams.length} teams on checklist ${html(p.checklist ? `${p.checklist.id} ${p.checklist.version}` : 'none')} (${p.coverage.results} results read): ${p.verdicts.tighten} tighten, ${p.verdicts.pilot} pilot, ${p.verdicts.scale} scale. Mean coverage ${percent(p.coverage.meanCoverage)}; mean share of the weight corroborated by evidence ${percent(p.coverage.meanCorroborated)}.</p>
<h2>Teams by failure mode</h2>
<figure>${heatMapSvg(p)}<figcaption class="muted">Red under 40, orange 40 to 59, yellow 60 to 74, green 75 and over. Weakest teams first.</figcaption></figure>
<table><thead><tr><th>Team</th><th>Verdict</th><th>Overall</th><th>High risks</th><th>Coverage</th><th>Corroborated</th><th>Date</th></tr></thead><tbody>
${p.teams.map((t) => `<tr><td>${html(t.team)}</td><td class="verdict-${t.verdict}">${t.verdict}</td><td class="n">${percent(t.score)}</td><td class="n">${t.high}</td><td class="n">${percent(t.coverage)}</td><td class="n">${percent(t.corroborated)}</td><td>${html(t.date ?? 'n/a')}</td></tr>`).join('\n')}
</tbody></table>
<h2>Weakest failure modes across the portfolio</h2>
<table><thead><tr><th>Failure mode</th><th>Mean score</th><th>Teams under 60</th></tr></thead><tbody>
${p.weakest.map((w) => `<tr><td>${html(`${w.id} ${w.title}`)}</td><td class="n">${percent(w.mean)}</td><td class="n">${w.belowSixty}</td></tr>`).join('\n')}
</tbody></table>
<h2>Next steps that recur most</h2>
<table><thead><tr><th>Step</th><th>Teams</th></tr></thead><tbody>
${p.recurringSteps.map((s) => `<tr><td>${html(s.text)}</td><td class="n">${s.teams}</td></tr>`).join('\n')}
</tbody></table>
<h2>Regressed since the last result</h2>
${p.regressed.length ? list(p.regressed.map((r) => `<strong>${html(r.team)}</strong>: ${html(r.what.join(', '))}`)) : '<p>No team regressed since its previous result.</p>'}
<h2>Coverage</h2>
<p>${p.coverage.results} results from ${p.coverage.teams} teams. ${p.coverage.underNinety.length ? `Under 90% of applicable questions answered: ${html(p.coverage.underNinety.join(', '))}.` : 'Every team answered at least 90% of its applicable questions.'}</p>
${p.otherVersions.length ? `<h2>On another checklist or version (not compared)</h2>${list(p.otherVersions.map((o) => `${html(o.team)}: ${html(o.checklist)} <span class="muted">(${html(o.file)})</span>`))}` : ''}
${p.skipped.length ? `<h2>Files not read</h2>${list(p.skipped.map((s) => `<code>${html(s.file)}</code>: ${html(s.reason)}`))}` : ''}
</body>
</html>
`;
}
