// What a prompt-injected agent step can reach, worked out once per step, and the severity that
// follows from it. The rule, in the README's severity table: severity grows with who can start the
// agent with their own text and with what the agent can then do; a gate before it takes a level off.
//
//   what the step can reach                                              anyone can start it
//   a token that writes code, workflows or packages; a stored token;     high
//   a secret other than the model key
//   a token that writes comments, labels, reviews or statuses;           medium
//   cloud credentials it can mint (id-token: write)
//   nothing it can write with, no secret but the model's key             low
//
// A token is in the agent's reach when the action itself acts with it (Claude Code's action
// does), or when the agent's commands can read it: in the step's or job's environment
// (GITHUB_TOKEN/GH_TOKEN not blanked) or left in .git/config by a checkout without
// persist-credentials: false. A tool allowlist that names only fixed tools keeps a talked-into
// agent from running arbitrary commands: such a step is at most medium, and so is one whose tools
// run no command at all (read-only-tools.ts): its answer is still steered. An `environment:` on the
// job can hold it for a reviewer (whether it does is a platform setting): a level lower. So does
// a run that starts only once a pull request is merged: someone with write access let the text in.
import type { Severity } from '../types.js';
import type { Obj } from '../shared/data.js';
import { obj, text } from '../shared/data.js';
import { agentActionOf, providerKey, readsToolInputs } from './agent-actions.js';
import { flagValues, shellWords } from '../shared/shell-words.js';

export interface Reach {
  /** Write scopes of the token the agent can use ("write-all" for everything). */
  writes: string[];
  /** A stored token (a PAT, an App key) or another secret in the agent's reach. */
  secrets: string[];
  idToken: boolean;
  narrowTools: boolean;
  /** Its tools run no command (read-only-tools.ts): it cannot act with what the job holds. */
  runsNoCommand: boolean;
  /** An in-house agent (an unknown action, a script): what its model may call is not in the files. */
  toolsUnseen: boolean;
  environment: string | undefined;
  /** The run starts only after a person with write access merged the pull request it reads. */
  reviewedFirst: boolean;
  /** The variable that makes the step a dry run on every event but a manual dispatch (DRY_RUN falling back to true). */
  dryRun: string | undefined;
}

const codeWrites = new Set(['write-all', 'contents', 'actions', 'workflows', 'packages', 'deployments', 'security-events']);
/** Inputs and variables that carry the agent's own credentials: needed to run it at all. */
const ownCredential =
  /^(GITHUB_TOKEN|GH_TOKEN|github_token|anthropic_api_key|claude_code_oauth_token|openai-api-key|gemini_api_key|google_api_key|COPILOT_GITHUB_TOKEN|CONTINUE_API_KEY)$/i;
const tokenVar = /^(GITHUB_TOKEN|GH_TOKEN)$/;
/** A secret whose name says it is a credential (a base URL or a project id kept in secrets is not). */
const credentialName = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|PAT$|CREDENTIAL|PRIVATE|AUTH|CERT/i;

export interface StepContext {
  job: Obj;
  step: Obj;
  /** The job's (or workflow's) write scopes and whether it may mint an OIDC token. */
  write: string[];
  idToken: boolean;
  /** The action acts with the job's token itself, whatever the environment says. */
  actionHoldsToken: boolean;
  /** A checkout before this step left the token in .git/config. */
  credentialsPersisted: boolean;
  narrowTools: boolean;
  runsNoCommand?: boolean;
  toolsUnseen?: boolean;
  reviewedFirst?: boolean;
}

/**
 * A DRY_RUN-style variable that is true unless a manual dispatch says otherwise
 * (`${{ inputs.dry_run || 'true' }}`, or plain 'true'): on the events anyone can fire, the step
 * only logs what it would write. The variable's name is the team's own switch, read as such.
 */
export function dryRunByDefault(job: Obj, step: Obj): string | undefined {
  const env = { ...obj(job.env), ...obj(step.env) };
  return Object.keys(env).find((k) => {
    if (!/(^|_)DRY_?RUN$/i.test(k)) return false;
    const v = text(env[k]).trim();
    return /^['"]?(true|1|yes)['"]?$/i.test(v) || /^\$\{\{[^}]*\binputs\.[\w-]+\s*\|\|\s*['"]?(true|1|yes)['"]?\s*\}\}$/i.test(v);
  });
}

/**
 * The variables a sandbox keeps from the agent it starts (gh-aw's `awf --exclude-env NAME`): set
 * for the step, never seen by the agent's process.
 */
export function excludedEnv(step: Obj): string[] {
  const words = shellWords(text(step.run)) ?? [];
  return words.includes('awf') ? flagValues(words, '--exclude-env') : [];
}

/** The step and its job as the agent sees them: without the variables its sandbox keeps out. */
export function agentView(job: Obj, step: Obj): { job: Obj; step: Obj } {
  const hidden = new Set(excludedEnv(step));
  if (!hidden.size) return { job, step };
  const keep = (env: unknown) => Object.fromEntries(Object.entries(obj(env)).filter(([k]) => !hidden.has(k)));
  return { job: { ...job, env: keep(job.env) }, step: { ...step, env: keep(step.env) } };
}

/** Whether GITHUB_TOKEN or GH_TOKEN is set, not blanked, for the step (its job's env: included). */
export function tokenInEnv(job: Obj, step: Obj): boolean {
  return Object.entries({ ...obj(job.env), ...obj(step.env) }).some(([k, v]) => tokenVar.test(k) && text(v).trim() !== '');
}

/** The names of the stored secrets these values read (`${{ secrets.NAME }}`) whose names say they are credentials. */
export function credentialSecrets(values: unknown[]): string[] {
  return [...new Set(values.flatMap((v) => [...text(v).matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1]!)))].filter((s) => credentialName.test(s));
}

