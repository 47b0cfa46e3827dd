// The tokens and secrets around an agent step: what the job's permissions grant, an App token
// minted in the job, the token or a secret in the agent's environment, and what a checkout leaves
// in .git/config. Split from the workflow reader, which decides who starts the agent.
import type { Severity } from '../types.js';
import { escapeRegExp } from '../../regexp.js';
import { keys, obj, text, type Obj } from '../shared/data.js';
import { agentActionOf } from './agent-actions.js';
import type { MintedToken } from './app-token.js';
import { lineWithin, type Context } from './context.js';
import { credentialSecrets, excludedEnv, type Reach } from './reach.js';
import { compiled } from './lock-source.js';

/** actions/checkout, or a drop-in fork of it (useblacksmith/checkout) that takes the same inputs. */
export const isCheckout = (s: Obj): boolean => /^(actions|useblacksmith)\/checkout@/.test(text(s.uses));

export interface Permissions {
  /** False when neither the job nor the workflow sets permissions: the repository default applies. */
  defined: boolean;
  write: string[];
  idToken: boolean;
  line: number | undefined;
  /** The line of one scope inside the block (`contents: write`), where a reader would point. */
  scopeLine?: (scope: string) => number | undefined;
}

export function permissionsOf(value: unknown, line: number | undefined): Permissions {
  if (value === undefined || value === null) return { defined: false, write: [], idToken: false, line };
  if (value === 'write-all') return { defined: true, write: ['write-all'], idToken: true, line };
  if (typeof value === 'string') return { defined: true, write: [], idToken: false, line };
  const p = obj(value);
  return { defined: true, write: keys(p).filter((k) => p[k] === 'write' && k !== 'id-token'), idToken: p['id-token'] === 'write', line };
}

export function tokenFindings(
  ctx: Context,
  jobId: string,
  perms: Permissions,
  { outOfReach = false, commandless = false, actsWithOther = false, ownApp = false } = {},
): void {
  const { f } = ctx;
  if (!perms.defined)
    return void ctx.out.push({
      id: 'github.agent-default-token',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      message: `job "${jobId}" sets no permissions: its token gets the repository's default, which is a setting, not visible here`,
    });
  const broad = perms.write.filter((w) => w === 'write-all' || w === 'contents' || w === 'actions' || w === 'workflows');
  if (perms.write.length && outOfReach)
    return void ctx.out.push({
      id: 'github.agent-token-out-of-reach',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: perms.line,
      message: `job "${jobId}" holds a token that can write ${perms.write.join(', ')}, but its agent cannot reach it: the action does not act with it, it is not in the agent's environment and no checkout left it in .git/config`,
    });
  if (broad.length)
    ctx.out.push({
      id: 'github.agent-broad-token',
      failureMode: 'FM2',
      // An agent whose tools run no command cannot use it; the steps around it still can.
      severity: commandless ? 'low' : 'medium',
      kind: 'risk',
      path: f.path,
      // Cited at the scope that makes it broad, inside the block (the block itself for write-all).
      line: (broad[0] === 'write-all' ? undefined : perms.scopeLine?.(broad[0]!)) ?? perms.line,
      message: commandless
        ? `the agent job "${jobId}" holds a token that can write ${broad.includes('write-all') ? 'everything' : broad.join(' and ')}; its agent's tools run no command, so only the steps around it can use the token`
        : `the agent job "${jobId}" holds a token that can write ${broad.includes('write-all') ? 'everything' : broad.join(' and ')}: a prompt-injected run can push code or change workflows with it`,
      recommendation: 'Give the agent job contents: read and let a separate, agent-free job push or open the pull request.',
    });
  else if (perms.write.length)
    ctx.out.push({
      id: 'github.agent-write-token',
      failureMode: 'FM2',
      severity: 'low',
      kind: 'risk',
      path: f.path,
      line: perms.scopeLine?.(perms.write[0]!) ?? perms.line,
      message: `the agent job "${jobId}" can write ${perms.write.join(', ')} (comments, labels or reviews): limited, but in reach of a prompt-injected run`,
    });
  else if (!actsWithOther)
    ctx.out.push({
      id: 'github.agent-read-only-token',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: perms.line,
      message: ownApp
        ? `the agent job "${jobId}" has a read-only token; Claude Code acts with its own GitHub App's token (no github_token given), whose rights the App's installation decides`
        : `the agent job "${jobId}" has a read-only token`,
    });
}

