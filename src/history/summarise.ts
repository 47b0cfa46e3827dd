// Pure: turns the running counts into the published result, rounded and in a fixed order.
import type { Attribution } from './attribution.js';
import type { Bucket, Tally } from './analyse.js';
import { historySchemaVersion } from '../versions.js';
import type { Activity, HistoryResult, MonthSummary, PullRequestSummary, Rework, ToolHistory } from './model.js';
import { byText } from '../order.js';

export interface SummaryContext {
  root: string;
  branch: string;
  window: HistoryResult['window'];
  shallow: boolean;
  /** A partial clone: commits are here, file contents are not, so no line is counted. */
  partial?: boolean;
  pullRequests: PullRequestSummary | null;
}

const kindOrder = { agent: 0, automation: 1, people: 2 } as const;

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number): number | null => (b > 0 ? round3(a / b) : null);

export function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function activity(buckets: Bucket[], filesTouched: number): Activity {
  const sum = (f: (b: Bucket) => number) => buckets.reduce((s, b) => s + f(b), 0);
  const rework = (w: 0 | 1): Rework => {
    const lines = sum((b) => b.maturedLines[w]);
    const reworked = sum((b) => b.reworkedLines[w]);
    // Rework is apportioned in fractions of a line; the report counts whole lines.
    return { lines: Math.round(lines), reworked: Math.round(reworked), rate: ratio(reworked, lines) };
  };
  return {
    commits: sum((b) => b.commits),
    linesAdded: sum((b) => b.linesAdded),
    linesRemoved: sum((b) => b.linesRemoved),
    filesTouched,
    medianCommitSize: median(buckets.flatMap((b) => b.sizes)),
    reverts: sum((b) => b.reverts),
    fixFollowUps: sum((b) => b.fixFollowUps),
    revertedOrFixed: sum((b) => b.revertedOrFixed),
    rework14: rework(0),
    rework30: rework(1),
    reachedByMerge: sum((b) => b.reachedByMerge),
    reachedBySquash: sum((b) => b.reachedBySquash),
    pushedDirectly: sum((b) => b.pushedDirectly),
  };
}

export function summariseHistory(tally: Tally, attribution: Attribution, ctx: SummaryContext): HistoryResult {
  const months = [...tally.months].sort();
  const human = attribution.tools.length;
  const classes = [
    ...attribution.tools.map((t, i) => ({ ...t, i })),
    { id: 'human', name: 'People (no agent or automation attribution)', kind: 'people' as const, i: human },
  ];
  const total = tally.buckets.reduce((s, m) => s + [...m.values()].reduce((t, b) => t + b.commits, 0), 0);
  const tools: ToolHistory[] = classes
    .map(({ id, name, kind, i }) => {
      const byMonth = tally.buckets[i]!;
      const whole = activity([...byMonth.values()], tally.filesByClass[i]!);
      return {
        id,
        kind,
        name,
        share: total ? round3(whole.commits / total) : 0,
        ...whole,
        months: months.filter((m) => byMonth.has(m)).map((m) => ({ month: m, ...activity([byMonth.get(m)!], byMonth.get(m)!.filesTouched) })),
      };
    })
    .filter((t) => t.commits > 0 || t.kind === 'people')
    // Agents by commits, most first (ties by id); then automation; people last.
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || b.commits - a.commits || byText(a.id, b.id));

  const agents = tools.filter((t) => t.kind === 'agent');
  const agentCommits = agents.reduce((s, t) => s + t.commits, 0);
  const monthly: MonthSummary[] = months.map((m) => {
    const inMonth = (t: ToolHistory) => t.months.find((x) => x.month === m);
    const agentBuckets = agents.map(inMonth).filter((x) => x !== undefined);
    // Automation is apart: a month's share is of the commits agents and people made.
    const humanMonth = inMonth(tools.find((t) => t.kind === 'people')!);
    const agentCount = agentBuckets.reduce((s, x) => s + x.commits, 0);
    const commits = agentCount + (humanMonth?.commits ?? 0);
    const agentLines = agentBuckets.reduce((s, x) => s + x.rework30.lines, 0);
    return {
      month: m,
      commits,
      agentCommits: agentCount,
      agentShare: commits ? round3(agentCount / commits) : 0,
      agentRework30: ratio(
        agentBuckets.reduce((s, x) => s + x.rework30.reworked, 0),
        agentLines,
      ),
      humanRework30: humanMonth?.rework30.rate ?? null,
    };
  });
  const rated = monthly.filter((m) => m.agentRework30 !== null);
  const first = monthly[0];
  const last = monthly[monthly.length - 1];
  const limits: string[] = [];
  if (ctx.shallow)
    limits.push(
      'This is a shallow clone: only part of the history is present, so every figure undercounts. Fetch the whole history first (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout).',
    );
  if (ctx.partial)
    limits.push(
      "This is a partial clone (`git clone --filter`): its commits are here but not the files' contents, so lines, commit sizes and rework are not counted (shown as 0) rather than downloaded one file at a time; commits, attribution and how they reached the branch are complete. Run in a full clone for line figures (git clone without --filter; actions/checkout without `filter:`).",
    );
  if (!total) limits.push('No commits in the window: widen it with --since or --all.');
  else if (!agentCommits)
    limits.push(
      tally.withTrailers
        ? `No commit matched an agent rule (${tally.withTrailers} of ${total + tally.merges} commits carry trailers): agent work here is not observable, which is not the same as no agent work.`
        : `No commit carries any trailer and none matched an agent rule: agent work is not observable in this history, which is not the same as no agent work. Keep co-author trailers on, or add a rule for your agents with --attribution.`,
    );
  if (tally.malformed)
    limits.push(`${tally.malformed} ${tally.malformed === 1 ? 'commit' : 'commits'} could not be read and ${tally.malformed === 1 ? 'was' : 'were'} left out.`);
  const rateLimit = tools.some((t) => t.rework30.lines === 0 && t.commits > 0);
  if (rateLimit)
    limits.push('Rework within 30 days is only judged for lines added at least 30 days before the window ends; tools whose lines are all newer show no rate.');
  return {
    schemaVersion: historySchemaVersion,
    kind: 'rollout-check-history',
    root: ctx.root,
    branch: ctx.branch,
    window: ctx.window,
    commits: total,
    merges: tally.merges,
    attribution: { rules: attribution.sources, agentCommits, commitsWithTrailers: tally.withTrailers, observable: agentCommits > 0 },
    tools,
    months: monthly,
    // Rework is compared between the first and last months that have a rate (recent months have none yet).
    trend:
      first && last && first !== last
        ? {
            from: first.month,
            to: last.month,
            agentShare: [first.agentShare, last.agentShare],
            agentRework30: [rated[0]?.agentRework30 ?? null, rated.at(-1)?.agentRework30 ?? null],
          }
        : null,
    pullRequests: ctx.pullRequests,
    limits,
  };
}
