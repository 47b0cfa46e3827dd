// The source of a GitHub Agentic Workflow (gh-aw): `.github/workflows/NAME.md`, whose front matter
// `gh aw compile` turns into NAME.lock.yml. The front matter is what the team writes and reviews,
// so its decisions are cited there; the compiled lock file is read as any other workflow.
// What the keys mean, from gh-aw's documentation (github.github.com/gh-aw/reference/):
// - `permissions` are the agent job's token; writes are meant to go through `safe-outputs`, which
//   a separate job applies after the agent has finished, each kind of output capped (`max`);
// - `network.allowed` lists the hosts gh-aw's firewall lets the agent reach (`defaults` is a
//   fixed list of package registries and the like), so egress is an allowlist;
// - `tools.github.toolsets` narrows the GitHub tools; `min-integrity: none` (formerly
//   `lockdown: false`) lets them hand the agent text from any author, unfiltered;
// - `checkout: false` keeps the pull request's files out of the runner altogether;
// - `safe-outputs.submit-pull-request-review` submits the review the agent writes, with any event
//   (APPROVE included) unless `allowed-events` names them;
// - `tools.cache-memory` / `tools.repo-memory` keep files from one run for the next;
// - `create-pull-request` and `push-to-pull-request-branch` refuse patches to protected files
//   (workflows and the rest of .github/, CODEOWNERS, agent instructions) unless
//   `protected-files: allowed` lets them through.
import type { FindingDraft, ParsedFile } from '../types.js';
import { keys, obj, strings, text } from '../shared/data.js';

/** Scopes that let the agent write where people look, or push code. `copilot-requests` is the engine's own credential. */
const codeWrites = new Set(['contents', 'actions', 'workflows', 'packages']);

/** Whether a Markdown file under .github/workflows is an agentic workflow's source: front matter with triggers. */
export const isAgenticSource = (f: ParsedFile): boolean => /^\.github\/workflows\/[^/]+\.md$/.test(f.path) && obj(f.data).on !== undefined;

