// GitHub Actions workflows read as a reviewer reads them: who can fire each trigger, what the job's
// token may do, which agent runs, taken from which ref, with which inputs and which defaults, and
// whether a fork's code is checked out with privileges. Every finding cites the line that creates
// it. Parsed YAML only: nothing is guessed from a file that could not be read.
import { foldRepeats } from './fold-repeats.js';
import { writtenText, writtenTextFindings } from './prompt-facts.js';
import { externalAgentCall, externalAgentFindings } from './external-agent-call.js';
import { extensionFindings, findingsOfSettings as geminiSettingsFindings, shellTextOnly } from './gemini-settings.js';
import type { FindingDraft, ParsedFile } from '../types.js';
import { broadClaudeTool } from '../shared/claude-tools.js';
import { proseRuleLine } from '../shared/instructions.js';
import { escapeRegExp } from '../../regexp.js';
import { keys, obj, str, strings, text, type Obj } from '../shared/data.js';
import { flagValues, shellWords } from '../shared/shell-words.js';
import { wrappedIn } from './local-actions.js';
import { actionRef, pinFinding } from './pins.js';
import { aroundAgentFindings, downstreamFindings } from './around-agent.js';
import { agentActionOf, agentCommands, agentPackageBinary, providerKey, type AgentAction } from './agent-actions.js';
import { alwaysRequires, expressionOf, keepsForksOut, restrictsWho, routedAtRunTime } from './conditions.js';
import { mintedTokens, tokenHanded } from './app-token.js';
import {
  allowedTools,
  bypass,
  bypassSeverity,
  claudeAllowed,
  claudeArgWords,
  claudeInputs,
  claudeSettingsInput,
  codexInputs,
  toolList,
} from './action-inputs.js';
import { lineWithin, type At, type Context } from './context.js';
import { compiledGuardFindings } from './compiled-guards.js';
import { compiled } from './lock-source.js';
import {
  actionChecksWho,
  actionHolds,
  appTokenFindings,
  checkoutFindings,
  envTokenFindings,
  isCheckout,
  permissionsOf,
  secretFindings,
  tokenFindings,
  type Permissions,
} from './token-findings.js';
import { baseActionRunsNoCommand, cliRunsNoCommand, invocations } from './read-only-tools.js';
import { agentView, credentialSecrets, openSeverity, reachOf, reachWords, tokenInEnv, type Reach } from './reach.js';

/** Events whose payload (issue text, comments, reviews, a fork's code) any GitHub user controls. */
const untrustedEvents = [
  'issue_comment',
  'issues',
  'pull_request_review_comment',
  'pull_request_review',
  'discussion',
  'discussion_comment',
  'pull_request_target',
];
/** Events that run with the base repository's secrets and write token for someone else's change. */
const privilegedEvents = ['pull_request_target', 'workflow_run'];

/** A checkout `ref:` that fetches the pull request's own code. */
const headRef = /head\.(sha|ref)|head_sha|head_branch|refs\/pull\//;

/**
 * `workflows` are all the workflows of the repository: a reusable workflow runs with the triggers
 * of the workflows that call it, and a caller's job holds the token its callee's agent uses.
 */
export function workflowFindings(
  f: ParsedFile,
  workflows: ReadonlyMap<string, ParsedFile> = new Map([[f.path, f]]),
  claudeProjectAllow: () => readonly string[] = () => [],
): FindingDraft[] {
  const wf = obj(f.data);
  const own = eventsOf(wf.on ?? wf.true);
  const inherited = own.includes('workflow_call') ? callerEvents(f.path, workflows) : [];
  const ctx: Context = {
    f,
    out: [],
    events: [...new Set([...own, ...inherited.map((c) => c.event)])],
    workflows,
    callers: inherited,
    runAfterOutsiders: own.includes('workflow_run') && runsAfterOutsiders(obj(wf.on ?? wf.true), workflows),
    claudeProjectAllow,
  };
  for (const jobId of keys(wf.jobs)) {
    const from = ctx.out.length;
    jobFindings(ctx, jobId, obj(obj(wf.jobs)[jobId]), wf);
    foldRepeats(ctx.out, from);
  }
  // Jobs that wait for an agent's job and publish its work.
  const jobs = Object.fromEntries(keys(wf.jobs).map((j) => [j, obj(obj(wf.jobs)[j])]));
  downstreamFindings(ctx, jobs, (j) => {
    const job = jobs[j];
    return job !== undefined && (Array.isArray(job.steps) ? job.steps : []).some((s) => isAgentStep(obj(s), job));
  });
  if (runsAgent(f)) {
    roleCheckFindings(ctx, obj(wf.jobs));
    ctx.out.push(...compiledGuardFindings(f));
    // Every job starts with no scope unless it asks: the default a careful workflow sets once.
    const p = wf.permissions;
    if ((p !== undefined && p !== null && typeof p === 'object' && keys(p).length === 0) || p === 'read-all')
      ctx.out.push({
        id: 'github.workflow-token-empty',
        failureMode: 'FM2',
        severity: 'info',
        // Written by the agentic-workflow compiler into every workflow it compiles: context there.
        kind: compiled(f.path) ? 'fact' : 'protective',
        path: f.path,
        line: f.lineAt?.(['permissions']),
        message: `the workflow's token starts with ${p === 'read-all' ? 'read access only' : 'no permissions'}: each job names the scopes it needs`,
      });
  }
  // Who can fire the events that start an agent is context a reader needs even where a check
  // stands before the agent: said at each such trigger, unless a risk already stands there.
  const risky = new Set(ctx.out.filter((x) => x.id === 'github.agent-untrusted-trigger').map((x) => x.line));
  for (const event of [...(ctx.agentEvents ?? [])].sort()) {
    const line = f.lineAt?.(['on', event]);
    if (line === undefined || risky.has(line)) continue;
    const trusted = !isUntrusted(ctx, event);
    ctx.out.push({
      id: 'github.agent-trigger',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line,
      message:
        event === 'pull_request'
          ? "pull_request starts an agent here: anyone can open one, but from a fork it runs with a read-only token and no secrets, on the fork's own code"
          : trusted
            ? `${event} starts an agent here: only a schedule or people with write access start it`
            : `${event} starts an agent here: anyone can fire it, so what stands between them and the agent is the check of who asked`,
    });
  }
  return ctx.out;
}

/**
 * The triggers a reusable workflow at `path` runs with: those of every workflow whose job calls it
 * without checking who asked (a caller's `if:` that gates on membership gates the callee too).
 */
function callerEvents(path: string, workflows: ReadonlyMap<string, ParsedFile>): Context['callers'] {
  return [...workflows.values()].flatMap((w) => {
    const data = obj(w.data);
    const callers = keys(data.jobs).filter((j) => calledPath(text(obj(obj(data.jobs)[j]).uses)) === path);
    return eventsOf(data.on ?? data.true)
      .filter((e) => e !== 'workflow_call')
      .flatMap((event) => {
        const open = callers.filter((j) => !jobGated(obj(data.jobs), j, event));
        // A called workflow's token is the calling job's, unless the callee asks for less.
        const permissions = open.map((j) => obj(obj(data.jobs)[j]).permissions ?? data.permissions).find((p) => p !== undefined);
        return open.length ? [{ event, from: w.path, routed: open.every((j) => jobRouted(obj(data.jobs), j)), permissions }] : [];
      });
  });
}

/** An event whose run outsiders can start: by its payload, or a workflow_run that follows one of theirs. */
const isUntrusted = (ctx: Context, event: string): boolean => untrustedEvents.includes(event) || (event === 'workflow_run' && ctx.runAfterOutsiders);

/**
 * Whether `workflow_run` follows a workflow of this repository that outsiders can start (pull
 * requests from forks, issues, comments): such a run starts this one, with this repository's
 * secrets. A workflow named here but not in the repository is not guessed at.
 */
