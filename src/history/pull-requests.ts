// Review data from a file the user exported with the GitHub CLI (never fetched: no network, ever):
//   gh pr list --state merged --limit 1000 \
//     --json number,author,headRefName,labels,additions,deletions,createdAt,mergedAt,reviews,comments > prs.json
// Validated with zod; a problem is reported at its line in the file.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import * as z from '../zod-mini.js';
import type { Problem } from '../errors.js';
import { parseJsonc } from '../parse-boundary/jsonc.js';
import type { Attribution } from './attribution.js';
import type { PullRequestGroup, PullRequestSummary } from './model.js';
import { median, round3 } from './summarise.js';
import { byText } from '../order.js';

const login = z.object({ login: z.string() });
const timestamp = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time'));
export const GhPullRequests = z.array(
  z.object({
    number: z.int(),
    // gh writes null for a deleted ("ghost") account.
    author: z.nullable(login),
    headRefName: z.string(),
    labels: z.array(z.object({ name: z.string() })),
    additions: z.int().check(z.nonnegative()),
    deletions: z.int().check(z.nonnegative()),
    createdAt: timestamp,
    mergedAt: z.nullable(timestamp),
    reviews: z.array(z.object({ author: z.nullable(login), state: z.string() })),
    comments: z.array(z.object({ author: z.nullable(login) })),
  }),
);
type GhPullRequest = z.infer<typeof GhPullRequests>[number];

const shape = 'the JSON `gh pr list --state merged --json number,author,headRefName,labels,additions,deletions,createdAt,mergedAt,reviews,comments` writes';

/** Pure: parses and validates the export; located problems when it is not the `gh` shape. */
export function parsePullRequests(file: string, text: string): { ok: true; prs: GhPullRequest[] } | { ok: false; problems: Problem[] } {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const parsed = parseJsonc(text);
  if (!parsed.ok) return { ok: false, problems: [{ file, line: lineAt(parsed.offset), message: `not JSON: ${parsed.message}` }] };
  if (!Array.isArray(parsed.data)) return { ok: false, problems: [{ file, line: 1, message: `expected a list of pull requests: ${shape}` }] };
  const result = GhPullRequests.safeParse(parsed.data);
  if (result.success) return { ok: true, prs: result.data };
  const tree = parseTree(text);
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    const node = tree && findNodeAtLocation(tree, path);
    const what = issue.code === 'invalid_type' && /received undefined/.test(issue.message) ? `missing "${String(path.at(-1))}"` : issue.message;
    return { file, line: node ? lineAt(node.offset) : undefined, path: path.join('.'), message: `${what}: expected ${shape}` };
  });
  return { ok: false, problems };
}

/** Pure: agent against human pull requests, with the review they got. */
export function summarisePullRequests(source: string, prs: GhPullRequest[], attribution: Attribution): PullRequestSummary {
  const toolOf = (pr: GhPullRequest) => {
    const byLogin = pr.author ? attribution.classifyLogin(pr.author.login) : -1;
    return byLogin >= 0 ? byLogin : attribution.classifyBranch(pr.headRefName);
  };
  // A merged list only: gh also exports open and closed ones if asked to.
  const merged = prs.filter((p) => p.mergedAt !== null).sort((a, b) => a.number - b.number);
  // Automation's pull requests (dependency updaters, release bots) are neither agents' nor people's.
  const isAgent = (p: GhPullRequest) => toolOf(p) >= 0 && attribution.tools[toolOf(p)]!.kind === 'agent';
  const agent = merged.filter(isAgent);
  const human = merged.filter((p) => toolOf(p) < 0);
  const counts = new Map<string, number>();
  for (const p of agent) {
    const id = attribution.tools[toolOf(p)]!.id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return {
    source,
    total: merged.length,
    agent: { ...group(agent), byTool: [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || byText(a.id, b.id)) },
    human: group(human),
  };
}

function group(prs: GhPullRequest[]): PullRequestGroup {
  // Reviews by the author themselves (a reply in the review thread) are not review.
  const reviewsOf = (p: GhPullRequest) => p.reviews.filter((r) => r.author?.login !== p.author?.login);
  const rounds = (p: GhPullRequest) => {
    const reviews = reviewsOf(p);
    return reviews.length ? reviews.filter((r) => r.state === 'CHANGES_REQUESTED').length + 1 : 0;
  };
  const hours = prs.map((p) => (Date.parse(p.mergedAt!) - Date.parse(p.createdAt)) / 3_600_000);
  const size = (p: GhPullRequest) => p.additions + p.deletions;
  return {
    count: prs.length,
    reviewed: prs.filter((p) => reviewsOf(p).length > 0).length,
    mergedWithoutReview: prs.filter((p) => reviewsOf(p).length === 0).length,
    medianReviews: median(prs.map((p) => reviewsOf(p).length)),
    medianRounds: median(prs.map(rounds)),
    medianHoursToMerge: prs.length ? round3(median(hours)) : null,
    sizes: {
      upTo50: prs.filter((p) => size(p) <= 50).length,
      upTo250: prs.filter((p) => size(p) > 50 && size(p) <= 250).length,
      upTo1000: prs.filter((p) => size(p) > 250 && size(p) <= 1000).length,
      over1000: prs.filter((p) => size(p) > 1000).length,
    },
  };
}