/** Code and workflows are what an App token must not let an agent write; comments and labels it may. */
export function appTokenFindings(ctx: Context, jobId: string, m: MintedToken, perms: Permissions, openToAnyone: boolean, commandless = false): void {
  const { f } = ctx;
  const at = (...path: (string | number)[]) => f.lineAt?.(['jobs', jobId, 'steps', m.index, ...path]);
  const code = m.writes?.filter((w) => ['contents', 'actions', 'workflows', 'packages', 'administration'].includes(w)) ?? [];
  // Code writes the job's own permissions grant as well are reported there, once.
  if (code.length && code.every((w) => perms.write.includes(w) || perms.write.includes('write-all'))) return;
  if (m.writes === undefined || code.length)
    ctx.out.push({
      id: 'github.app-token-unscoped',
      failureMode: 'FM2',
      severity: commandless ? 'low' : openToAnyone ? 'high' : 'medium',
      kind: 'risk',
      path: f.path,
      line: m.writes === undefined ? at('uses') : at('with', m.firstScope!),
      message:
        m.writes === undefined
          ? `the App token handed to the agent in job "${jobId}" names no permission-* scope: it carries everything the App's installation may do${commandless ? "; its agent's tools run no command today" : ''}`
          : `the App token handed to the agent in job "${jobId}" is minted to write ${code.join(', ')}: ${commandless ? "its agent's tools run no command today, but a tool granted later could push code with it" : 'a prompt-injected run can push code with it'}`,
      recommendation: 'Mint it with permission-contents: read and only the write scopes the agent needs (permission-issues: write).',
    });
  else
    ctx.out.push({
      id: 'github.app-token-scoped',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: at('with', m.firstScope!),
      message: `the App token handed to the agent in job "${jobId}" is minted with named scopes${m.writes.length ? ` (writes ${m.writes.join(', ')} only)` : ' (read-only)'}: it cannot push code`,
    });
}

/** A known agent action that refuses people without write access, unless an input opens it to users. */
export function actionChecksWho(step: Obj): boolean {
  const action = agentActionOf(text(step.uses))?.action;
  const input = obj(step.with);
  return !!action?.checksWriteAccess && !action.openers.some((o) => o.who === 'users' && input[o.input] !== undefined && text(input[o.input]) !== '');
}

/**
 * Whether the step's action acts with the job's token itself: as documented for a known agent
 * action; assumed for one the scanner does not know, since most actions that touch GitHub take
 * the token as a default input (github.token).
 */
export function actionHolds(step: Obj): boolean {
  const known = agentActionOf(text(step.uses));
  return known ? known.action.holdsToken : text(step.uses) !== '';
}

/** A GitHub token or key the agent's own process can read: what a prompt-injected command can use. */
// COPILOT_GITHUB_TOKEN is Copilot CLI's own credential (its model access), like a provider key.
const tokenVar = /^(?!COPILOT_GITHUB_TOKEN$)(GITHUB_TOKEN|GH_TOKEN|GITHUB_PAT|GH_PAT|.*_GITHUB_TOKEN|.*_PAT)$/;

