// The history section of a report, prepared for templates: rows, texts and chart geometry. Pure.
// Shared by Markdown (strings already escaped for Markdown) and HTML (Handlebars escapes).
import type { ReportHistory } from '../report/model.js';
import { mermaidBody, reworkText, share, windowText } from '../history/render.js';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function historyView(h: ReportHistory | null) {
  if (!h) return null;
  return {
    ...h,
    windowText: windowText(h),
    toolRows: h.tools.map((t) => ({
      ...t,
      shareText: share(t.share),
      rework14Text: reworkText(t.rework14),
      rework30Text: reworkText(t.rework30),
    })),
    monthRows: h.months.map((m) => ({
      ...m,
      shareText: share(m.agentShare),
      agentReworkText: share(m.agentRework30),
      humanReworkText: share(m.humanRework30),
    })),
    trendText: h.trend
      ? `from ${h.trend.from} to ${h.trend.to}: agent share ${share(h.trend.agentShare[0])} → ${share(h.trend.agentShare[1])}, agent rework within 30 days ${share(h.trend.agentRework30[0])} → ${share(h.trend.agentRework30[1])}`
      : null,
    mermaid: h.months.length > 1 ? mermaidBody(h) : null,
    chart: h.months.length ? svgChart(h) : null,
    pullRequestRows: h.pullRequests
      ? [
          { who: 'Agents', ...h.pullRequests.agent, hours: h.pullRequests.agent.medianHoursToMerge ?? 'n/a' },
          { who: 'People', ...h.pullRequests.human, hours: h.pullRequests.human.medianHoursToMerge ?? 'n/a' },
        ]
      : null,
  };
}

/** Bars for the monthly agent share, lines for agent and people's rework, on one 0-100% axis. */
function svgChart(h: ReportHistory) {
  const width = 640;
  const height = 220;
  const left = 40;
  const top = 10;
  const plot = { width: width - left - 10, height: 160 };
  const step = plot.width / h.months.length;
  const y = (p: number) => Math.round((top + plot.height - (p / 100) * plot.height) * 10) / 10;
  const x = (i: number) => Math.round((left + step * i + step / 2) * 10) / 10;
  const line = (get: (m: ReportHistory['months'][number]) => number | null) =>
    h.months
      .map((m, i) => ({ i, v: pct(get(m)) }))
      .filter((p) => p.v !== null)
      .map((p) => `${x(p.i)},${y(p.v!)}`)
      .join(' ');
  const barWidth = Math.max(4, Math.round(step * 0.6 * 10) / 10);
  return {
    width,
    height,
    axisY: top + plot.height,
    left,
    right: width - 10,
    gridLines: [0, 50, 100].map((p) => ({ y: y(p), label: `${p}%` })),
    bars: h.months.map((m, i) => {
      const value = pct(m.agentShare) ?? 0;
      return {
        x: Math.round((x(i) - barWidth / 2) * 10) / 10,
        y: y(value),
        width: barWidth,
        height: Math.round((top + plot.height - y(value)) * 10) / 10,
        label: m.month,
        value: share(m.agentShare),
        labelX: x(i),
        labelY: top + plot.height + 16,
      };
    }),
    agentLine: line((m) => m.agentRework30),
    humanLine: line((m) => m.humanRework30),
  };
}
