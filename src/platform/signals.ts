// Pure: what a platform bundle shows about the controls the seed article puts first: that agent
// work cannot reach the branch without a person's approval, enforced by the platform. Each signal
// is a finding like the scanner's, at `platform:<path>` (the response that shows it), so the
// evidence map, disputes and acknowledgements treat both sources alike.
//
// Severity follows what an agent's run could do because of the setting, not the setting's name:
//   high   the setting lets agent work reach the branch without any person (no review required,
//          Actions may approve, auto-merge with nothing to wait for, an app that bypasses the rules);
//   medium a person still stands before the merge, but a named safeguard around them is missing
//          (last-push approval, code-owner review, environment reviewers, push protection, the
//          default token's write access);
//   low    worth knowing, weaker alone (any action may run, people who may bypass, CODEOWNERS errors).
// A part GitHub would not show this token is listed as not readable and proves nothing either way.
import type { Finding } from '../detectors/types.js';
import { maskSecrets } from '../detectors/shared/secrets.js';
import type { PlatformBundle } from './bundle.js';
import { branchSegment, endpointKind, type EndpointKind } from './endpoints.js';

export interface PlatformEvidence {
  repository: string;
  branch: string | null;
  collectedAt: string | null;
  findings: Finding[];
  /** Parts GitHub did not show: never read as absent. */
  unreadable: { path: string; status: number; message: string }[];
  /** What the files cannot show and this bundle does: the scanner's "check by hand" lines it settles. */
  shows: string[];
}

type Read = { path: string; body: unknown };
const ok = (status: number) => status >= 200 && status < 300;