function runsAfterOutsiders(on: Obj, workflows: ReadonlyMap<string, ParsedFile>): boolean {
  const names = strings(obj(on.workflow_run).workflows);
  return [...workflows.values()].some((w) => {
    const data = obj(w.data);
    const named =
      names.includes(text(data.name)) ||
      names.includes(
        w.path
          .split('/')
          .pop()!
          .replace(/\.ya?ml$/, ''),
      );
    return named && eventsOf(data.on ?? data.true).some((e) => e === 'pull_request' || untrustedEvents.includes(e));
  });
}

/** The job a routed job needs that lets `event` through: the dispatcher. */
function dispatcherOf(jobs: Obj, jobId: string, event: string): string | undefined {
  const job = obj(jobs[jobId]);
  const needs = needsOf(job);
  return needs.find((n) => !jobGated(jobs, n, event));
}

/**
 * The line of the check of who asked that gates a job: in its own if:, or in the if: of a job it
 * needs, or on the agent step; pointing at the term itself inside a multi-line condition.
 */
function gateLine(ctx: Context, wf: Obj, jobId: string, step: number | undefined): { job: string; line: number | undefined } | undefined {
  const jobs = obj(wf.jobs);
  const seen = new Set<string>();
  const visit = (j: string): { job: string; line: number | undefined } | undefined => {
    if (seen.has(j)) return undefined;
    seen.add(j);
    const job = obj(jobs[j]);
    if (whoAskedTerm.test(text(job.if))) return { job: j, line: lineWithin(ctx.f, ['jobs', j, 'if'], whoAskedTerm) };
    const needs = needsOf(job);
    for (const n of needs) {
      const found = visit(n);
      if (found) return found;
    }
    return undefined;
  };
  const own = visit(jobId);
  if (own) return own;
  if (step === undefined) return undefined;
  const stepIf = text(obj((Array.isArray(obj(jobs[jobId]).steps) ? (obj(jobs[jobId]).steps as unknown[]) : [])[step]).if);
  return whoAskedTerm.test(stepIf) ? { job: jobId, line: lineWithin(ctx.f, ['jobs', jobId, 'steps', step, 'if'], whoAskedTerm) } : undefined;
}

const whoAskedTerm = /author_association|github\.(triggering_)?actor\b|(sender|user)\.login\b/;

/** The jobs a job `needs`: a name or a list of names. */
function needsOf(job: Obj): string[] {
  return typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs.filter((n): n is string => typeof n === 'string') : [];
}

/** A job started through another job's outputs (a dispatcher): which requests reach it is decided at run time. */
function jobRouted(jobs: Obj, jobId: string): boolean {
  return routedAtRunTime(obj(jobs[jobId]).if);
}

/**
 * Whether a job runs only for members: its own `if:` checks who asked, or a job it needs does (a
 * dispatcher job that gates, then hands over through `needs`).
 */
function jobGated(jobs: Obj, jobId: string, event?: string, seen = new Set<string>()): boolean {
  if (seen.has(jobId)) return false;
  seen.add(jobId);
  const job = obj(jobs[jobId]);
  if (restrictsWho(job.if, event)) return true;
  const needs = needsOf(job);
  if (needs.some((n) => roleGateOutputs(obj(jobs[n])).some((o) => alwaysRequires(job.if, outputIsTrue(n, o))))) return true;
  return needs.some((n) => jobGated(jobs, n, event, seen));
}

const outputIsTrue = (job: string, output: string): RegExp =>
  new RegExp(`^needs\\.${escapeRegExp(job)}\\.outputs\\.${escapeRegExp(output)}\\s*==\\s*'?true'?$`);

/** A check of who asked, credited once where it stands (a dispatcher's gate counts for all it gates). */
function creditGate(ctx: Context, job: string, line: number | undefined, message: string): void {
  if (line === undefined || ctx.credited?.has(`${job}:${line}`)) return;
  (ctx.credited ??= new Set()).add(`${job}:${line}`);
  ctx.out.push({ id: 'github.agent-member-gate', failureMode: 'FM4', severity: 'info', kind: 'protective', path: ctx.f.path, line, message });
}

/** gh-aw's role check, credited where the roles are named: every agent job waits for it. */
function roleCheckFindings(ctx: Context, jobs: Obj): void {
  for (const jobId of keys(jobs)) {
    const job = obj(jobs[jobId]);
    if (!roleGateOutputs(job).length) continue;
    (Array.isArray(job.steps) ? job.steps.map(obj) : []).forEach((st, k) => {
      const roles = text(obj(st.env).GH_AW_REQUIRED_ROLES);
      if (!roles || /\ball\b/.test(roles)) return;
      creditGate(
        ctx,
        jobId,
        ctx.f.lineAt?.(['jobs', jobId, 'steps', k, 'env', 'GH_AW_REQUIRED_ROLES']),
        `job "${jobId}" checks that whoever started the run holds a role (${roles}) before any agent job runs`,
      );
    });
  }
}

/**
 * The outputs of a job that say whether the person who started the run holds a role: set from a
 * step that checks membership. gh-aw's compiled workflows do this in `pre_activation`
 * (GH_AW_REQUIRED_ROLES, by default admin, maintainer and write; `all` checks no one), and every
 * later job runs only when its `activated` output is true.
 */
function roleGateOutputs(job: Obj): string[] {
  const steps = Array.isArray(job.steps) ? job.steps.map(obj) : [];
  const checks = new Set(
    steps
      .filter((st) => {
        const roles = text(obj(st.env).GH_AW_REQUIRED_ROLES);
        return (roles !== '' && !/\ball\b/.test(roles)) || failsForOutsiders(st);
      })
      .map((st) => text(st.id))
      .filter(Boolean),
  );
  return keys(job.outputs).filter((o) => {
    const from = /steps\.([\w-]+)\.outputs\./.exec(text(obj(job.outputs)[o]));
    return from !== null && checks.has(from[1]!);
  });
}

const calledPath = (uses: string): string | undefined => (/^\.\/\.github\/workflows\/[^@\s]+$/.test(uses) ? uses.slice(2) : undefined);

/**
 * An action not known by name that is handed a model provider's key runs a model on whatever the
 * job gives it: an in-house agent, with no documented check of who asked.
 */
const keyedAgent = (step: Obj, job: Obj = {}): boolean => {
  const uses = text(step.uses);
  // A script handed a model provider's key and the text of an issue, comment or pull request runs
  // a model on what someone wrote: an in-house agent. (A key alone may only feed a test suite.)
  if (uses === '' && step.run !== undefined) {
    const given = [...Object.values(obj(step.env)), text(step.run)].map(text);
    if (!given.some((v) => providerKey.test(v))) return false;
    // The text reaches it directly, or an earlier step of the job took it from the pull request's
    // own head (a diff of its commits) for the script to read.
    const earlier = (Array.isArray(job.steps) ? job.steps.map(obj) : []).slice(0, Math.max(0, (job.steps as unknown[] | undefined)?.indexOf(step) ?? 0));
    return given.some((v) => writtenText.test(v)) || earlier.some((s) => prHead.test(text(s.run)));
  }
  if (uses === '' || agentActionOf(uses)) return false;
  // In a job allowed to call GitHub Models (permissions: models), an action handed the job's
  // token runs a model with it.
  const models = obj(job.permissions).models === 'read' || obj(job.permissions).models === 'write';
  if (models && Object.values(obj(step.with)).some((v) => /\$\{\{\s*(secrets\.GITHUB_TOKEN|github\.token)\s*\}\}/.test(text(v)))) return true;
  // Handed a model provider's key, or told which model to run: either way it runs a model.
  return (
    [...Object.values(obj(step.with)), ...Object.values(obj(step.env))].some((v) => providerKey.test(text(v))) || modelName.test(text(obj(step.with).model))
  );
};