export function envTokenFindings(
  ctx: Context,
  jobId: string,
  job: Obj,
  i: number,
  step: Obj,
  perms: Permissions,
  openToAnyone: boolean,
  workflowEnv: Obj = {},
  commandless = false,
  /** Why the agent's commands cannot act with a short-lived token, where they cannot (a shell of text programs). */
  cannotUse?: string,
): void {
  const { f } = ctx;
  const stepEnv = obj(step.env);
  // The workflow's env:, then the job's, then the step's: each a place the agent's process reads.
  const env: [string, unknown, (string | number)[]][] = [
    ...Object.entries(workflowEnv).map(([k, v]) => [k, v, ['env', k]] as [string, unknown, (string | number)[]]),
    ...Object.entries(obj(job.env)).map(([k, v]) => [k, v, ['jobs', jobId, 'env', k]] as [string, unknown, (string | number)[]]),
    ...Object.entries(stepEnv).map(([k, v]) => [k, v, ['jobs', jobId, 'steps', i, 'env', k]] as [string, unknown, (string | number)[]]),
  ];
  // One finding per step: GH_TOKEN and GITHUB_TOKEN side by side are one exposure.
  const hidden = excludedEnv(step);
  const exposed = env.filter(([name, value]) => tokenVar.test(name) && text(value).trim() !== '' && !hidden.includes(name));
  for (const [name, , path] of env.filter(([name, value]) => tokenVar.test(name) && text(value).trim() === ''))
    ctx.out.push({
      id: 'github.agent-no-token-in-env',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: f.lineAt?.(path),
      message: `${name} is blanked for the agent step: its commands cannot use the job's token`,
    });
  if (!exposed.length) return;
  const names = exposed.map(([n]) => n);
  // A secret other than the job's own token (`secrets.GITHUB_TOKEN` is that token by another name).
  const personal = exposed.some(([, v]) => /secrets\.(?!GITHUB_TOKEN\b)\w+/.test(text(v)));
  // A stored token outlives the job: printed into a comment, it stays usable, so only tools that
  // run no command at all keep it out of reach.
  const unusable = commandless || (cannotUse !== undefined && !personal);
  const broad = perms.write.some((w) => w === 'contents' || w === 'write-all' || w === 'actions');
  ctx.out.push({
    id: 'github.agent-token-in-env',
    failureMode: 'FM4',
    // What the token can do, a level lower when only the repository's own people can steer the
    // agent; low when its tools run no command that could read the variable.
    severity: unusable ? 'low' : lower(broad ? 'high' : perms.write.length || personal ? 'medium' : 'low', !openToAnyone),
    kind: 'risk',
    path: f.path,
    line: f.lineAt?.(exposed[0]![2]),
    message: `${names.join(' and ')} put${names.length > 1 ? '' : 's'} ${personal ? 'a stored token' : exposed.every(([, v]) => /steps\.[\w-]+\.outputs\./.test(text(v))) ? 'a token minted in the job' : "the job's token"} in the agent's own environment${perms.write.length ? ` (it can write ${perms.write.join(', ')})` : ''}: ${commandless ? 'its tools run no command today, but a tool granted later could use it' : unusable ? `${cannotUse}, so no command acts with it` : 'any command the agent is talked into running can use it'}`,
    recommendation: `Leave ${names.join(' and ')} out of the agent step (set ${names.length > 1 ? 'them' : 'it'} to '') and give the token to a separate step that acts on the agent's output.`,
  });
}

const lower = (severity: Severity, by: boolean): Severity => (!by ? severity : severity === 'high' ? 'medium' : 'low');

/**
 * A secret other than the model's key and the job's token, handed to the agent step: whatever the
 * agent is talked into, it can send that secret anywhere it can reach.
 */
