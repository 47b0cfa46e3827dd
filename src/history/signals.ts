// What the history says, as findings the evidence map can hold against the answers. Pure.
// The thresholds are deliberately plain: a signal must be clear enough that a team reading it
// would agree, because it is shown beside their answer as a disagreement.
import type { FailureModeId } from '../checklist/schema.js';
import type { HistoryResult, ToolHistory } from './model.js';
import { share } from './render.js';

export interface HistorySignal {
  id: string;
  failureMode: FailureModeId;
  severity: 'high' | 'medium' | 'low' | 'info';
  message: string;
  /** A measured percentage, for number questions (the share of agent commits reworked). */
  value?: number;
}

/** Fewer matured lines than this and a rework rate is noise. */
const minLinesForRate = 50;
/** Agent rework this many times the people's rate is a disagreement worth raising. */
const reworkRatio = 1.5;
const minCommitsForShare = 10;

export function historySignals(h: HistoryResult): HistorySignal[] {
  // Automation (bots, release and dependency updaters) is neither: its direct pushes are not a
  // person bypassing review, and its commits are not the people's baseline.
  const agents = h.tools.filter((t) => t.id !== 'human' && t.kind !== 'automation');
  const human = h.tools.find((t) => t.id === 'human');
  const sum = (f: (t: ToolHistory) => number) => agents.reduce((s, t) => s + f(t), 0);
  const commits = sum((t) => t.commits);
  const signals: HistorySignal[] = [];
  if (!commits) {
    // Too little history to say anything: a shallow clone, or a window with a handful of commits.
    if (h.commits < minCommitsForShare || h.limits.some((l) => /shallow clone/.test(l))) return signals;
    signals.push({
      id: 'history.agent-work-not-observable',
      failureMode: 'FM6',
      severity: 'medium',
      message: `No commit in ${h.window.since ? 'the window' : 'the history'} is attributed to an agent (${h.attribution.commitsWithTrailers} of ${h.commits + h.merges} carry trailers): agent work cannot be told from people's work here`,
    });
    return signals;
  }
  signals.push({
    id: 'history.agent-work-attributed',
    failureMode: 'FM6',
    severity: 'info',
    message: `${commits} commits (${share(commits / Math.max(1, h.commits))}) are attributed to agents: ${agents.map((t) => `${t.name} ${t.commits}`).join(', ')}`,
  });
  const direct = sum((t) => t.pushedDirectly);
  if (direct > 0)
    signals.push({
      id: 'history.agent-pushed-directly',
      failureMode: 'FM3',
      severity: 'high',
      message: `${direct} of ${commits} agent commits reached ${h.branch} pushed directly, with no merge or pull request: ${agents
        .filter((t) => t.pushedDirectly)
        .map((t) => `${t.name} ${t.pushedDirectly}`)
        .join(', ')}`,
    });
  const lines = sum((t) => t.rework30.lines);
  const reworked = sum((t) => t.rework30.reworked);
  const humanRate = human?.rework30.rate ?? null;
  if (lines >= minLinesForRate && humanRate !== null && (human?.rework30.lines ?? 0) >= minLinesForRate) {
    const rate = reworked / lines;
    if (rate >= reworkRatio * humanRate && rate > 0)
      signals.push({
        id: 'history.agent-rework-above-people',
        failureMode: 'FM6',
        severity: 'medium',
        message: `Agent lines are changed or deleted again within 30 days at ${share(rate)}, ${humanRate ? `${(rate / humanRate).toFixed(1)} times` : 'far above'} the rate for people's lines (${share(humanRate)})`,
      });
  }
  const agentReverts = sum((t) => t.reverts);
  if (agentReverts >= 2 && agentReverts / commits > (human && human.commits ? human.reverts / human.commits : 0))
    signals.push({
      id: 'history.agent-reverts',
      failureMode: 'FM6',
      severity: 'medium',
      message: `${agentReverts} agent commits were reverted (${share(agentReverts / commits)} of agent commits; people's: ${human?.commits ? share(human.reverts / human.commits) : 'n/a'})`,
    });
  if (commits >= minCommitsForShare) {
    const followed = sum((t) => t.revertedOrFixed);
    const value = Math.round(Math.min(1, followed / commits) * 1000) / 10;
    signals.push({
      id: 'history.agent-rework-share',
      failureMode: 'FM6',
      severity: 'info',
      value,
      message: `${value}% of agent commits were reverted or followed by a fix to the same files within 7 days`,
    });
  }
  return signals;
}
