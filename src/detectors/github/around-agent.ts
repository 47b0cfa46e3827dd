// What the steps around an agent do with its work and its inputs: push it to the default branch,
// open it as a draft, install which release of the agent, paste someone's text into a script.
// Split from the workflow reader, which decides who starts the agent and what it holds.
import { obj, text, type Obj } from '../shared/data.js';
import { versionChoice, versionFinding } from './agent-version.js';
import { lineWithin, type Context } from './context.js';
import { agentView, openSeverity, reachOf, reachWords } from './reach.js';
import { injectedFields, injectionSeverity } from './script-injection.js';

/** A script with its continued lines (a trailing backslash) joined: one command per line. */
const joinContinued = (script: string): string => script.replace(/\\\r?\n/g, ' ');

/** A step that opens a draft pull request: peter-evans/create-pull-request with draft, or `gh pr create --draft`. */
const opensDraft = (s: Obj): boolean =>
  (/^peter-evans\/create-pull-request@/.test(text(s.uses)) && /^(true|always-true)$/.test(text(obj(s.with).draft))) ||
  /\bgh\s+pr\s+create\b[^\n]*--draft\b/.test(joinContinued(text(s.run)));

/** `git push` to main, master or the repository's default branch. */
const pushesToDefault = /\bgit\s+push\b[^\n;&|]*?\s(HEAD:)?(refs\/heads\/)?(main|master|\$\{\{\s*github\.event\.repository\.default_branch\s*\}\})(\s|$)/;

/** What the job around the agent gives: its token, its environment, and who can start each step. */
export interface AgentJob {
  perms: { write: string[]; idToken: boolean };
  jobEnv: Obj;
  openAt: (step: number) => boolean;
}

/**
 * A job that runs no agent but waits for one (`needs:`) and publishes its work: the same steps
 * around the agent, a job later. `runsAgent` tells which jobs run one.
 */
export function downstreamFindings(ctx: Context, jobs: Record<string, Obj>, runsAgent: (jobId: string) => boolean): void {
  for (const [jobId, job] of Object.entries(jobs)) {
    const needs = Array.isArray(job.needs) ? job.needs.map(text) : [text(job.needs)];
    if (runsAgent(jobId) || !needs.some((n) => n && runsAgent(n))) continue;
    const steps = Array.isArray(job.steps) ? job.steps.map(obj) : [];
    // Step -1 stands for the agent, finished before the first of these steps.
    publishFindings(ctx, jobId, steps, -1);
  }
}

export function aroundAgentFindings(ctx: Context, jobId: string, steps: Obj[], agentIndexes: number[], job: AgentJob): void {
  const at = (...path: (string | number)[]) => ctx.f.lineAt?.(['jobs', jobId, ...path]);
  const firstAgent = agentIndexes.length ? Math.min(...agentIndexes) : -1;
  if (firstAgent >= 0) publishFindings(ctx, jobId, steps, firstAgent);

  // Which release of the agent's program runs: chosen by an input of its step or an install step.
  steps.forEach((s, i) => {
    const choice = versionChoice(s);
    if (choice) ctx.out.push(versionFinding(ctx.f.path, at('steps', i, ...choice.path) ?? at('steps', i), choice));
  });

  // Outsiders' text pasted into a script of the agent's job runs as commands, with what the job holds.
  steps.forEach((s, i) => {
    const script = `${text(s.run)}\n${/^actions\/github-script@/.test(text(s.uses)) ? text(obj(s.with).script) : ''}`;
    const fields = injectedFields(script, ctx.events);
    if (!fields.length) return;
    // Code running in any step can read the runner's memory, where every secret and the token the
    // job uses sit (how the tj-actions/changed-files compromise took them): the whole job is in reach.
    const everything = { env: Object.assign({}, ...steps.map((x) => obj(x.env))), with: Object.assign({}, ...steps.map((x) => obj(x.with))) };
    const stepReach = reachOf({
      ...agentView(job.jobEnv, everything),
      write: job.perms.write,
      idToken: job.perms.idToken,
      actionHoldsToken: true,
      credentialsPersisted: true,
      narrowTools: false,
      reviewedFirst: false,
    });
    const open = job.openAt(i);
    ctx.out.push({
      id: 'github.script-injection',
      failureMode: 'FM4',
      severity: injectionSeverity(openSeverity(stepReach), !open, fields),
      kind: 'risk',
      path: ctx.f.path,
      line:
        lineWithin(ctx.f, ['jobs', jobId, 'steps', i, ...(s.run !== undefined ? ['run'] : ['with', 'script'])], /\$\{\{[^}]*github\.(event|head_ref)/) ??
        at('steps', i),
      message: `${fields.join(', ')} is pasted into a script before it runs: whoever wrote that text can make it a command, run with ${reachWords(stepReach)}`,
      recommendation: 'Pass the text through env: (TITLE: ${{ ... }}) and use "$TITLE" in the script.',
    });
  });
}

/** What the steps after the agent do with its work: push it to the default branch, or open it as a draft. */
function publishFindings(ctx: Context, jobId: string, steps: Obj[], firstAgent: number): void {
  const at = (...path: (string | number)[]) => ctx.f.lineAt?.(['jobs', jobId, ...path]);
  // The agent's commits pushed straight to the default branch by a later step: no pull request,
  // so no review stands between what the agent wrote and the branch.
  const pushStep = steps.findIndex((s, i) => i > firstAgent && pushesToDefault.test(text(s.run)));
  if (pushStep >= 0)
    ctx.out.push({
      id: 'github.agent-push-to-default',
      failureMode: 'FM3',
      severity: 'medium',
      kind: 'risk',
      path: ctx.f.path,
      line: lineWithin(ctx.f, ['jobs', jobId, 'steps', pushStep, 'run'], pushesToDefault) ?? at('steps', pushStep),
      message: `a step after the agent in job "${jobId}" pushes to the default branch: what the agent committed lands with no pull request and no review, unless branch protection refuses the push`,
      recommendation: 'Open a pull request from a branch instead, and let a person approve it.',
    });

  // The agent's work opened as a draft pull request by a later step: a person marks it ready.
  const draftStep = steps.findIndex((s, i) => i > firstAgent && opensDraft(s));
  if (draftStep >= 0)
    ctx.out.push({
      id: 'github.agent-pr-draft',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'protective',
      path: ctx.f.path,
      line: at('steps', draftStep, 'with', 'draft') ?? lineWithin(ctx.f, ['jobs', jobId, 'steps', draftStep, 'run'], /--draft\b/) ?? at('steps', draftStep),
      message: 'a step after the agent opens its work as a draft pull request: a person marks it ready before it can merge',
    });
}