/** A script step that reads the pull request's own commits (its head), whoever opened it. */
const prHead = /\$\{\{\s*github\.event\.pull_request\.head\.(sha|ref)\s*\}\}/;

/** A model named as an action's `model` input. */
const modelName = /\b(claude|anthropic|gpt-?\d|o[1-9](-mini)?\b|openai|gemini|llama|mistral|deepseek|qwen|grok)/i;

/**
 * A step that checks who asked and fails the job otherwise, before the agent runs: a membership or
 * permission lookup followed by a failing exit. A deterministic gate, like an if:.
 */
function failsForOutsiders(step: Obj): boolean {
  if (step['continue-on-error'] === true || text(step['continue-on-error']) === 'true') return false;
  const script = `${text(step.run)}\n${text(obj(step.with).script)}`;
  const looksUp =
    /\/members\/|orgs\/[^\s/]+\/members|collaborators\/[^\s]+\/permission|getCollaboratorPermissionLevel|checkMembershipForUser|author_association/.test(
      script,
    );
  const fails = /\bexit\s+[1-9]|core\.setFailed|process\.exit\(\s*[1-9]/.test(script);
  return looksUp && fails;
}

/** A term that holds only once a pull request is merged: someone with write access let it in. */
const mergedTerm = /^github\.event\.pull_request\.merged(\s*==\s*true)?$/;

/** A run: script's words, with the script a `bash -c '...'` (or sh, or a sandbox wrapper) runs read in too. */
function commandWords(run: string, depth = 0): string[] | undefined {
  const words = shellWords(run);
  if (!words || depth > 2) return words;
  // A nested script shell-quote cannot split (${VAR:+ ...}) is still read word by word for the program it runs.
  const nested = words.flatMap((w, k) => (words[k - 1] === '-c' && /\s/.test(w) ? (commandWords(w, depth + 1) ?? w.split(/\s+/)) : []));
  return [...words, ...nested];
}

/** A checkout before step `i` left the job's token in .git/config (no persist-credentials: false). */
function credentialsLeftBefore(steps: Obj[], i: number): boolean {
  return steps
    .slice(0, i)
    .some((s) => isCheckout(s) && !(obj(s.with)['persist-credentials'] === false || text(obj(s.with)['persist-credentials']) === 'false'));
}

/** Whether a step runs an agent: a known action, an in-house one handed a model, or an agent command. */
function isAgentStep(s: Obj, job: Obj): boolean {
  return !!agentActionOf(text(s.uses)) || keyedAgent(s, job) || agentCommandOf(text(s.run)) !== undefined;
}

/** The agent command a run: script starts, if any. */
function agentCommandOf(run: string): (typeof agentCommands)[number] | undefined {
  const programs = programsOf(run);
  return agentCommands.find((a) => programs.some((w) => a.command.test(w)));
}

/** Wrappers that fetch a package and run it. */
const packageRunners = new Set(['npx', 'bunx', 'pnpx']);

/** Words that end one command and start the next. */
const separators = new Set([';', '&&', '||', '|', '|&', '&', '(', ')', '{', '}', 'then', 'do', 'else', '!']);
/** Programs that run the command after them (with their own options, assignments or a duration first). */
const wrappers = new Set(['sudo', 'env', 'nohup', 'time', 'timeout', 'exec', 'command', 'stdbuf', 'nice', 'xargs', 'npx', 'bunx', 'pnpx', 'uvx']);

/**
 * The programs a script runs: each line's first word, past wrappers (`sudo -E`, `env A=b`,
 * `timeout 10m`), and after every separator; the script a `bash -c '...'` runs, read the same way;
 * and a program named by its path in a bin folder among the arguments (a harness handed
 * /usr/local/bin/copilot). An argument that merely names an agent (`adduser --group codex`,
 * `--home /home/codex`) is no program.
 */
function programsOf(run: string, depth = 0): string[] {
  const out: string[] = [];
  for (const line of run.replace(/\\\r?\n/g, ' ').split('\n')) {
    const words = shellWords(line) ?? line.trim().split(/\s+/).filter(Boolean);
    let start = true;
    words.forEach((w, k) => {
      if (separators.has(w)) return void (start = true);
      if (words[k - 1] === '-c' && /\s/.test(w) && depth < 2) out.push(...programsOf(w, depth + 1));
      if (/(^|\/)\.?bin\/[^/]+$/.test(w)) out.push(w);
      if (!start) return;
      if (wrappers.has(w) || w.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || /^\d+[smhd]?$/.test(w)) return;
      // A package runner's package is the program it runs: `npx -y @anthropic-ai/claude-code` is claude.
      const runner = words
        .slice(0, k)
        .reverse()
        .find((x) => !x.startsWith('-'));
      out.push(runner !== undefined && packageRunners.has(runner) ? (agentPackageBinary(w) ?? w) : w);
      start = false;
    });
  }
  return out;
}

/**
 * What each agent step of a called workflow can reach: its own token, or its caller's where it
 * sets none. A dispatcher's finding is as grave as the most a routed request can reach.
 */
function calleeReaches(w: ParsedFile, callerPermissions: unknown): Reach[] {
  const data = obj(w.data);
  const jobs = obj(data.jobs);
  return keys(jobs).flatMap((j) => {
    const job = obj(jobs[j]);
    if (neverRuns(job.if)) return [];
    const steps = (Array.isArray(job.steps) ? job.steps : []).map(obj);
    const perms = permissionsOf(job.permissions ?? data.permissions ?? callerPermissions, undefined);
    const withEnv = { ...job, env: { ...obj(data.env), ...obj(job.env) } };
    return steps.flatMap((s, i) =>
      isAgentStep(s, job) && !neverRuns(s.if)
        ? [
            reachOf({
              job: withEnv,
              step: s,
              write: perms.write,
              idToken: perms.idToken,
              actionHoldsToken: actionHolds(s),
              credentialsPersisted: credentialsLeftBefore(steps, i),
              narrowTools: false,
            }),
          ]
        : [],
    );
  });
}

/** A step that can write with nothing it holds: no write token in reach, no secret, no OIDC token. */
const holdsNothing = (r: Reach): boolean => r.writes.length === 0 && r.secrets.length === 0 && !r.idToken;

/** Whether every job of a workflow that runs an agent sets its token's scopes (or the workflow does for all). */
function agentJobsNameScopes(w: ParsedFile): boolean {
  const data = obj(w.data);
  const jobs = obj(data.jobs);
  return keys(jobs).every((j) => {
    const job = obj(jobs[j]);
    const steps = (Array.isArray(job.steps) ? job.steps : []).map(obj);
    return !steps.some((s) => isAgentStep(s, job)) || job.permissions !== undefined || data.permissions !== undefined;
  });
}

/** Whether a workflow runs an agent action, agent command or in-house agent in any job. */
export function runsAgent(w: ParsedFile | undefined): boolean {
  if (!w) return false;
  const jobs = obj(obj(w.data).jobs);
  return keys(jobs).some((j) =>
    (Array.isArray(obj(jobs[j]).steps) ? (obj(jobs[j]).steps as unknown[]) : []).map(obj).some((s) => isAgentStep(s, obj(jobs[j]))),
  );
}

/** `on:` as a name, a list of names or a map of names; YAML 1.1 readers may turn `on` into true. */
function eventsOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((e): e is string => typeof e === 'string');
  return keys(on);
}

/**
 * An `if:` that can never hold: `false`, or `false && ...` (how a job is switched off without
 * deleting it), with or without `${{ }}`. Such a job or step never runs, so it reaches nothing.
 */
export function neverRuns(condition: unknown): boolean {
  return condition === false || /^false\s*(&&|$)/.test(expressionOf(condition));
}