export function platformEvidence(bundle: PlatformBundle): PlatformEvidence {
  const entries = Object.entries(bundle.responses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const unreadable: PlatformEvidence['unreadable'] = [];
  const reads = new Map<EndpointKind, Read[]>();
  // Only this repository's answers, and for the branch reads only this branch's: a bundle edited
  // or merged by hand must not lend one repository's settings to another.
  const own = `repos/${bundle.repository}`.toLowerCase();
  const branchPart = bundle.branch === null ? undefined : `/branches/${branchSegment(bundle.branch)}`.toLowerCase();
  for (const [path, r] of entries) {
    const kind = endpointKind(path);
    const lower = path.toLowerCase();
    if (!kind || !(lower === own || lower.startsWith(`${own}/`))) continue;
    if ((kind === 'branch-protection' || kind === 'branch-rules') && (branchPart === undefined || !lower.includes(branchPart))) continue;
    // GitHub answers 404 "Branch not protected" to someone allowed to see protection: an answer.
    if (kind === 'branch-protection' && r.status === 404 && /branch not protected/i.test(errorMessage(r.body))) {
      reads.set(kind, [{ path, body: {} }]);
      continue;
    }
    if (ok(r.status)) reads.set(kind, [...(reads.get(kind) ?? []), { path, body: r.body }]);
    else
      unreadable.push({
        path: clean(path),
        status: r.status,
        message:
          r.status === 0
            ? `not reached: ${clean(errorMessage(r.body)) || 'no answer'}`
            : `not readable with this token (HTTP ${r.status}${errorMessage(r.body) ? `: ${clean(errorMessage(r.body))}` : ''})`,
      });
  }
  const one = (k: EndpointKind) => reads.get(k)?.[0];
  const branch = bundle.branch === null ? 'the default branch' : `"${clean(bundle.branch)}"`;
  const findings: Finding[] = [];
  const add = (read: Read, f: Omit<Finding, 'tool' | 'path'>) => findings.push({ ...f, tool: 'github', path: `platform:${clean(read.path)}` });
  // A setting that is either a protection or a risk: one finding, its kind and severity from which.
  type Side = { id: string; message: string };
  const either = (
    read: Read,
    good: boolean,
    failureMode: Finding['failureMode'],
    risk: Side & { severity: Finding['severity']; recommendation: string },
    protection: Side,
  ) => add(read, good ? { ...protection, failureMode, severity: 'info', kind: 'protective' } : { ...risk, failureMode, kind: 'risk' });

  const protection = one('branch-protection');
  const rules = one('branch-rules');
  const reviews = (protection?.body as Protection | undefined)?.required_pull_request_reviews;
  const prRules = ((rules?.body as Rule[] | undefined) ?? []).filter((r) => r.type === 'pull_request');
  const approvals = Math.max(
    reviews ? (reviews.required_approving_review_count ?? 0) : 0,
    ...prRules.map((r) => r.parameters?.required_approving_review_count ?? 0),
  );
  // Where the requirement is found: the ruleset when one requires more, else the branch protection.
  const reviewSource = prRules.some((r) => (r.parameters?.required_approving_review_count ?? 0) === approvals && approvals > 0)
    ? rules!
    : (protection ?? rules);
  const bothRead = protection !== undefined && rules !== undefined;
  const lastPush = !!reviews?.require_last_push_approval || prRules.some((r) => r.parameters?.require_last_push_approval);
  const codeOwners = !!reviews?.require_code_owner_reviews || prRules.some((r) => r.parameters?.require_code_owner_review);

  if (approvals > 0) {
    add(reviewSource!, {
      id: 'platform.review-required',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'protective',
      message: `Pull requests into ${branch} need ${approvals} approving review${approvals > 1 ? 's' : ''} before they merge`,
    });
    if (lastPush)
      add(reviewSource!, {
        id: 'platform.last-push-approval',
        failureMode: 'FM3',
        severity: 'info',
        kind: 'protective',
        message: `The last push to a pull request into ${branch} must be approved by someone other than its pusher`,
      });
    else if (bothRead)
      add(reviewSource!, {
        id: 'platform.no-last-push-approval',
        failureMode: 'FM3',
        severity: 'medium',
        kind: 'risk',
        message: `Pull requests into ${branch} do not need the last push approved by someone else: a person who pushes to an agent's branch can approve their own change`,
        recommendation: 'Require approval of the most recent reviewable push (branch protection or a ruleset pull_request rule).',
      });
  } else if (bothRead && !codeOwners) {
    // Code-owner review with no approval count still needs the owners' approval on what they own.
    add(protection!, {
      id: 'platform.no-review-required',
      failureMode: 'FM3',
      severity: 'high',
      kind: 'risk',
      message: `Pull requests into ${branch} need no approving review (no branch protection or ruleset requires one): agent work can merge with nobody's approval`,
      recommendation: 'Require at least one approving review on the default branch, with a branch protection rule or a ruleset.',
    });
  }
  if (codeOwners)
    add(reviewSource!, {
      id: 'platform.code-owner-review',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'protective',
      message: `Changes to owned paths in ${branch} need their code owners' approval`,
    });
  else if (bothRead)
    add(protection!, {
      id: 'platform.no-code-owner-review',
      failureMode: 'FM3',
      severity: 'medium',
      kind: 'risk',
      message: `Code owners of ${branch} are asked for review, not required: an agent's change to CI or agent configuration can merge without them`,
      recommendation: 'Require review from code owners (branch protection or a ruleset pull_request rule).',
    });

  const workflow = one('workflow-permissions');
  const token = workflow?.body as { default_workflow_permissions: 'read' | 'write'; can_approve_pull_request_reviews: boolean } | undefined;
  if (workflow && token?.can_approve_pull_request_reviews)
    add(workflow, {
      id: 'platform.actions-can-approve',
      failureMode: 'FM3',
      severity: 'high',
      kind: 'risk',
      message: 'GitHub Actions may approve pull requests: a workflow, and an agent running in one, can supply the approval a rule asks for',
      recommendation: 'Turn off "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General).',
    });
  if (workflow && token)
    either(
      workflow,
      token.default_workflow_permissions === 'read',
      'FM2',
      {
        id: 'platform.default-token-write',
        severity: 'medium',
        message: 'Workflows get a read and write GITHUB_TOKEN unless they ask for less: an agent step inherits write access it may not need',
        recommendation: 'Set the default workflow permissions to read (Settings > Actions > General).',
      },
      { id: 'platform.default-token-read', message: 'Workflows get a read-only GITHUB_TOKEN unless they ask for more' },
    );

  const repo = one('repository');
  const repoBody = repo?.body as RepositoryBody | undefined;
  if (repo && repoBody?.allow_auto_merge && bothRead && approvals === 0)
    add(repo, {
      id: 'platform.auto-merge-without-review',
      failureMode: 'FM3',
      severity: 'high',
      kind: 'risk',
      message: `Auto-merge is on and ${branch} requires no review: a pull request set to auto-merge goes in when its checks pass, with nobody's approval`,
      recommendation: 'Require an approving review before turning auto-merge on.',
    });

  // Who can step around the rules: an app (a bot, an agent's integration) or people.
  const apps: { read: Read; who: string }[] = [];
  const people: { read: Read; who: string }[] = [];
  for (const read of reads.get('ruleset') ?? []) {
    const rs = read.body as {
      name?: string;
      id: number;
      enforcement?: string;
      bypass_actors?: { actor_id?: number | null; actor_type: string; bypass_mode?: string }[];
    };
    if (rs.enforcement !== undefined && rs.enforcement !== 'active') continue;
    for (const a of rs.bypass_actors ?? []) {
      const who = `${a.actor_type}${a.actor_id != null ? ` ${a.actor_id}` : ''} on ruleset "${clean(rs.name ?? String(rs.id))}"`;
      (a.actor_type === 'Integration' ? apps : people).push({ read, who });
    }
  }
  for (const app of reviews?.bypass_pull_request_allowances?.apps ?? []) apps.push({ read: protection!, who: `app ${clean(app.slug ?? app.name ?? '?')}` });
  const allowedPeople = [...(reviews?.bypass_pull_request_allowances?.users ?? []), ...(reviews?.bypass_pull_request_allowances?.teams ?? [])];
  for (const p of allowedPeople) people.push({ read: protection!, who: clean(p.login ?? p.slug ?? p.name ?? '?') });
  if (apps.length)
    add(apps[0]!.read, {
      id: 'platform.app-can-bypass',
      failureMode: 'FM3',
      severity: 'high',
      kind: 'risk',
      message: `An app may bypass the review rules of ${branch} (${apps.map((a) => a.who).join('; ')}): work it pushes or merges needs no person`,
      recommendation: 'Remove apps from the bypass list, or make sure no agent can act through them.',
    });
  if (people.length)
    add(people[0]!.read, {
      id: 'platform.people-can-bypass',
      failureMode: 'FM3',
      severity: 'low',
      kind: 'risk',
      message: `Some people may bypass the review rules of ${branch} (${people.map((p) => p.who).join('; ')})`,
    });
  const protectionBody = protection?.body as Protection | undefined;
  if (protection && reviews && protectionBody?.enforce_admins?.enabled === false)
    add(protection, {
      id: 'platform.admins-can-bypass',
      failureMode: 'FM3',
      severity: 'low',
      kind: 'risk',
      message: `Administrators are not held to the branch protection of ${branch}`,
      recommendation: 'Turn on "Do not allow bypassing the above settings".',
    });
  // "No app may bypass" is a claim only when every ruleset the branch's rules come from was read.
  const rulesetIds = new Set(((rules?.body as Rule[] | undefined) ?? []).map((r) => r.ruleset_id).filter((id): id is number => id !== undefined));
  const rulesetsRead = [...rulesetIds].every((id) => (reads.get('ruleset') ?? []).some((r) => (r.body as { id?: number }).id === id));
  if (workflow && token && !token.can_approve_pull_request_reviews && approvals > 0 && !apps.length && rulesetsRead)
    add(workflow, {
      id: 'platform.agents-cannot-approve',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'protective',
      message: `Workflows cannot approve pull requests, no app may bypass the rules, and ${branch} needs a person's approval to merge`,
    });

  const envs = one('environments');
  const deployments = ((envs?.body as EnvironmentsBody | undefined)?.environments ?? []).filter((e) => !agentEnvironments.has(e.name));
  if (envs && deployments.length) {
    const open = deployments.filter((e) => !(e.protection_rules ?? []).some((r) => r.type === 'required_reviewers' && (r.reviewers?.length ?? 0) > 0));
    either(
      envs,
      open.length === 0,
      'FM1',
      {
        id: 'platform.environment-without-reviewers',
        severity: 'medium',
        message: `Deployment environments without required reviewers: ${open.map((e) => clean(e.name)).join(', ')}: a workflow can deploy to them with no person's approval`,
        recommendation: 'Add required reviewers to every environment a workflow deploys to.',
      },
      {
        id: 'platform.environment-reviewers',
        message: `Every deployment environment (${deployments.map((e) => clean(e.name)).join(', ')}) needs a reviewer's approval`,
      },
    );
  }

  const push = repoBody?.security_and_analysis?.secret_scanning_push_protection?.status;
  if (repo && push)
    either(
      repo,
      push === 'enabled',
      'FM4',
      {
        id: 'platform.push-protection-off',
        severity: 'medium',
        message: 'Secret scanning push protection is off: an agent that copies a secret into a commit is not stopped',
        recommendation: 'Turn on secret scanning push protection.',
      },
      { id: 'platform.push-protection', message: 'Secret scanning push protection is on: a push holding a known secret is blocked' },
    );
  else if (repo)
    unreadable.push({ path: clean(repo.path), status: 200, message: 'push protection: not shown to this token (security_and_analysis needs admin access)' });

  const actions = one('actions-permissions');
  const allowed = (actions?.body as { enabled: boolean; allowed_actions?: string } | undefined)?.allowed_actions;
  if (actions && allowed)
    either(
      actions,
      allowed !== 'all',
      'FM2',
      {
        id: 'platform.any-action-allowed',
        severity: 'low',
        message: 'Workflows may use any action from any publisher, including agent actions nobody reviewed',
        recommendation: 'Allow only the actions the organisation has reviewed (Settings > Actions > General).',
      },
      {
        id: 'platform.actions-restricted',
        message: `Workflows may use only ${allowed === 'local_only' ? "this repository's own actions" : 'the actions the organisation allows'}`,
      },
    );

  const codeowners = one('codeowners-errors');
  const errors = (codeowners?.body as { errors: { line: number; kind?: string }[] } | undefined)?.errors ?? [];
  if (codeowners && errors.length)
    add(codeowners, {
      id: 'platform.codeowners-errors',
      failureMode: 'FM3',
      severity: 'low',
      kind: 'risk',
      message: `GitHub ignores ${errors.length} CODEOWNERS line${errors.length > 1 ? 's' : ''} with errors (first: line ${errors[0]!.line}, ${clean(errors[0]!.kind ?? 'error')}): those paths may have no owner`,
    });

  const shows = [...(bothRead ? ['github.branch-protection'] : []), ...(workflow ? ['github.actions-approve'] : [])];
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    repository: clean(bundle.repository),
    branch: bundle.branch === null ? null : clean(bundle.branch),
    collectedAt: bundle.collectedAt,
    findings,
    unreadable,
    shows,
  };
}

/** Environments agents use for their own secrets, not deployment targets (Copilot's "copilot"). */
const agentEnvironments = new Set(['copilot']);

type Protection = {
  required_pull_request_reviews?: {
    required_approving_review_count?: number;
    require_code_owner_reviews?: boolean;
    require_last_push_approval?: boolean;
    bypass_pull_request_allowances?: { users?: Named[]; teams?: Named[]; apps?: Named[] };
  };
  enforce_admins?: { enabled: boolean };
};
type Named = { slug?: string; login?: string; name?: string };
type Rule = {
  type: string;
  ruleset_id?: number;
  parameters?: { required_approving_review_count?: number; require_code_owner_review?: boolean; require_last_push_approval?: boolean };
};
type RepositoryBody = { allow_auto_merge?: boolean; security_and_analysis?: { secret_scanning_push_protection?: { status?: 'enabled' | 'disabled' } } | null };
type EnvironmentsBody = { environments?: { name: string; protection_rules?: { type: string; reviewers?: unknown[] }[] }[] };

function errorMessage(body: unknown): string {
  const m = (body as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : '';
}

/** Text from the bundle, made safe to print: one line, bounded, no secret. */
function clean(text: string): string {
  const line = maskSecrets(text)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
