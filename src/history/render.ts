// `rollout-check history` output: JSON (the contract), Markdown and plain text. Pure. The result
// holds counts, months and tool ids, never a commit message or a person's name; the one string
// taken from the repository (the branch name) is escaped for Markdown by the caller's escaper.
import { escapeMarkdown, percent } from '../text.js';
import type { HistoryResult, Rework, ToolHistory } from './model.js';

export function historyJson(r: HistoryResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

export const share = (x: number | null): string => (x === null ? 'n/a' : percent(Math.round(x * 1000) / 10));
export const reworkText = (w: Rework): string => (w.rate === null ? 'n/a' : `${share(w.rate)} (${w.reworked} of ${w.lines} lines)`);
const reached = (t: ToolHistory): string => `${t.reachedByMerge} merged, ${t.reachedBySquash} squashed, ${t.pushedDirectly} pushed directly`;

/** ", 331 to automation", when bots and updaters made commits: they are neither agents nor people. */
function automationText(r: HistoryResult): string {
  const n = r.tools.filter((t) => t.kind === 'automation').reduce((s, t) => s + t.commits, 0);
  return n ? `, ${n} to automation` : '';
}

export function windowText(r: HistoryResult): string {
  const anchor = r.window.anchor === 'metadata-date' ? "the answers file's date" : 'the newest commit';
  return r.window.since ? `${r.window.since} to ${r.window.until} (${r.window.asked}, counted back from ${anchor})` : `all history to ${r.window.until}`;
}

export function historyText(r: HistoryResult): string {
  const lines = [
    `History of ${r.root} (${r.branch}), ${windowText(r)}`,
    `${r.commits} commits and ${r.merges} merges; ${r.attribution.agentCommits} commits attributed to agents${automationText(r)}; ${r.attribution.commitsWithTrailers} carry trailers.`,
    '',
  ];
  for (const t of r.tools) {
    lines.push(
      `${t.name} [${t.id}]: ${t.commits} commits (${share(t.share)}), +${t.linesAdded} -${t.linesRemoved} lines, ${t.filesTouched} files, median commit ${t.medianCommitSize} lines`,
    );
    lines.push(`  reverted ${t.reverts}, fix follow-ups ${t.fixFollowUps}, rework in 14 days ${reworkText(t.rework14)}, in 30 days ${reworkText(t.rework30)}`);
    lines.push(`  reached ${r.branch}: ${reached(t)}`);
  }
  if (r.months.length) {
    lines.push('', 'Month     commits  agent share  agent rework 30d  human rework 30d');
    for (const m of r.months)
      lines.push(
        `${m.month}  ${String(m.commits).padStart(7)}  ${share(m.agentShare).padStart(11)}  ${share(m.agentRework30).padStart(16)}  ${share(m.humanRework30).padStart(16)}`,
      );
  }
  if (r.trend)
    lines.push(
      '',
      `Trend ${r.trend.from} to ${r.trend.to}: agent share ${share(r.trend.agentShare[0])} to ${share(r.trend.agentShare[1])}, agent rework ${share(r.trend.agentRework30[0])} to ${share(r.trend.agentRework30[1])}`,
    );
  if (r.pullRequests) lines.push('', ...pullRequestLines(r));
  if (r.limits.length) lines.push('', 'Limits:', ...r.limits.map((l) => `  - ${l}`));
  return `${lines.join('\n')}\n`;
}

function pullRequestLines(r: HistoryResult): string[] {
  const p = r.pullRequests!;
  const row = (name: string, g: typeof p.human) =>
    `${name}: ${g.count} merged, ${g.mergedWithoutReview} with no review, median ${g.medianReviews} reviews and ${g.medianRounds} rounds, median ${g.medianHoursToMerge ?? 'n/a'} hours to merge`;
  return [`Pull requests (${p.source}): ${p.total} merged`, `  ${row('agents', p.agent)}`, `  ${row('people', p.human)}`];
}

/** The Markdown body shared by `history --format md` and the report's history section. */
export function historyMarkdownBody(r: HistoryResult, level = '##'): string {
  const e = escapeMarkdown;
  const out = [
    `Branch \`${e(r.branch)}\`, ${windowText(r)}: ${r.commits} commits and ${r.merges} merges; ${r.attribution.agentCommits} commits attributed to agents${automationText(r)}, ${r.attribution.commitsWithTrailers} carry trailers.`,
    '',
    '| Who | Commits | Share | Lines +/- | Median size | Reverted | Fix follow-ups | Rework 14 d | Rework 30 d | Merged / squashed / pushed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...r.tools.map(
      (t) =>
        `| ${e(t.name)} (\`${t.id}\`) | ${t.commits} | ${share(t.share)} | +${t.linesAdded} / -${t.linesRemoved} | ${t.medianCommitSize} | ${t.reverts} | ${t.fixFollowUps} | ${reworkText(t.rework14)} | ${reworkText(t.rework30)} | ${t.reachedByMerge} / ${t.reachedBySquash} / ${t.pushedDirectly} |`,
    ),
  ];
  if (r.months.length > 1) out.push('', mermaidChart(r));
  if (r.months.length) {
    out.push('', '| Month | Commits | Agent share | Agent rework 30 d | Human rework 30 d |', '|---|---:|---:|---:|---:|');
    for (const m of r.months) out.push(`| ${m.month} | ${m.commits} | ${share(m.agentShare)} | ${share(m.agentRework30)} | ${share(m.humanRework30)} |`);
  }
  if (r.trend)
    out.push(
      '',
      `Trend from ${r.trend.from} to ${r.trend.to}: agent share ${share(r.trend.agentShare[0])} → ${share(r.trend.agentShare[1])}, agent rework within 30 days ${share(r.trend.agentRework30[0])} → ${share(r.trend.agentRework30[1])}.`,
    );
  if (r.pullRequests) {
    const p = r.pullRequests;
    const row = (name: string, g: typeof p.human) =>
      `| ${name} | ${g.count} | ${g.mergedWithoutReview} | ${g.medianReviews} | ${g.medianRounds} | ${g.medianHoursToMerge ?? 'n/a'} | ${g.sizes.upTo50} / ${g.sizes.upTo250} / ${g.sizes.upTo1000} / ${g.sizes.over1000} |`;
    out.push(
      '',
      `${level}# Pull requests`,
      '',
      `From \`${e(p.source)}\` (${p.total} merged).`,
      '',
      '| Opened by | Merged | No review | Median reviews | Median rounds | Median hours to merge | Size ≤50 / ≤250 / ≤1000 / more |',
      '|---|---:|---:|---:|---:|---:|---|',
      row('Agents', p.agent),
      row('People', p.human),
    );
  }
  if (r.limits.length) out.push('', '**Limits:**', '', ...r.limits.map((l) => `- ${e(l)}`));
  return out.join('\n');
}

export function historyMarkdown(r: HistoryResult): string {
  return `# What the history shows\n\n${historyMarkdownBody(r)}\n`;
}

/** Monthly agent share and agent rework as a Mermaid chart (GitHub renders it), fenced. */
export function mermaidChart(r: Pick<HistoryResult, 'months'>): string {
  return ['```mermaid', mermaidBody(r), '```'].join('\n');
}

/** The chart without its fence: the report's template writes the fence itself. */
export function mermaidBody(r: Pick<HistoryResult, 'months'>): string {
  const pct = (x: number | null) => (x === null ? 0 : Math.round(x * 1000) / 10);
  return [
    'xychart-beta',
    '  title "Agent share of commits (bars), agent rework within 30 days (line; 0 until measurable), %"',
    `  x-axis [${r.months.map((m) => `"${m.month}"`).join(', ')}]`,
    '  y-axis "%" 0 --> 100',
    `  bar [${r.months.map((m) => pct(m.agentShare)).join(', ')}]`,
    `  line [${r.months.map((m) => pct(m.agentRework30)).join(', ')}]`,
  ].join('\n');
}