function jobFindings(ctx: Context, jobId: string, job: Obj, wf: Obj): void {
  const { f } = ctx;
  if (neverRuns(job.if)) return;
  ctx.credited ??= new Set();
  // What every step of the job has in its environment: the workflow's env:, then the job's.
  const withWorkflowEnv: Obj = { ...job, env: { ...obj(wf.env), ...obj(job.env) } };
  const at = (...path: (string | number)[]) => f.lineAt?.(['jobs', jobId, ...path]);
  // A step switched off keeps its place (findings cite steps by index) but is never looked at.
  const steps = Array.isArray(job.steps) ? job.steps.map((s) => (neverRuns(obj(s).if) ? {} : obj(s))) : [];
  const jobIf = text(job.if);
  // A called workflow runs with its callers' tokens: the broadest of them is what it may hold.
  const callerPerms = ctx.callers.filter((c) => c.permissions !== undefined).map((c) => permissionsOf(c.permissions, undefined));
  const inherited = callerPerms.length
    ? {
        'id-token': callerPerms.some((p) => p.idToken) ? 'write' : 'none',
        ...Object.fromEntries([...new Set(callerPerms.flatMap((p) => p.write))].map((w) => [w, 'write'])),
      }
    : undefined;
  const permsPath = job.permissions !== undefined ? ['jobs', jobId, 'permissions'] : wf.permissions !== undefined ? ['permissions'] : undefined;
  const perms: Permissions = {
    ...permissionsOf(
      job.permissions !== undefined ? job.permissions : wf.permissions !== undefined ? wf.permissions : inherited,
      job.permissions !== undefined ? at('permissions') : f.lineAt?.(['permissions']),
    ),
    scopeLine: (scope) => (permsPath ? f.lineAt?.([...permsPath, scope]) : undefined),
  };
  const agentSteps = steps.flatMap((s, i) => {
    const uses = agentActionOf(text(s.uses));
    return uses ? [{ i, step: s, ...uses }] : [];
  });
  const commandSteps = steps.flatMap((s, i) => {
    const run = str(s.run);
    const words = run === undefined ? undefined : commandWords(run);
    const agent = words && agentCommandOf(run!);
    if (agent) return [{ i, words: words!, agent, inHouse: false }];
    const uses = text(s.uses);
    return keyedAgent(s, job)
      ? [
          {
            i,
            words: [] as string[],
            inHouse: true,
            agent: {
              name: uses
                ? `an in-house agent (${uses.replace(/@.*/, '')}, which runs a model)`
                : 'an in-house agent (a script handed a model key and the request text)',
              command: /$^/,
              bypass: [] as string[],
            },
          },
        ]
      : [];
  });
  // A job that calls a reusable workflow running an agent lends it its token.
  const callee = calledPath(text(job.uses));
  const callsAgent = callee !== undefined && runsAgent(ctx.workflows.get(callee));
  const hasAgent = agentSteps.length > 0 || commandSteps.length > 0 || callsAgent;

  // A fork's code checked out where the base repository's token and secrets are in reach.
  if (ctx.events.some((e) => privilegedEvents.includes(e)))
    steps.forEach((s, i) => {
      if (!isCheckout(s) || !headRef.test(text(obj(s.with).ref))) return;
      const trigger = ctx.events.find((e) => privilegedEvents.includes(e))!;
      // Checked out into a folder of its own while the base ref owns the workspace root, and never
      // entered by a later step: the fork's files are text the agent reads, not code the job runs
      // or configuration the agent takes for its own. Still a way in for planted text: medium.
      const folder = text(obj(s.with).path).replace(/^\.\//, '').replace(/\/$/, '');
      // Entered: a step works in it, changes into it, or hands it to a program that runs what it holds.
      const runsIt = new RegExp(
        `\\bcd\\s+\\.?/?${escapeRegExp(folder)}\\b|\\b(make|npm|pnpm|yarn|bun|npx|pip3?|uv|poetry|cargo|go|bash|sh|python3?|node|deno|ruby)\\b[^\\n]*[\\s=/"']\\.?/?${escapeRegExp(folder)}\\b`,
      );
      const entered = (x: Obj) => text(x['working-directory']).replace(/^\.\//, '').startsWith(folder) || runsIt.test(text(x.run));
      const confined = folder !== '' && folder !== '.' && !steps.slice(i + 1).some(entered);
      // A job that runs only when a member asks (their comment, the label they apply) runs the code
      // they chose to run: one level below the same checkout any pull request's author starts.
      const gatedJob = ctx.events.filter((e) => privilegedEvents.includes(e)).every((e) => jobGated(obj(wf.jobs), jobId, e));
      const level = ((hasAgent || perms.write.length) && !confined ? 2 : 1) - (gatedJob ? 1 : 0);
      ctx.out.push({
        id: 'github.privileged-checkout',
        failureMode: 'FM4',
        severity: level >= 2 ? 'high' : level === 1 ? 'medium' : 'low',
        kind: 'risk',
        path: f.path,
        line: at('steps', i, 'with', 'ref') ?? at('steps', i),
        message: confined
          ? `a ${trigger} workflow checks out the pull request's own code (ref: ${text(obj(s.with).ref)}) into ${folder}/, which no later step enters, in a job that holds the base repository's token${hasAgent ? ' and runs an agent on it' : ''}: whoever opens the pull request chooses text the job reads${gatedJob ? ', once a member starts the job' : ''}`
          : `a ${trigger} workflow checks out the pull request's own code (ref: ${text(obj(s.with).ref)}) in a job that holds the base repository's token${hasAgent ? ' and runs an agent on it' : ''}: whoever opens the pull request controls what runs with those rights${gatedJob ? ', once a member starts the job' : ''}`,
        recommendation: `Check out the base ref under ${trigger}, or move work on pull request code to a pull_request workflow with a read-only token.`,
      });
    });

  // A guard counts where it stands: on the job, or on the step it guards, never on a neighbour.
  const agentIndexes = [...agentSteps.map((a) => a.i), ...commandSteps.map((c) => c.i)];
  const forksOut = keepsForksOut.test(jobIf) || (agentIndexes.length > 0 && agentIndexes.every((i) => keepsForksOut.test(text(steps[i]!.if))));
  if (forksOut)
    ctx.out.push({
      id: 'github.fork-guard',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: keepsForksOut.test(jobIf) ? at('if') : at('steps', agentIndexes[0]!, 'if'),
      message: `job "${jobId}" does not run for pull requests from forks`,
    });
  const outside = externalAgentCall(job);
  if (outside) {
    const open = ctx.events.filter((e) => isUntrusted(ctx, e) && !jobGated(obj(wf.jobs), jobId, e));
    ctx.agentEvents ??= new Set();
    for (const e of ctx.events) if (isUntrusted(ctx, e) || e === 'schedule' || e === 'workflow_dispatch' || e === 'pull_request') ctx.agentEvents.add(e);
    ctx.out.push(
      ...externalAgentFindings(f.path, outside, { uses: at('uses'), secrets: at('secrets'), event: (e) => f.lineAt?.(['on', e]) }, open, perms.write),
    );
    return;
  }
  if (/(^|\/)copilot-setup-steps\.ya?ml$/.test(f.path) && jobId === 'copilot-setup-steps')
    return copilotSetupFindings(ctx, jobId, withWorkflowEnv, steps, perms);
  if (!hasAgent) return;

  // Evaluated per event: an if: may let anyone through for one event and only members for another.
  const allUntrusted = ctx.events.filter((e) => isUntrusted(ctx, e));
  // A step before the agent that fails the job for people outside the team gates it like an if:.
  const checkedBefore = (i: number) => steps.slice(0, i).some((s) => failsForOutsiders(s) && !text(s.if));
  const openFor = (i: number) => (checkedBefore(i) ? [] : allUntrusted.filter((e) => !(jobGated(obj(wf.jobs), jobId, e) || restrictsWho(steps[i]!.if, e))));
  const jobGatedHere = allUntrusted.every((e) => jobGated(obj(wf.jobs), jobId, e));
  const gatedStep = (i: number) => openFor(i).length === 0;
  // A job that only calls an agent workflow is gated where the job is.
  const gated = agentIndexes.length ? agentIndexes.every(gatedStep) : jobGatedHere;
  // The events anyone can start some agent step with; the job's findings speak of those.
  const openJobEvents = allUntrusted.filter((e) => !jobGated(obj(wf.jobs), jobId, e));
  const untrusted = gated ? allUntrusted : agentIndexes.length ? allUntrusted.filter((e) => agentIndexes.some((i) => openFor(i).includes(e))) : openJobEvents;
  ctx.agentEvents ??= new Set();
  for (const e of allUntrusted) if (!ctx.callers.some((c) => c.event === e)) ctx.agentEvents.add(e);
  for (const e of ctx.events) if (e === 'schedule' || e === 'workflow_dispatch' || e === 'pull_request') ctx.agentEvents.add(e);
  // A job in an environment may use the secrets kept there (no other job can), and waits for its
  // required reviewers or branch rules when it has them (settings, not visible here).
  const environment = text(job.environment) || text(obj(job.environment).name);
  if (environment)
    ctx.out.push({
      id: 'github.agent-environment',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: at('environment'),
      message: `the agent job "${jobId}" runs in the environment "${environment}": the secrets kept there reach only jobs that name it, and any reviewers or branch rules set on it stand before the job`,
    });
  // Bots kept out by the job's if: automation someone else controls cannot start the agent.
  if (/github\.event\.sender\.type\s*!=\s*'Bot'|!\s*endsWith\(\s*github\.actor\s*,\s*'\[bot\]'\s*\)|github\.actor\s*!=\s*'[\w-]+\[bot\]'/.test(jobIf))
    ctx.out.push({
      id: 'github.agent-bots-excluded',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: at('if'),
      message: `job "${jobId}" does not run when a bot asks: automation cannot start the agent`,
    });
  // A job reached through a dispatcher's outputs, here or in the caller: routing decided at run time.
  const routed = jobRouted(obj(wf.jobs), jobId) || (ctx.callers.length > 0 && ctx.callers.every((c) => c.routed));
  // Credit for a check of who asked, where it stands (a dispatcher's if: counts once, for all it gates).
  const checkStep = agentIndexes.length ? steps.slice(0, agentIndexes[0]).findIndex((x) => failsForOutsiders(x) && !text(x.if)) : -1;
  const gate = gateLine(ctx, wf, jobId, agentIndexes[0]);
  const gatedEvents = allUntrusted.filter((e) => !untrusted.includes(e) || gated);
  if (gatedEvents.length && gate)
    creditGate(
      ctx,
      gate.job,
      gate.line,
      `${gate.job === jobId ? `job "${jobId}"` : `job "${gate.job}", which job "${jobId}" needs,`} runs the agent ${gated ? 'only' : `on ${gatedEvents.join(', ')} only`} for members or named people (its if: checks who asked)`,
    );
  // A step that fails the job for outsiders is a gate of its own, whatever the if: already does.
  if (checkStep >= 0)
    creditGate(
      ctx,
      jobId,
      at('steps', checkStep),
      `in job "${jobId}", a step checks who asked and fails the job for anyone outside the team before the agent runs`,
    );
  // What each agent step can reach: the token it really holds, secrets, tools, gates.
  const persistedBefore = (i: number) => credentialsLeftBefore(steps, i);
  // An in-house agent (an unknown action, a script handed a model key): its tools are not in the files.
  const toolsUnseen = (i: number) => commandSteps.some((c) => c.i === i && c.inHouse);
  // A CLI agent given no tool that runs a command, or the bare base action given only such tools.
  const runsNoCommand = (i: number, allowed: string[] | undefined): boolean => {
    const command = commandSteps.find((c) => c.i === i && !c.inHouse);
    return command
      ? cliRunsNoCommand(command.agent, text(steps[i]!.run), command.agent.name === 'Claude Code' ? ctx.claudeProjectAllow() : [])
      : baseActionRunsNoCommand(text(steps[i]!.uses), allowed);
  };
  // An App token minted in the job and handed to the agent is what it acts with, in place of the job's.
  const minted = mintedTokens(steps);
  const reach = new Map<number, Reach>(
    agentIndexes.map((i) => {
      const handed = tokenHanded(steps[i]!, withWorkflowEnv, minted);
      const action = agentActionOf(text(steps[i]!.uses))?.action;
      const words = shellWords(text(steps[i]!.run)) ?? [];
      const allowed =
        action?.repo === 'anthropics/claude-code-action'
          ? claudeAllowed(obj(steps[i]!.with), agentActionOf(text(steps[i]!.uses))!.ref)
          : flagValues(words, '--allowedTools', '--allowed-tools').flatMap(toolList);
      return [
        i,
        reachOf({
          ...agentView(withWorkflowEnv, steps[i]!),
          write: handed ? (handed.writes ?? ['write-all']) : perms.write,
          idToken: perms.idToken,
          actionHoldsToken: handed !== undefined || actionHolds(steps[i]!),
          credentialsPersisted: persistedBefore(i),
          narrowTools: allowed !== undefined && allowed.length > 0 && !allowed.some(broadClaudeTool),
          runsNoCommand: runsNoCommand(i, allowed),
          toolsUnseen: toolsUnseen(i),
          reviewedFirst: alwaysRequires(job.if, mergedTerm) || alwaysRequires(steps[i]!.if, mergedTerm),
        }),
      ];
    }),
  );
  for (const m of new Set(agentIndexes.map((i) => tokenHanded(steps[i]!, withWorkflowEnv, minted)).filter((m) => m !== undefined)))
    appTokenFindings(
      ctx,
      jobId,
      m,
      perms,
      // As grave as it gets only where anyone can steer an agent whose tools are known; low where
      // every agent handed it has tools that run no command.
      agentIndexes.some(
        (i) => tokenHanded(steps[i]!, withWorkflowEnv, minted) === m && !gatedStep(i) && untrusted.length > 0 && !actionChecksWho(steps[i]!) && !toolsUnseen(i),
      ),
      agentIndexes.filter((i) => tokenHanded(steps[i]!, withWorkflowEnv, minted) === m).every((i) => reach.get(i)!.runsNoCommand),
    );

  // What the steps around the agent do with its work and its inputs.
  aroundAgentFindings(ctx, jobId, steps, agentIndexes, {
    perms,
    jobEnv: withWorkflowEnv,
    openAt: (i) => untrusted.length > 0 && !gatedStep(i),
  });

  // A job that calls an agent workflow through a dispatcher's outputs: anyone who reaches the
  // dispatcher may reach the agent, as routed at run time. Said once per dispatcher and event, here.
  if (callsAgent && !gated && jobRouted(obj(wf.jobs), jobId))
    for (const event of untrusted) {
      const dispatcher = dispatcherOf(obj(wf.jobs), jobId, event);
      const key = `dispatch:${dispatcher}:${event}`;
      if (ctx.credited.has(key)) continue;
      ctx.credited.add(key);
      const callees = keys(obj(wf.jobs)).filter(
        (j) => jobRouted(obj(wf.jobs), j) && runsAgent(ctx.workflows.get(calledPath(text(obj(obj(wf.jobs)[j]).uses)) ?? '')),
      );
      // As grave as the most a routed request can reach, and medium at most: routing is decided at run time.
      const reaches = callees.flatMap((j) => {
        const callee = obj(obj(wf.jobs)[j]);
        return calleeReaches(ctx.workflows.get(calledPath(text(callee.uses))!)!, callee.permissions ?? wf.permissions);
      });
      const worst = reaches.some((r) => openSeverity(r) !== 'low') ? 'medium' : 'low';
      ctx.out.push({
        id: 'github.agent-untrusted-trigger',
        failureMode: 'FM4',
        severity: reaches.length ? worst : 'medium',
        kind: 'risk',
        path: f.path,
        line:
          (dispatcher === undefined ? undefined : lineWithin(f, ['jobs', dispatcher, 'if'], new RegExp(`event_name\\s*==\\s*'${event}'`))) ??
          f.lineAt?.(['on', event]),
        message: `anyone who can fire ${event} reaches the dispatcher${dispatcher ? ` job "${dispatcher}"` : ''}, which hands requests to agent workflows at run time (${callees.map((j) => `"${j}"`).join(', ')}): their text may reach an agent (a prompt-injection path)`,
        recommendation:
          "Route only requests from members (check author_association in the dispatcher's if: for every event), and keep the agents' tokens read-only.",
      });
    }

  // A called workflow that sets no permissions uses its caller's token, reported on the caller's job.
  // A token no agent step can reach (not handed to the action, not in its environment, not left in
  // .git/config) is the job's, used by the steps around the agent: said, not held against the agent.
  const outOfReach = agentIndexes.length > 0 && agentIndexes.every((i) => reach.get(i)!.writes.length === 0);
  // Agents whose tools run no command hold the token without a way to act with it.
  const commandless = agentIndexes.length > 0 && agentIndexes.every((i) => reach.get(i)!.runsNoCommand);
  // An agent handed an App token minted in the job does not act with the job's: a read-only job
  // token is then no credit to it. Claude's action left to mint its own (no github_token: it
  // exchanges the job's OIDC token for its App's) is said in the credit.
  const actsWithOther = agentIndexes.some((i) => tokenHanded(steps[i]!, withWorkflowEnv, minted) !== undefined);
  const ownApp = agentIndexes.some((i) => /^anthropics\/claude-code-action@/.test(text(steps[i]!.uses)) && obj(steps[i]!.with).github_token === undefined);
  // A called workflow that names its agent jobs' scopes reports them itself (a caller's token only
  // bounds them): said there, once, at the scopes the agent really gets.
  const calleeNamesScopes = callsAgent && agentJobsNameScopes(ctx.workflows.get(callee!)!);
  if ((job.permissions !== undefined || wf.permissions !== undefined || inherited === undefined) && !calleeNamesScopes)
    tokenFindings(ctx, jobId, perms, { outOfReach, commandless, actsWithOther, ownApp });
  // Where every agent step already holds the token (the action acts with it, or it is in the
  // environment), the copy a checkout leaves in .git/config adds no reach.
  const held = agentIndexes.length > 0 && agentIndexes.every((i) => actionHolds(steps[i]!) || tokenInEnv(withWorkflowEnv, steps[i]!));
  checkoutFindings(ctx, jobId, steps, perms, held);
  // An OIDC token can be exchanged for any cloud role that trusts this repository: context a
  // reader needs beside the agent, whether or not the agent uses it to sign in to its model.
  if (perms.idToken)
    ctx.out.push({
      id: 'github.agent-id-token',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: perms.scopeLine?.('id-token') ?? perms.line,
      message: `the agent job "${jobId}" can request an OIDC token (id-token: write): any cloud role that trusts this repository's workflows is in its reach`,
    });
  // A called agent workflow given every secret the repository has, not the ones it names.
  if (callsAgent && text(job.secrets) === 'inherit')
    ctx.out.push({
      id: 'github.agent-secrets-inherit',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: at('secrets'),
      message: `job "${jobId}" passes every repository secret to the agent workflow it calls (secrets: inherit)`,
    });
  for (const i of agentIndexes)
    envTokenFindings(
      ctx,
      jobId,
      job,
      i,
      steps[i]!,
      perms,
      // A step that runs dry on the events anyone fires acts only on a run the team dispatches.
      untrusted.length > 0 && !gatedStep(i) && !reach.get(i)!.dryRun,
      obj(wf.env),
      reach.get(i)!.runsNoCommand,
      agentActionOf(text(steps[i]!.uses))?.action.repo === 'google-github-actions/run-gemini-cli' && shellTextOnly(text(obj(steps[i]!.with).settings))
        ? 'its shell runs only programs that read and print text'
        : undefined,
    );
  for (const i of agentIndexes) ctx.out.push(...writtenTextFindings(f, jobId, i, steps[i]!));
  for (const i of agentIndexes.filter((i) => reach.get(i)!.dryRun)) {
    const name = reach.get(i)!.dryRun!;
    ctx.out.push({
      id: 'github.agent-dry-run-default',
      failureMode: 'FM1',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: f.lineAt?.(['jobs', jobId, 'steps', i, 'env', name]) ?? f.lineAt?.(['jobs', jobId, 'env', name]),
      message: `the agent step runs dry (${name}) on every event but a manual dispatch: it logs what it would write, and a person decides when it writes`,
    });
  }
  for (const i of agentIndexes) secretFindings(ctx, jobId, i, reach.get(i)!, untrusted.length > 0 && !gatedStep(i) && !actionChecksWho(steps[i]!));
  for (const { i, step, action, ref } of agentSteps)
    actionFindings(ctx, {
      jobId,
      i,
      step,
      action,
      ref,
      untrusted: untrusted.filter((e) => gated || openFor(i).includes(e)),
      gated: gatedStep(i),
      perms,
      reach: reach.get(i)!,
      routed,
    });
  for (const { i, words, agent } of commandSteps) {
    // A run: step is cited at the agent's own call inside its script, where a reader would point.
    const line =
      (words.length ? agentCallLine(f, ['jobs', jobId, 'steps', i, 'run'], text(steps[i]!.run), agent.command) : undefined) ??
      at('steps', i, 'run') ??
      at('steps', i, 'uses');
    const inHouse = actionRef(text(steps[i]!.uses));
    if (inHouse) pinFindings(ctx, inHouse.repo, inHouse.ref, at('steps', i, 'uses'), perms);
    ctx.out.push(agentRuns(f.path, line, `${agent.name}${words.length ? ', from a run: step' : ''}`));
    if (reach.get(i)!.runsNoCommand)
      ctx.out.push({
        id: 'github.agent-runs-no-command',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'protective',
        path: f.path,
        // Cited at the agent's own command line, inside the script.
        line,
        message: `${agent.name} runs in print mode with no tool grant that runs a command: it can read the workspace, not act with what the job holds`,
      });
    const flag = agent.bypass.find((b) => words.includes(b));
    if (flag) {
      // gh-aw's firewall (awf) runs the agent in a throwaway container that reaches only listed
      // hosts: given as --allow-domains, or in the config file the step writes (allowDomains).
      const run = text(steps[i]!.run);
      // The config is JSON, written as is or inside a double-quoted string (\"allowDomains\").
      const listed =
        words.some((w) => w.startsWith('--allow-domains')) ||
        (/allowDomains\\?"\s*:\s*\[\s*\\?"/.test(run) && !/allowDomains\\?"\s*:\s*\[[^\]]*\\?"\*\\?"/.test(run));
      const egressLimited = words.includes('awf') && listed;
      const openToAnyone = !gatedStep(i) && untrusted.length > 0;
      // Cited where the flag is written, inside a long script.
      const flagLine = lineWithin(f, ['jobs', jobId, 'steps', i, 'run'], new RegExp(`(^|\\s)${escapeRegExp(flag)}(\\s|$|')`)) ?? line;
      // Unchecked calls inside a disposable, firewalled sandbox, started only by the team: what a
      // sandbox is for, and what "blocked outside disposable sandboxes" allows. Said, not held against.
      if (egressLimited && !openToAnyone)
        ctx.out.push({
          id: 'github.agent-bypass-in-sandbox',
          failureMode: 'FM4',
          severity: 'info',
          kind: 'fact',
          path: f.path,
          line: flagLine,
          message: `${agent.name} runs with ${flag} inside gh-aw's firewall: a throwaway container that reaches only listed hosts, started only by the team`,
        });
      else
        ctx.out.push(
          bypass(
            f.path,
            flagLine,
            `${agent.name} runs with ${flag}${egressLimited ? ' (inside a firewall that allows only listed domains)' : ''}`,
            `Remove ${flag}; grant the exact tools the job needs instead.`,
            bypassSeverity(openToAnyone, egressLimited, holdsNothing(reach.get(i)!)),
          ),
        );
    }
    if (untrusted.length && !gatedStep(i))
      ctx.out.push(
        ...untrustedTrigger(
          ctx,
          agent.name,
          untrusted[0]!,
          words.length ? 'a run: step has no check of who asked' : 'nothing in it is known to check who asked',
          reach.get(i)!,
          line,
          routed,
        ),
      );
  }
}

interface ActionUse {
  jobId: string;
  i: number;
  step: Obj;
  action: AgentAction;
  ref: string;
  untrusted: string[];
  gated: boolean;
  perms: Permissions;
  reach: Reach;
  routed: boolean;
}

/**
 * A prompt file read from the checkout is the pull request's own when the job checks its code
 * out (a pull_request run's default checkout, or a checkout of the head): the change under review
 * can rewrite its reviewer's instructions. As grave as who can open such a change and run it.
 */
function promptFileFindings(ctx: Context, u: ActionUse, at: At, openToAnyone: boolean): void {
  const file = text(obj(u.step.with)['prompt-file'] ?? obj(u.step.with).prompt_file);
  if (!file || /\$\{\{/.test(file) || file.startsWith('/')) return;
  const steps = (obj(obj(obj(ctx.f.data).jobs)[u.jobId]).steps as unknown[] | undefined)?.map(obj).slice(0, u.i) ?? [];
  const prCode = steps.some(
    (s) => isCheckout(s) && (headRef.test(text(obj(s.with).ref)) || (ctx.events.includes('pull_request') && obj(s.with).ref === undefined)),
  );
  if (!prCode) return;
  ctx.out.push({
    id: 'github.agent-prompt-from-pr',
    failureMode: 'FM1',
    severity: openToAnyone ? 'high' : 'low',
    kind: 'risk',
    path: ctx.f.path,
    line: at('with', obj(u.step.with)['prompt-file'] !== undefined ? 'prompt-file' : 'prompt_file'),
    message: `the agent's instructions (${file}) are read from the pull request's own checkout: the change under review can rewrite them`,
    recommendation: 'Read the prompt from the base branch (a separate checkout of the default branch) or keep it in the workflow.',
  });
}

/** The inputs that hand an agent action its instructions. */
const promptInputs = ['prompt', 'direct_prompt', 'override_prompt', 'custom_instructions', 'system_prompt', 'append_system_prompt'];

/**
 * A rule written into the agent's prompt ("never push", "do not merge") is advice to the model:
 * nothing in the workflow makes it hold. Said once per step, at the rule a reader would cite.
 */
function promptRuleFindings(ctx: Context, jobId: string, i: number, input: Obj): void {
  for (const key of promptInputs) {
    const lines = text(input[key]).split('\n');
    const hit = proseRuleLine(lines);
    if (hit < 0) continue;
    const rule = lines[hit]!.trim();
    ctx.out.push({
      id: 'github.instruction-not-enforced',
      failureMode: 'FM1',
      severity: 'low',
      kind: 'risk',
      path: ctx.f.path,
      line: lineWithin(ctx.f, ['jobs', jobId, 'steps', i, 'with', key], new RegExp(escapeRegExp(rule.slice(0, 60)))),
      message: `the agent's ${key} states a rule nothing in the workflow enforces ("${rule.slice(0, 90)}"): advice to a model, not a control`,
      recommendation:
        "Enforce it where the agent cannot talk its way past it: the token's permissions, the tool list, or a step that checks the agent's output.",
    });
    return;
  }
}

/** The line of a script where it first calls the agent's program (a word `command` matches). */
function agentCallLine(f: ParsedFile, path: (string | number)[], run: string, command: RegExp): number | undefined {
  const call = invocations(run, command)[0];
  const word = call && (shellWords(call.line) ?? []).find((w) => command.test(w));
  return word === undefined ? undefined : lineWithin(f, path, new RegExp(`(^|[\\s;&|(])${escapeRegExp(word)}(\\s|$)`));
}

/** The fact every agent step is reported with: which agent runs, where. */
function agentRuns(path: string, line: number | undefined, what: string): FindingDraft {
  return { id: 'github.agent-workflow', failureMode: 'FM1', severity: 'info', kind: 'fact', path, line, message: `runs an agent in CI (${what})` };
}

function actionFindings(ctx: Context, u: ActionUse): void {
  const { f } = ctx;
  const at = (...path: (string | number)[]) => f.lineAt?.(['jobs', u.jobId, 'steps', u.i, ...path]);
  const uses = at('uses');
  const input = obj(u.step.with);
  ctx.out.push(agentRuns(f.path, uses, u.action.repo));

  // A local action's own reference to the agent action is pinned (or not) in that action's file.
  if (!wrappedIn(u.step)) pinFindings(ctx, u.action.repo, u.ref, uses, u.perms);
  promptRuleFindings(ctx, u.jobId, u.i, input);

  // Who can start it: the action's own default, opened up by an input, or nothing at all.
  const openers = u.action.openers.filter((o) => input[o.input] !== undefined && input[o.input] !== false && text(input[o.input]) !== '');
  for (const o of openers) {
    const value = text(input[o.input]);
    const anyone = value.trim() === '*' || value === 'true';
    const line = at('with', o.input);
    // One risk, one finding, at the line that makes it: the action checks who asked, and this input turns that off.
    if (o.who === 'users' && anyone && u.untrusted.length && !u.gated) {
      ctx.out.push({
        id: 'github.agent-open-to-anyone',
        failureMode: 'FM4',
        severity: openSeverity(u.reach),
        kind: 'risk',
        path: f.path,
        line,
        message: `${o.input}: "*" lets anyone who can ${u.untrusted.includes('issues') ? 'open an issue' : 'comment'} start ${u.action.name} with text they wrote: a prompt-injection path to ${reachWords(u.reach)}`,
        recommendation: `Remove ${o.input}, or list named users, and keep the job's token read-only.`,
      });
    } else if (o.who === 'bots' && anyone)
      ctx.out.push({
        id: 'github.agent-bots-allowed',
        failureMode: 'FM4',
        // Behind a check of who asked (an if: on membership), a bot gets no further than anyone else.
        severity: u.gated || !u.untrusted.length ? 'low' : 'medium',
        kind: 'risk',
        path: f.path,
        line,
        message: `${o.input} lets any bot start ${u.action.name}: automation someone else controls can drive the agent`,
        recommendation: `List the bots by name in ${o.input}.`,
      });
    else
      ctx.out.push({
        id: 'github.agent-named-actors',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'fact',
        path: f.path,
        line,
        message: `${o.input} lets the listed ${o.who === 'bots' ? 'bots' : 'people without write access'} start ${u.action.name}`,
      });
  }
  // The action's own check of who asked, credited where anyone could otherwise start it: on the
  // untrusted events, or on a pull request, which anyone can open.
  const open = u.untrusted.length && !u.gated;
  const checkedFor = open
    ? `from ${u.untrusted.join(', ')} events`
    : !u.untrusted.length && ctx.events.includes('pull_request')
      ? 'from pull requests'
      : undefined;
  if (open && !u.action.checksWriteAccess)
    ctx.out.push(
      ...untrustedTrigger(
        ctx,
        u.action.name,
        u.untrusted[0]!,
        `${text(u.step.uses).replace(/@.*/, '')} does not check who triggered it`,
        u.reach,
        uses,
        u.routed,
      ),
    );
  else if (checkedFor && u.action.checksWriteAccess && !openers.some((o) => o.who === 'users'))
    ctx.out.push({
      id: 'github.agent-write-check-default',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: uses,
      message: `only people with write access can start ${u.action.name} ${checkedFor} (the action's default check)`,
    });

  // Credentials: federation (OIDC) rather than a long-lived key in secrets.
  const key = u.action.apiKeyInputs.find((k) => input[k] !== undefined);
  if (key)
    ctx.out.push({
      id: 'github.agent-api-key',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: at('with', key),
      message: `${u.action.name} authenticates with a long-lived API key (${key})`,
    });
  else if (u.perms.idToken) {
    // Cited at the input that names the federation, when there is one; otherwise at the action.
    const federation = u.action.oidcInputs.find((k) => input[k] !== undefined);
    ctx.out.push({
      id: 'github.agent-oidc',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: (federation === undefined ? undefined : at('with', federation)) ?? uses,
      message: `${u.action.name} authenticates through OIDC federation (id-token: write), not a stored API key`,
    });
  }

  // Who can steer it: anyone, when the action checks no one or an input opened it to everyone.
  const openToAnyone = u.untrusted.length > 0 && !u.gated && (!u.action.checksWriteAccess || openers.some((o) => o.who === 'users'));
  const bypassLevel = bypassSeverity(openToAnyone);
  // The job's own short-lived token handed over explicitly, rather than a stored PAT.
  if (/^\$\{\{\s*(secrets\.GITHUB_TOKEN|github\.token)\s*\}\}$/.test(text(input.github_token).trim()))
    ctx.out.push({
      id: 'github.agent-job-token',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: at('with', 'github_token'),
      message: `${u.action.name} acts with the job's own short-lived token, not a stored personal token`,
    });
  if (u.action.repo === 'anthropics/claude-code-action') {
    claudeInputs(ctx, input, at, bypassLevel, u.ref, u.reach, (key, term) => lineWithin(f, ['jobs', u.jobId, 'steps', u.i, 'with', key], term));
    claudeSettingsInput(
      ctx,
      input,
      (term) => lineWithin(f, ['jobs', u.jobId, 'steps', u.i, 'with', 'settings'], term),
      u.reach,
      allowedTools(claudeArgWords(text(input.claude_args))?.words ?? [], input, u.ref),
    );
  }
  if (u.action.repo === 'openai/codex-action') codexInputs(ctx, input, at, bypassLevel);
  promptFileFindings(ctx, u, at, openToAnyone);
  if (u.action.repo === 'google-github-actions/run-gemini-cli')
    ctx.out.push(...extensionFindings(f.path, text(input.extensions), (term) => lineWithin(f, ['jobs', u.jobId, 'steps', u.i, 'with', 'extensions'], term)));
  if (u.action.repo === 'google-github-actions/run-gemini-cli')
    ctx.out.push(
      ...geminiSettingsFindings(
        f.path,
        text(input.settings),
        at('with', 'settings') ?? uses,
        (term, after) => lineWithin(f, ['jobs', u.jobId, 'steps', u.i, 'with', 'settings'], term, after),
        u.reach.secrets.length > 0 || u.reach.writes.some((w) => w === 'contents' || w === 'write-all'),
      ),
    );
}

/** Taken from a moving ref, an action's next commit runs with this job's token and secrets. */
function pinFindings(ctx: Context, repo: string, ref: string, line: number | undefined, perms: Permissions): void {
  ctx.out.push(pinFinding(ctx.f.path, repo, ref, line, perms.write));
}

/**
 * Copilot's coding agent runs the job named copilot-setup-steps before it starts: whatever those
 * steps install, fetch or are handed is the agent's environment. The agent gets its own token, so
 * the job's permissions bound the setup steps only.
 */
function copilotSetupFindings(ctx: Context, jobId: string, job: Obj, steps: Obj[], perms: Permissions): void {
  const at = (...path: (string | number)[]) => ctx.f.lineAt?.(['jobs', jobId, ...path]);
  tokenFindings(ctx, jobId, perms);
  steps.forEach((s, i) => {
    // The repository's own script prepares the agent's machine: its changes go through review, or not.
    const script = (shellWords(text(s.run)) ?? []).find((w) => /^\.{0,2}\/[\w./-]+\.(sh|ps1|py|js|mjs)$|^[\w./-]+\.(sh|ps1)$/.test(w));
    if (script)
      ctx.out.push({
        id: 'github.setup-runs-repo-script',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'fact',
        path: ctx.f.path,
        line: at('steps', i, 'run'),
        message: `the agent's setup runs the repository's own ${script}: whoever can change it changes the agent's environment`,
      });
    const ref = actionRef(text(s.uses));
    if (ref) pinFindings(ctx, ref.repo, ref.ref, at('steps', i, 'uses'), perms);
    const reach = reachOf({ job, step: s, write: [], idToken: false, actionHoldsToken: false, credentialsPersisted: false, narrowTools: false });
    // A step that writes to $GITHUB_ENV hands every later step, the agent included, those values:
    // a model provider's key there is not the agent's own credential but one more secret it holds.
    const exported = /\$\{?GITHUB_ENV\b/.test(text(s.run));
    const secrets = exported ? credentialSecrets([...Object.values(obj(s.env)), ...Object.values(obj(job.env))]) : [];
    if (secrets.length)
      ctx.out.push({
        id: 'github.agent-secret-in-env',
        failureMode: 'FM4',
        severity: 'medium',
        kind: 'risk',
        path: ctx.f.path,
        line: lineWithin(ctx.f, ['jobs', jobId, 'steps', i, 'run'], /GITHUB_ENV/) ?? at('steps', i),
        message: `a setup step of Copilot's coding agent exports ${secrets.join(', ')} to $GITHUB_ENV: the agent's own environment, where text it reads can talk it into sending them out`,
        recommendation: 'Give the agent only what it needs to build and test; keep deploy and cloud credentials out of its setup.',
      });
    else if (reach.secrets.length) secretFindings(ctx, jobId, i, reach, false);
  });
}

/** Severity from what the step can reach (reach.ts): anyone's text reaches the agent. */
function untrustedTrigger(ctx: Context, name: string, event: string, why: string, reach: Reach, fallbackLine?: number, routed = false): FindingDraft[] {
  const caller = ctx.callers.find((c) => c.event === event);
  // Reached only through a dispatcher: the caller's finding says so, once.
  if (caller && ctx.callers.filter((c) => c.event === event).every((c) => c.routed)) return [];
  // Routed by a dispatcher's outputs: whether this event's requests come here is decided by code
  // at run time, so the claim is that it may, not that it does: never more than medium.
  const severity = openSeverity(reach);
  return [
    {
      id: 'github.agent-untrusted-trigger',
      failureMode: 'FM4',
      severity: routed && severity === 'high' ? 'medium' : severity,
      kind: 'risk',
      path: ctx.f.path,
      line: caller ? fallbackLine : (ctx.f.lineAt?.(['on', event]) ?? fallbackLine),
      message: `anyone who can fire ${event}${caller ? ` (through ${caller.from}, which calls this workflow)` : ''} ${routed ? 'may start' : 'starts'} ${name}${routed ? ' (a dispatcher routes requests at run time)' : ''}, and ${why}: their text reaches an agent with ${reachWords(reach)} (a prompt-injection path)`,
      recommendation: "Add an if: that checks author_association (OWNER, MEMBER, COLLABORATOR) before the agent runs, and keep the job's token read-only.",
    },
  ];
}
