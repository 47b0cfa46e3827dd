// What `rollout-check history` reports, and what `assess --history` carries into the report.
// Published as a JSON Schema (`rollout-check schema history`); the clock never enters it.
import * as z from '../zod-mini.js';

import { historySchemaVersion } from '../versions.js';

export { historySchemaVersion };

const rate = z.nullable(z.number());

export const Rework = z.strictObject({
  /** Lines added long enough before the window's end for the rework window to have passed. */
  lines: z.number().check(z.int()),
  reworked: z.number().check(z.int()),
  /** reworked / lines, a fraction rounded to 3 places; null when no line has matured. */
  rate,
});
export type Rework = z.infer<typeof Rework>;

export const Activity = z.strictObject({
  commits: z.number().check(z.int()),
  linesAdded: z.number().check(z.int()),
  linesRemoved: z.number().check(z.int()),
  filesTouched: z.number().check(z.int()),
  medianCommitSize: z.number(),
  /** Commits reverted later in the window. */
  reverts: z.number().check(z.int()),
  /** Commits followed within seven days by a fix touching one of the same files. */
  fixFollowUps: z.number().check(z.int()),
  /** Commits reverted, followed by a fix, or both, each counted once. */
  revertedOrFixed: z.number().check(z.int()),
  rework14: Rework,
  rework30: Rework,
  /** How the commits reached the branch: a merge, a squash or rebase of a pull request, or a push. */
  reachedByMerge: z.number().check(z.int()),
  reachedBySquash: z.number().check(z.int()),
  pushedDirectly: z.number().check(z.int()),
});
export type Activity = z.infer<typeof Activity>;

export const ToolHistory = z.strictObject({
  ...Activity.shape,
  /** An attribution tool id (the scanner's where both know the tool: claude-code, copilot, codex, cursor, aider), or "human". */
  id: z.string(),
  /** An AI agent, automation (bots, release and dependency updaters), or people (the "human" row). */
  kind: z._default(z.enum(['agent', 'automation', 'people']), 'agent'),
  name: z.string(),
  /** Share of the window's non-merge commits, rounded to 3 places. */
  share: z.number(),
  months: z.array(z.strictObject({ month: z.string(), ...Activity.shape })),
});
export type ToolHistory = z.infer<typeof ToolHistory>;

export const MonthSummary = z.strictObject({
  month: z.string(),
  commits: z.number().check(z.int()),
  agentCommits: z.number().check(z.int()),
  agentShare: z.number(),
  agentRework30: rate,
  humanRework30: rate,
});
export type MonthSummary = z.infer<typeof MonthSummary>;

export const PullRequestGroup = z.strictObject({
  count: z.number().check(z.int()),
  reviewed: z.number().check(z.int()),
  mergedWithoutReview: z.number().check(z.int()),
  /** Median reviews by someone other than the author, per pull request. */
  medianReviews: z.number(),
  /** Median rounds: reviews that asked for changes, plus the final one. */
  medianRounds: z.number(),
  medianHoursToMerge: z.nullable(z.number()),
  /** Size as additions + deletions. */
  sizes: z.strictObject({
    upTo50: z.number().check(z.int()),
    upTo250: z.number().check(z.int()),
    upTo1000: z.number().check(z.int()),
    over1000: z.number().check(z.int()),
  }),
});
export type PullRequestGroup = z.infer<typeof PullRequestGroup>;

export const PullRequestSummary = z.strictObject({
  source: z.string(),
  total: z.number().check(z.int()),
  agent: z.strictObject({ ...PullRequestGroup.shape, byTool: z.array(z.strictObject({ id: z.string(), count: z.number().check(z.int()) })) }),
  human: PullRequestGroup,
});
export type PullRequestSummary = z.infer<typeof PullRequestSummary>;

export const HistoryResult = z.strictObject({
  schemaVersion: z.string(),
  kind: z.literal('rollout-check-history'),
  root: z.string(),
  branch: z.string(),
  window: z.strictObject({
    /** The window as asked ("90d", "2026-01-01" or "all"). */
    asked: z.string(),
    /** First day in the window (UTC), or null for all history. */
    since: z.nullable(z.string()),
    /** The day the window ends: the newest commit's, or the answers file's date. */
    until: z.string(),
    anchor: z.enum(['newest-commit', 'metadata-date']),
  }),
  /** Non-merge commits in the window. */
  commits: z.number().check(z.int()),
  merges: z.number().check(z.int()),
  attribution: z.strictObject({
    rules: z.array(z.string()),
    agentCommits: z.number().check(z.int()),
    /** Commits with any trailer at all: an absent habit shows here, not as "no agent work". */
    commitsWithTrailers: z.number().check(z.int()),
    observable: z.boolean(),
  }),
  /** Agent tools by commits (most first), then "human". */
  tools: z.array(ToolHistory),
  months: z.array(MonthSummary),
  trend: z.nullable(z.strictObject({ from: z.string(), to: z.string(), agentShare: z.tuple([z.number(), z.number()]), agentRework30: z.tuple([rate, rate]) })),
  pullRequests: z.nullable(PullRequestSummary),
  /** What limits the figures: a shallow clone, unattributed history, a window with no commits. */
  limits: z.array(z.string()),
});
export type HistoryResult = z.infer<typeof HistoryResult>;