export function agenticSourceFindings(f: ParsedFile): FindingDraft[] {
  const fm = obj(f.data);
  const out: FindingDraft[] = [];
  const at = (key: RegExp) => f.lineOf(key);
  const finding = (d: Omit<FindingDraft, 'path'>) => out.push({ ...d, path: f.path });

  // Which agent it runs: the engine named, or gh-aw's default (Copilot).
  const engine = typeof fm.engine === 'string' ? fm.engine : text(obj(fm.engine).id);
  finding({
    id: 'github.aw-agent',
    failureMode: 'FM7',
    severity: 'info',
    kind: 'fact',
    line: at(/^engine\s*:/m) ?? at(/^on\s*:/m),
    message: `an agentic workflow runs ${engine || 'copilot'} (gh-aw compiles this source into its .lock.yml)`,
  });

  // The agent job's token, as written. A string ("read-all", "write-all") or a map of scopes.
  if (fm.permissions !== undefined) {
    const p = fm.permissions;
    const writes =
      typeof p === 'string'
        ? p === 'write-all'
          ? ['write-all']
          : []
        : keys(p).filter((k) => text(obj(p)[k]) === 'write' && k !== 'id-token' && k !== 'copilot-requests');
    const line = at(/^permissions\s*:/m);
    if (writes.some((w) => w === 'write-all' || codeWrites.has(w)))
      finding({
        id: 'github.agent-broad-token',
        failureMode: 'FM2',
        severity: 'medium',
        kind: 'risk',
        line,
        message: `the agentic workflow's agent job can write ${writes.includes('write-all') ? 'everything' : writes.join(', ')}: a prompt-injected run can push code or change workflows with it, past safe-outputs`,
        recommendation: 'Keep the agent job read-only and let safe-outputs make the change in their own job.',
      });
    else if (writes.length)
      finding({
        id: 'github.agent-write-token',
        failureMode: 'FM2',
        severity: 'low',
        kind: 'risk',
        line,
        message: `the agentic workflow's agent job can write ${writes.join(', ')} itself, not only through safe-outputs`,
        recommendation: 'Move the write to a safe-output and keep the agent job read-only.',
      });
    else
      finding({
        id: 'github.agent-read-only-token',
        failureMode: 'FM2',
        severity: 'info',
        kind: 'protective',
        line,
        message: "the agentic workflow's agent job has a read-only token",
      });
  }

  const outputs = keys(fm['safe-outputs']).filter((k) => !['github-token', 'staged', 'env', 'app', 'threat-detection', 'jobs'].includes(k));
  if (outputs.length)
    finding({
      id: 'github.aw-safe-outputs',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      line: at(/^safe-outputs\s*:/m),
      message: `the agent asks for changes and a separate job makes only these (${outputs.slice(0, 4).join(', ')}${outputs.length > 4 ? ', …' : ''}): it holds no write access itself`,
    });

  // An approval by the workflow's identity counts toward required reviews wherever the repository
  // lets Actions approve: the agent would be one of the reviewers it is meant to assist.
  const review = obj(fm['safe-outputs'])['submit-pull-request-review'];
  if (review !== undefined) {
    const events = strings(obj(review)['allowed-events']).map((e) => e.toUpperCase());
    if (!events.length || events.includes('APPROVE'))
      finding({
        id: 'github.aw-agent-can-approve',
        failureMode: 'FM3',
        severity: 'medium',
        kind: 'risk',
        line: at(/^\s+submit-pull-request-review\s*:/m),
        message: `the agent may submit a pull request review with any event, APPROVE included${events.length ? '' : ' (no allowed-events)'}: where the repository lets Actions approve, its approval counts toward the required reviews`,
        recommendation: 'Limit it to comments: submit-pull-request-review: { allowed-events: [COMMENT] }.',
      });
  }

  // A pull request opened as a draft waits for a person to mark it ready before review starts.
  const pr = obj(obj(fm['safe-outputs'])['create-pull-request']);
  if (pr.draft === true)
    finding({
      id: 'github.agent-pr-draft',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'protective',
      line: at(/^\s+draft\s*:/m),
      message: "the agent's pull requests open as drafts: a person marks each ready before it can merge",
    });
  else if (pr.draft === false)
    finding({
      id: 'github.agent-pr-ready',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'fact',
      line: at(/^\s+draft\s*:/m),
      message: "the agent's pull requests open ready for review (draft: false): review starts without a person first deciding the work is worth it",
    });

  // The files that govern agents and review, opened to the agent's own pull requests.
  for (const kind of ['create-pull-request', 'push-to-pull-request-branch']) {
    const output = obj(obj(fm['safe-outputs'])[kind]);
    if (text(output['protected-files']) !== 'allowed') continue;
    const files = strings(output['allowed-files']);
    finding({
      id: 'github.aw-edits-protected-files',
      failureMode: 'FM3',
      severity: 'medium',
      kind: 'risk',
      line: at(/^\s+protected-files\s*:/m),
      message: `${kind} may change protected files (protected-files: allowed)${files.length ? `, here ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}` : ''}: the agent edits what governs agents and review, and a reviewer may merge it with the rest`,
      recommendation:
        'Keep protected-files at its default (blocked) or fallback-to-issue, so a person makes changes to workflows, CODEOWNERS and agent instructions.',
    });
  }

  // Memory kept between runs: text one run is steered into writing, every later run reads back.
  const memory = ['cache-memory', 'repo-memory'].find((k) => {
    const v = obj(fm.tools)[k];
    return v !== undefined && v !== false;
  });
  if (memory)
    finding({
      id: 'github.aw-persistent-memory',
      failureMode: 'FM2',
      severity: 'low',
      kind: 'risk',
      line: at(new RegExp(`^\\s+${memory}\\s*:`, 'm')),
      message: `the agent keeps a memory between runs (${memory}): what one run is talked into writing there, later runs read as their own notes`,
      recommendation: 'Keep memory to workflows only the team starts, or review what it holds.',
    });

  const network = fm.network;
  const allowed = strings(obj(network).allowed);
  if (network === 'defaults' || (allowed.length && !allowed.includes('*')))
    finding({
      id: 'github.aw-egress-allowlist',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      line: (allowed.length ? at(/^\s+allowed\s*:/m) : undefined) ?? at(/^network\s*:/m),
      message: `the agent can reach only the listed hosts (${(allowed.length ? allowed : ['defaults']).slice(0, 4).join(', ')}), enforced by gh-aw's firewall`,
    });

  const gh = obj(obj(fm.tools).github);
  const integrity = text(gh['min-integrity']);
  if (integrity === 'none' || gh.lockdown === false)
    finding({
      id: 'github.aw-any-author-content',
      failureMode: 'FM2',
      severity: 'low',
      kind: 'risk',
      line: at(integrity === 'none' ? /^\s+min-integrity\s*:/m : /^\s+lockdown\s*:/m),
      message: "the GitHub tools hand the agent issues, comments and pull requests from any author, unfiltered (min-integrity: none): anyone's text reaches it",
      recommendation: 'Use min-integrity: approved (the default on public repositories) unless the workflow exists to read outsiders.',
    });
  const toolsets = strings(gh.toolsets);
  // Workflow logs print whatever the code that ran wrote, a pull request's own code included.
  if (toolsets.includes('actions') || toolsets.includes('all'))
    finding({
      id: 'github.aw-ci-logs',
      failureMode: 'FM2',
      severity: 'low',
      kind: 'risk',
      line: at(/^\s+toolsets\s*:/m),
      message: `the agent reads workflow runs and their logs (toolset ${toolsets.includes('all') ? 'all' : 'actions'}): text a pull request's code prints reaches it`,
      recommendation: 'Leave the actions toolset out unless the workflow exists to read CI results, and keep that workflow read-only.',
    });
  if (toolsets.length && !toolsets.includes('all') && !toolsets.includes('default'))
    finding({
      id: 'github.aw-github-toolsets',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'protective',
      line: at(/^\s+toolsets\s*:/m),
      message: `the agent's GitHub tools are limited to ${toolsets.join(', ')}`,
    });

  // `tools.bash`: true or a wildcard lets the agent run any command; a list names the commands.
  const bash = obj(fm.tools).bash;
  const commands = strings(bash);
  if (bash === true || bash === null || commands.some((c) => /^(:?\*|\*:\*)$/.test(c.trim())))
    finding({
      id: 'github.aw-any-command',
      failureMode: 'FM4',
      severity: 'low',
      kind: 'risk',
      line: at(/^\s+bash\s*:/m),
      message: 'the agent may run any shell command (tools.bash), inside the throwaway container gh-aw starts it in',
      recommendation: 'List the commands it needs: bash: ["gh issue view", "npm test"].',
    });
  else if (commands.length)
    finding({
      id: 'github.aw-bash-allowlist',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      line: at(/^\s+bash\s*:/m),
      message: `the agent may run only the commands listed in tools.bash (${commands.slice(0, 4).join(', ')}${commands.length > 4 ? ', …' : ''})`,
    });

  // `roles` decides who may start the run; gh-aw's default is admin, maintainer and write.
  // Written at the top level or, in newer gh-aw, under on:.
  const roles = fm.roles ?? obj(fm.on).roles;
  // Which of its triggers an outsider can fire: a pull_request run is compiled to skip forks
  // unless `forks:` lets them in, so a same-repository branch (write access) is needed for it.
  const onlyTeam = ['push', 'schedule', 'workflow_dispatch', 'release', 'merge_group', 'roles', 'reaction', 'stop-after', 'skip-if-match'];
  const triggers = typeof fm.on === 'string' ? [fm.on] : Array.isArray(fm.on) ? strings(fm.on) : keys(fm.on);
  const outsiderEvents = triggers.filter((e) => !onlyTeam.includes(e) && !(e === 'pull_request' && obj(obj(fm.on).pull_request).forks === undefined));
  if ((strings(roles).includes('all') || roles === 'all') && outsiderEvents.length)
    finding({
      id: 'github.aw-open-to-anyone',
      failureMode: 'FM4',
      severity: 'medium',
      kind: 'risk',
      line: at(/^\s*roles\s*:/m),
      message: 'roles: all lets anyone who can fire its triggers start the agent with text they wrote',
      recommendation:
        'Keep the default roles (admin, maintainer, write) unless the workflow exists to answer outsiders, and then keep its token read-only and its outputs capped.',
    });

  const events = keys(fm.on);
  if (fm.checkout === false && events.some((e) => e === 'pull_request' || e === 'pull_request_target'))
    finding({
      id: 'github.aw-no-checkout',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      line: at(/^checkout\s*:/m),
      message: "no checkout: the pull request's files never reach the runner the agent works in",
    });
  return out;
}