export function reachOf(c: StepContext): Reach {
  const env = { ...obj(c.job.env), ...obj(c.step.env) };
  const inReach = c.actionHoldsToken || tokenInEnv(c.job, c.step) || c.credentialsPersisted;
  // claude-code-action v1 no longer reads claude_env: only a beta release puts those values in the agent's environment.
  const claude = agentActionOf(text(c.step.uses));
  const readsClaudeEnv = claude?.action.repo !== 'anthropics/claude-code-action' || readsToolInputs(claude.ref);
  const given = [...Object.entries(obj(c.step.with)).filter(([k]) => k !== 'claude_env' || readsClaudeEnv), ...Object.entries(env)];
  // A token given as an input or variable from secrets (not the job's own) is a stored credential.
  const stored = given.filter(([k, v]) => /^(github_token|GITHUB_TOKEN|GH_TOKEN)$/.test(k) && /secrets\.(?!GITHUB_TOKEN\b)/.test(text(v))).map(([k]) => k);
  const secrets = given
    .filter(([k, v]) => !ownCredential.test(k) && /secrets\./.test(text(v)) && !providerKey.test(text(v)) && !/secrets\.GITHUB_TOKEN\b/.test(text(v)))
    .flatMap(([, v]) => [...text(v).matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1]!))
    .filter((s) => !providerKey.test(`secrets.${s}`) && credentialName.test(s));
  // claude_env (claude-code-action) puts each line in the agent's own environment: there a model
  // provider's key is not the agent's credential but one more secret it can be talked into sending.
  const agentEnv = readsClaudeEnv ? credentialSecrets([obj(c.step.with).claude_env]) : [];
  return {
    writes: inReach ? c.write : [],
    secrets: [...new Set([...stored, ...secrets, ...agentEnv])],
    idToken: c.idToken,
    narrowTools: c.narrowTools,
    runsNoCommand: c.runsNoCommand ?? false,
    toolsUnseen: c.toolsUnseen ?? false,
    environment: text(obj(c.job).environment) || text(obj(obj(c.job).environment).name) || undefined,
    reviewedFirst: c.reviewedFirst ?? false,
    dryRun: dryRunByDefault(c.job, c.step),
  };
}

const levels: Severity[] = ['low', 'medium', 'high'];

/** The severity of letting anyone start an agent step with this reach. */
export function openSeverity(r: Reach): Severity {
  let level = r.writes.some((w) => codeWrites.has(w)) || r.secrets.length ? 2 : r.writes.length || r.idToken ? 1 : 0;
  // A fixed tool list, or tools the scanner cannot see, keeps it from the gravest: what the agent
  // could do with what it holds is either bounded or unknown, and an unknown is not reported as high.
  // Tools that run no command leave only the agent's answer to steer, which later steps may act on.
  if (r.narrowTools || r.toolsUnseen || r.runsNoCommand) level = Math.min(level, 1);
  if (r.environment) level = Math.max(0, level - 1);
  if (r.reviewedFirst) level = Math.max(0, level - 1);
  // A dry run on the events anyone can fire writes nothing for them: one level lower, as a gate is.
  if (r.dryRun) level = Math.max(0, level - 1);
  return levels[level]!;
}

/** What the step can reach, in words, for a finding's message. */
export function reachWords(r: Reach): string {
  const parts = [
    r.writes.length ? `a token that can write ${r.writes.includes('write-all') ? 'everything' : r.writes.join(', ')}` : 'no token it can write with',
    ...(r.secrets.length ? [`secrets (${r.secrets.join(', ')})`] : []),
    ...(r.idToken ? ['cloud credentials it can mint (id-token: write)'] : []),
  ];
  const gates = [
    ...(r.runsNoCommand ? ['tools that run no command'] : r.narrowTools ? ['only the tools listed'] : []),
    ...(r.toolsUnseen ? ['tools the files do not show'] : []),
    ...(r.environment ? [`the "${r.environment}" environment, which may hold it for a reviewer`] : []),
    ...(r.dryRun ? [`a dry run (${r.dryRun}) on every event but a manual dispatch`] : []),
  ];
  return `${parts.join(', ')}${gates.length ? `; behind ${gates.join(' and ')}` : ''}`;
}