export function secretFindings(ctx: Context, jobId: string, i: number, reach: Reach, openToAnyone: boolean): void {
  const step = obj((obj(obj(obj(ctx.f.data).jobs)[jobId]).steps as unknown[] | undefined)?.[i]);
  // A stored token in GITHUB_TOKEN or GH_TOKEN is said once, by the token-in-environment finding.
  const envNames = new Set([...keys(obj(obj(ctx.f.data).env)), ...keys(obj(obj(obj(obj(ctx.f.data).jobs)[jobId]).env)), ...keys(obj(step.env))]);
  const names = reach.secrets.filter((n) => !(/^(GITHUB_TOKEN|GH_TOKEN)$/.test(n) && envNames.has(n)));
  if (!names.length) return;
  const key = [...Object.keys(obj(step.env)).map((k) => ['env', k]), ...Object.keys(obj(step.with)).map((k) => ['with', k])].find(([where, k]) =>
    new RegExp(`secrets\\.${escapeRegExp(names[0]!)}\\b`).test(text(obj(step[where!])[k!])),
  );
  const setup = jobId === 'copilot-setup-steps';
  ctx.out.push({
    id: 'github.agent-secret-in-env',
    failureMode: 'FM4',
    // Tools that run no command cannot read a variable: what is left is a tool granted later.
    severity: reach.runsNoCommand ? 'low' : openToAnyone && !reach.toolsUnseen ? 'high' : 'medium',
    kind: 'risk',
    path: ctx.f.path,
    // Cited at the first secret's own line, inside a block such as claude_env.
    line:
      (key && lineWithin(ctx.f, ['jobs', jobId, 'steps', i, ...key], new RegExp(`secrets\\.${escapeRegExp(names[0]!)}\\b`))) ??
      ctx.f.lineAt?.(['jobs', jobId, 'steps', i]),
    message: setup
      ? `a setup step of Copilot's coding agent is handed ${names.join(', ')}: what it leaves in the environment (files, caches, configuration) is in the agent's reach`
      : `the agent step in job "${jobId}" is handed ${names.join(', ')}: ${openToAnyone ? 'anyone who starts it' : 'text it reads'} can talk it into sending ${names.length > 1 ? 'them' : 'it'} out`,
    recommendation: 'Give the agent only its model key; let a separate step that runs no agent use the other secrets.',
  });
}

/**
 * actions/checkout leaves the job's token in .git/config unless told not to: in an agent job, any
 * command the agent runs can read it from there.
 */
export function checkoutFindings(ctx: Context, jobId: string, steps: Obj[], perms: Permissions, held = false): void {
  const { f } = ctx;
  steps.forEach((s, i) => {
    if (!isCheckout(s)) return;
    const persist = obj(s.with)['persist-credentials'];
    const line = f.lineAt?.(['jobs', jobId, 'steps', i, 'with', 'persist-credentials']) ?? f.lineAt?.(['jobs', jobId, 'steps', i, 'uses']);
    const stored = credentialSecrets([obj(s.with).token, obj(s.with)['ssh-key']]).filter((n) => n !== 'GITHUB_TOKEN');
    if (persist === false || text(persist) === 'false')
      ctx.out.push({
        id: 'github.agent-checkout-no-credentials',
        failureMode: 'FM4',
        severity: 'info',
        // The agentic-workflow compiler writes it into every job it compiles: its default, not a
        // decision made here, so context rather than credit.
        kind: compiled(f.path) ? 'fact' : 'protective',
        path: f.path,
        line,
        message: `the checkout in agent job "${jobId}" does not keep the token in .git/config (persist-credentials: false)`,
      });
    else if (stored.length)
      // A deploy key or a personal token outlives the job and reaches wherever it was granted:
      // left in .git/config (or as the SSH command it configures), the agent's commands can use it.
      ctx.out.push({
        id: 'github.agent-checkout-stored-credential',
        failureMode: 'FM4',
        severity: 'medium',
        kind: 'risk',
        path: f.path,
        line: f.lineAt?.(['jobs', jobId, 'steps', i, 'with', obj(s.with)['ssh-key'] !== undefined ? 'ssh-key' : 'token']) ?? line,
        message: `the checkout in agent job "${jobId}" leaves ${stored.join(', ')} (a stored credential) in the workspace's git configuration: any command the agent runs can use it, beyond this job and this repository`,
        recommendation: 'Add persist-credentials: false, or check the other repository out in a job that runs no agent.',
      });
    else
      ctx.out.push({
        id: 'github.agent-checkout-credentials',
        failureMode: 'FM4',
        // A copy of a token the agent holds anyway, or of one that can write nothing, opens no
        // path of its own: said as context, so the hardening is not lost.
        severity: perms.write.length && !held ? 'medium' : 'info',
        kind: perms.write.length && !held ? 'risk' : 'fact',
        path: f.path,
        line,
        message: `the checkout in agent job "${jobId}" keeps the job's token in .git/config${perms.write.length ? ` (it can write ${perms.write.join(', ')})` : ''}: any command the agent runs can read it${held ? ' (the agent holds that token already, so this adds no reach)' : ''}`,
        recommendation: 'Add persist-credentials: false to actions/checkout in jobs that run an agent.',
      });
  });
}
