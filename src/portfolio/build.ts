// The portfolio: many saved results rolled up, never re-scored. Pure. A team's latest result (by
// metadata.date, then file name) is its current one; an earlier one is what "regressed since
// the last result" compares with. Results on another checklist or version than most teams use
// are listed apart, because their scores do not compare.
import type { Summary } from './summary.js';
import { byText } from '../order.js';

export const portfolioSchemaVersion = '1.0.0';
const verdictRank = { tighten: 0, pilot: 1, scale: 2 } as const;

export interface PortfolioTeam {
  team: string;
  file: string;
  date: string | null;
  verdict: Summary['verdict'];
  score: number | null;
  coverage: number | null;
  corroborated: number | null;
  scores: (number | null)[];
  high: number;
  previous: { file: string; date: string | null; verdict: Summary['verdict']; score: number | null } | null;
  regressed: string[];
}

export interface Portfolio {
  schemaVersion: string;
  kind: 'rollout-check-portfolio';
  checklist: { id: string; version: string; title: string } | null;
  failureModes: { id: string; title: string }[];
  teams: PortfolioTeam[];
  verdicts: { tighten: number; pilot: number; scale: number };
  weakest: { id: string; title: string; mean: number | null; belowSixty: number }[];
  recurringSteps: { id: string; text: string; teams: number }[];
  regressed: { team: string; what: string[] }[];
  coverage: { results: number; teams: number; meanCoverage: number | null; underNinety: string[]; meanCorroborated: number | null };
  otherVersions: { team: string; file: string; checklist: string }[];
  skipped: { file: string; reason: string }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const byDateThenFile = (a: Summary, b: Summary) => byText(a.date ?? '', b.date ?? '') || byText(a.file, b.file);

export function buildPortfolio(summaries: Summary[], skipped: { file: string; reason: string }[]): Portfolio {
  const byTeam = new Map<string, Summary[]>();
  for (const s of summaries) byTeam.set(s.team, [...(byTeam.get(s.team) ?? []), s]);
  const latest = [...byTeam.values()].map((list) => list.sort(byDateThenFile));
  // The checklist most teams' current results use is the portfolio's; the rest are listed apart.
  const versions = new Map<string, number>();
  for (const list of latest) {
    const c = list.at(-1)!.checklist;
    versions.set(`${c.id}@${c.version}`, (versions.get(`${c.id}@${c.version}`) ?? 0) + 1);
  }
  const main = [...versions].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]?.[0];
  const sameChecklist = (s: Summary) => `${s.checklist.id}@${s.checklist.version}` === main;
  const teams: PortfolioTeam[] = [];
  const otherVersions: Portfolio['otherVersions'] = [];
  let failureModes: Portfolio['failureModes'] = [];
  let checklist: Portfolio['checklist'] = null;
  for (const list of latest) {
    const current = list.at(-1)!;
    if (!sameChecklist(current)) {
      otherVersions.push({ team: current.team, file: current.file, checklist: `${current.checklist.id} ${current.checklist.version}` });
      continue;
    }
    checklist ??= current.checklist;
    if (!failureModes.length) failureModes = current.failureModes.map((f) => ({ id: f.id, title: f.title }));
    const before = list.slice(0, -1).filter(sameChecklist).at(-1);
    teams.push({
      team: current.team,
      file: current.file,
      date: current.date,
      verdict: current.verdict,
      score: current.score,
      coverage: current.coverage,
      corroborated: current.corroborated,
      scores: current.failureModes.map((f) => f.score),
      high: current.failureModes.reduce((s, f) => s + f.high, 0),
      previous: before ? { file: before.file, date: before.date, verdict: before.verdict, score: before.score } : null,
      regressed: before ? regressions(before, current) : [],
    });
  }
  // Weakest first; the heat map reads top to bottom from the teams that need help most.
  teams.sort((a, b) => verdictRank[a.verdict] - verdictRank[b.verdict] || (a.score ?? -1) - (b.score ?? -1) || byText(a.team, b.team));
  const weakest = failureModes
    .map((f, i) => {
      const scores = teams.map((t) => t.scores[i]).filter((x): x is number => x !== null && x !== undefined);
      return {
        id: f.id,
        title: f.title,
        mean: scores.length ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
        belowSixty: scores.filter((x) => x < 60).length,
      };
    })
    .sort((a, b) => (a.mean ?? 101) - (b.mean ?? 101) || byText(a.id, b.id));
  const steps = new Map<string, { id: string; text: string; teams: number }>();
  for (const list of latest) {
    const current = list.at(-1)!;
    if (!sameChecklist(current)) continue;
    for (const s of new Map(current.steps.map((x) => [x.id, x])).values()) {
      const entry = steps.get(s.id) ?? { id: s.id, text: s.text, teams: 0 };
      entry.teams++;
      steps.set(s.id, entry);
    }
  }
  const coverages = teams.map((t) => t.coverage).filter((x): x is number => x !== null);
  const corroborated = teams.map((t) => t.corroborated).filter((x): x is number => x !== null);
  return {
    schemaVersion: portfolioSchemaVersion,
    kind: 'rollout-check-portfolio',
    checklist,
    failureModes,
    teams,
    verdicts: {
      tighten: teams.filter((t) => t.verdict === 'tighten').length,
      pilot: teams.filter((t) => t.verdict === 'pilot').length,
      scale: teams.filter((t) => t.verdict === 'scale').length,
    },
    weakest,
    recurringSteps: [...steps.values()].sort((a, b) => b.teams - a.teams || byText(a.id, b.id)).slice(0, 10),
    regressed: teams
      .filter((t) => t.regressed.length)
      .map((t) => ({ team: t.team, what: t.regressed }))
      .sort((a, b) => byText(a.team, b.team)),
    coverage: {
      results: summaries.length,
      teams: byTeam.size,
      meanCoverage: coverages.length ? round1(coverages.reduce((a, b) => a + b, 0) / coverages.length) : null,
      // The mean of the teams' shares: how much of the portfolio's answers evidence bears out.
      meanCorroborated: corroborated.length ? round1(corroborated.reduce((a, b) => a + b, 0) / corroborated.length) : null,
      underNinety: teams
        .filter((t) => t.coverage !== null && t.coverage < 90)
        .map((t) => t.team)
        .sort(),
    },
    otherVersions: otherVersions.sort((a, b) => byText(a.team, b.team)),
    skipped: [...skipped].sort((a, b) => byText(a.file, b.file)),
  };
}

function regressions(before: Summary, now: Summary): string[] {
  const out: string[] = [];
  if (verdictRank[now.verdict] < verdictRank[before.verdict]) out.push(`verdict ${before.verdict} → ${now.verdict}`);
  now.failureModes.forEach((f, i) => {
    const b = before.failureModes[i]?.score;
    if (f.score !== null && b !== null && b !== undefined && f.score < b) out.push(`${f.id} ${b} → ${f.score}`);
  });
  return out;
}
