// Who an if: lets through, evaluated as GitHub evaluates it, and what an agent step can reach:
// the two halves of a trigger finding's severity.
import { describe, expect, it } from 'vitest';
import { alwaysRequires, restrictsWho, routedAtRunTime } from '../../src/detectors/github/conditions.js';
import { openSeverity, reachOf } from '../../src/detectors/github/reach.js';
import { scanRepository } from '../../src/scan/scan.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { repoWith, scanLines } from '../helpers/repo.js';

const member = "github.event.comment.author_association == 'MEMBER'";

describe('who an if: lets through', () => {
  it('an OR needs a guard in every branch; an AND needs one; a negated guard guards nothing', () => {
    expect(restrictsWho(`\${{ ${member} }}`)).toBe(true);
    expect(restrictsWho(`github.event_name == 'issues' || ${member}`)).toBe(false);
    expect(restrictsWho(`startsWith(github.event.comment.body, '@bot') && ${member}`)).toBe(true);
    expect(restrictsWho(`(${member}) || (github.actor == 'octocat')`)).toBe(true);
    expect(restrictsWho(`!(${member})`)).toBe(false);
    expect(restrictsWho("github.repository == 'acme/widgets'")).toBe(false);
    expect(restrictsWho('github.event.pull_request.head.repo.full_name == github.repository')).toBe(true);
    expect(restrictsWho(false)).toBe(true);
    expect(restrictsWho(undefined)).toBe(false);
  });

  it('the label just applied is a guard (only triage access applies labels); a label already present is not', () => {
    expect(restrictsWho("github.event.action == 'labeled' && github.event.label.name == 'ai-review'")).toBe(true);
    expect(restrictsWho("contains(github.event.label.name, 'gemini-review')")).toBe(true);
    expect(restrictsWho("contains(github.event.pull_request.labels.*.name, 'ai-review')")).toBe(false);
    expect(restrictsWho("github.event.label.name != 'wontfix'")).toBe(false);
  });

  it('for a known event, a test of the event name is true or false', () => {
    const dispatcher = `(github.event_name == 'pull_request' && github.event.pull_request.head.repo.fork == false) || (github.event_name == 'issues') || (github.event_name == 'issue_comment' && ${member})`;
    expect(restrictsWho(dispatcher, 'issues')).toBe(false);
    expect(restrictsWho(dispatcher, 'issue_comment')).toBe(true);
    expect(restrictsWho(dispatcher, 'discussion')).toBe(true);
    expect(restrictsWho(`github.event_name != 'issue_comment' || ${member}`, 'issue_comment')).toBe(true);
    expect(restrictsWho(`github.event_name != 'issue_comment' || ${member}`, 'issues')).toBe(false);
  });

  it("a job started through another job's outputs is routed at run time", () => {
    expect(routedAtRunTime("${{ needs.dispatch.outputs.command == 'fix' }}")).toBe(true);
    expect(routedAtRunTime(member)).toBe(false);
  });
});

describe('what an agent step reaches, and the severity of letting anyone start it', () => {
  const base = { job: {}, step: {}, write: ['contents'], idToken: false, actionHoldsToken: false, credentialsPersisted: false, narrowTools: false };
  it('a write token the agent cannot read is no reach; in its environment or .git/config it is', () => {
    expect(openSeverity(reachOf(base))).toBe('low');
    expect(openSeverity(reachOf({ ...base, step: { env: { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' } } }))).toBe('high');
    expect(openSeverity(reachOf({ ...base, step: { env: { GITHUB_TOKEN: '' } } }))).toBe('low');
    expect(openSeverity(reachOf({ ...base, credentialsPersisted: true }))).toBe('high');
    expect(openSeverity(reachOf({ ...base, actionHoldsToken: true, write: ['issues'] }))).toBe('medium');
  });
  it('a stored credential is high; a secret that is not a credential is not counted', () => {
    expect(reachOf({ ...base, step: { with: { settings: '{"env":{"LINEAR_CLIENT_SECRET":"${{ secrets.LINEAR_CLIENT_SECRET }}"}}' } } }).secrets).toEqual([
      'LINEAR_CLIENT_SECRET',
    ]);
    expect(openSeverity(reachOf({ ...base, write: [], step: { env: { DEPLOY_KEY: '${{ secrets.DEPLOY_KEY }}' } } }))).toBe('high');
    expect(
      reachOf({ ...base, step: { env: { OPENAI_BASE_URL: '${{ secrets.OPENAI_BASE_URL }}', OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}' } } }).secrets,
    ).toEqual([]);
  });
  it('a fixed tool list caps it at medium; an environment takes a level off', () => {
    expect(openSeverity(reachOf({ ...base, actionHoldsToken: true, narrowTools: true }))).toBe('medium');
    expect(openSeverity(reachOf({ ...base, actionHoldsToken: true, job: { environment: 'agents' } }))).toBe('medium');
    expect(openSeverity(reachOf({ ...base, idToken: true }))).toBe('medium');
  });
});

describe('in a workflow', () => {
  const scan = async (text: string) => {
    const dir = repoWith({ '.github/workflows/agent.yml': text });
    return (await scanRepository(dir)).findings.filter((f) => f.id.startsWith('github.agent')).map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
  };
  const wf = (jobIf: string, stepIf: string, env: string) => `on:
  issues:
    types: [opened]
  issue_comment:
    types: [created]
permissions:
  contents: write
jobs:
  agent:
    runs-on: ubuntu-latest${jobIf}
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - name: lint
        if: \${{ github.event.comment.author_association == 'OWNER' }}
        run: npm run lint
      - name: agent${stepIf}
        run: claude -p "fix it" --allowedTools Bash${env}
`;
  it('a guard on a neighbouring step guards nothing; on the agent step it does', async () => {
    expect(await scan(wf('', '', ''))).toContain('github.agent-untrusted-trigger low :4');
    expect(await scan(wf('', `\n        if: \${{ ${member} }}`, ''))).not.toContain('github.agent-untrusted-trigger low :4');
  });
  it("an OR with an event anyone fires is open for that event, cited at that event's trigger", async () => {
    const found = await scan(wf(`\n    if: github.event_name == 'issues' || ${member}`, '', ''));
    expect(found).toContain('github.agent-untrusted-trigger low :2');
    // The comment path is gated: credited at the term that checks who asked.
    expect(found).toContain('github.agent-member-gate info :11');
  });
  it('the token in the agent step makes the same trigger high', async () => {
    const found = await scan(wf('', '', '\n        env:\n          GH_TOKEN: ${{ github.token }}'));
    expect(found).toContain('github.agent-untrusted-trigger high :4');
  });
});

describe('what counts as a control', () => {
  const scanClaude = async (args: string) => {
    const dir = repoWith({
      '.github/workflows/claude.yml': `on: push\npermissions:\n  contents: read\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_args: ${args}\n`,
    });
    return (await scanRepository(dir)).findings.map((f) => f.id);
  };
  it('denying a harmless tool is not a control; denying one that runs, writes or sends is', async () => {
    expect(await scanClaude('--disallowedTools "Read,Glob"')).not.toContain('github.agent-disallowed-tools');
    expect(await scanClaude('--disallowedTools "Bash(git push:*)"')).toContain('github.agent-disallowed-tools');
  });
});

describe('agents run inside wrappers', () => {
  it('finds Copilot CLI run by path inside bash -c after a comment line, as compiled agentic workflows do; a bypass on a schedule with a read-only token is medium', async () => {
    const dir = repoWith({
      '.github/workflows/report.lock.yml': `"on":\n  schedule:\n  - cron: "0 9 * * *"\npermissions: {}\njobs:\n  agent:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - run: |\n          set -o pipefail\n          # shellcheck disable=SC1003\n          sudo -E awf --env-all \\\n            -- /bin/bash -c '/usr/local/bin/copilot --allow-all-tools --prompt "$(cat p.txt)"\${MODEL:+ --model "$MODEL"}'\n        env:\n          COPILOT_GITHUB_TOKEN: \${{ secrets.COPILOT_GITHUB_TOKEN }}\n`,
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`);
    expect(found).toContain('github.agent-workflow info');
    expect(found).toContain('github.agent-bypass-flag medium');
    // Copilot CLI's own credential is its model access, not a secret handed to it.
    expect(found.some((f) => f.startsWith('github.agent-secret-in-env') || f.startsWith('github.agent-token-in-env'))).toBe(false);
  });
  it('a package name is not the program (npm install -g @github/copilot runs no agent)', async () => {
    const dir = repoWith({
      '.github/workflows/i.yml': `on: push\njobs:\n  i:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm install -g @github/copilot\n`,
    });
    expect((await scanRepository(dir)).findings.map((f) => f.id)).not.toContain('github.agent-workflow');
  });
});

describe('what the review found', () => {
  it('a negated fork check and an association that lets everyone else through guard nothing', () => {
    expect(restrictsWho('!(github.event.pull_request.head.repo.fork == false)')).toBe(false);
    expect(restrictsWho("github.event.comment.author_association != 'OWNER'")).toBe(false);
    expect(restrictsWho('contains(fromJSON(\'["OWNER","MEMBER"]\'), github.event.comment.author_association)')).toBe(true);
  });
  it('a run after a merge is one where every branch needs the merge', () => {
    const merged = /^github\.event\.pull_request\.merged(\s*==\s*true)?$/;
    expect(alwaysRequires('github.event.pull_request.merged == true && github.base_ref == main', merged)).toBe(true);
    expect(alwaysRequires('!github.event.pull_request.merged && github.event.action == closed', merged)).toBe(false);
    expect(alwaysRequires("github.event.pull_request.merged || github.event_name == 'issues'", merged)).toBe(false);
  });
  it("a stored token in the workflow's env: is in every agent step's reach", async () => {
    const dir = repoWith({
      '.github/workflows/a.yml': `on:\n  issues:\n    types: [opened]\nenv:\n  GH_TOKEN: \${{ secrets.BOT_PAT }}\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p "triage" --allowedTools Bash\n`,
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
    expect(found).toContain('github.agent-token-in-env medium :5');
    expect(found).toContain('github.agent-untrusted-trigger high :2');
  });
});

describe('a bypass is as grave as who steers it and what it reaches', () => {
  const scanOne = async (text: string) => {
    const dir = repoWith({ '.github/workflows/w.yml': text });
    return (await scanRepository(dir)).findings.filter((f) => f.id === 'github.agent-bypass-flag').map((f) => f.severity);
  };
  it('Codex with danger-full-access behind its own write check, on a read-only pull_request job: medium; opened to anyone: high', async () => {
    const wf = (extra: string) =>
      `on:\n  issue_comment:\n    types: [created]\npermissions:\n  contents: read\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n        with:\n          sandbox: danger-full-access\n${extra}`;
    expect(await scanOne(wf(''))).toEqual(['medium']);
    expect(await scanOne(wf('          allow-users: "*"\n'))).toEqual(['high']);
  });
  it('inside a firewall that allows only listed domains: a level lower when anyone starts it, low when it holds nothing, no risk when only the team does', async () => {
    const wf = (on: string) =>
      `on: ${on}\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: \${{ github.token }}\n    steps:\n      - run: sudo -E awf --allow-domains api.github.com -- /bin/bash -c 'copilot --allow-all-tools --prompt x'\n`;
    expect(await scanOne(wf('workflow_dispatch'))).toEqual([]);
    expect(await scanOne(wf('issues'))).toEqual(['medium']);
    // Holding nothing it can write with, the container and the listed hosts are all it reaches.
    expect(
      await scanOne(
        wf('issues')
          .replace('contents: write', 'contents: read')
          .replace(/ {4}env:\n.*\n/, ''),
      ),
    ).toEqual(['low']);
  });
});

describe('credit and context', () => {
  it("Codex's default drop-sudo is credited; a schedule that starts an agent is said as a fact", async () => {
    const dir = repoWith({
      '.github/workflows/c.yml': `on:\n  schedule:\n    - cron: "0 3 * * 1"\npermissions:\n  contents: read\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n        with:\n          prompt: audit\n`,
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.kind} :${f.line ?? ''}`);
    expect(found, found.join('\n')).toContain('github.agent-drop-sudo protective :10');
    expect(found).toContain('github.agent-trigger fact :2');
  });
});

describe('agents and gates the scanner infers', () => {
  it('an action told which model to run is an agent; a step that fails the job for non-members gates it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = (check: string) =>
      `on:\n  issue_comment:\n    types: [created]\npermissions:\n  contents: write\njobs:\n  bot:\n    runs-on: ubuntu-latest\n    steps:\n${check}      - uses: example/ai-bot@v2\n        with:\n          model: anthropic/claude-sonnet\n`;
    writeFileSync(join(dir, '.github/workflows/bot.yml'), wf(''));
    const open = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`);
    expect(open).toContain('github.agent-workflow info');
    // Its tools are not in the files: graded at most medium.
    expect(open).toContain('github.agent-untrusted-trigger medium');
    writeFileSync(join(dir, '.github/workflows/bot.yml'), wf(`      - run: |\n          gh api "/orgs/example/members/$AUTHOR" || exit 1\n`));
    const gated = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`);
    expect(gated.some((l) => l.startsWith('github.agent-untrusted-trigger'))).toBe(false);
    expect(gated).toContain('github.agent-member-gate info');
  });
});

describe('inputs an action no longer reads', () => {
  it('claude-code-action v1 ignores allowed_tools: said, and nothing granted from it; @beta still reads it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = (ref: string) =>
      `on: push\npermissions:\n  contents: read\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@${ref}\n        with:\n          allowed_tools: "Bash(git push:*)"\n`;
    writeFileSync(join(dir, '.github/workflows/c.yml'), wf('v1'));
    const v1 = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
    expect(v1).toContain('github.agent-input-ignored low :10');
    expect(v1.some((f) => f.startsWith('github.agent-broad-tools'))).toBe(false);
    writeFileSync(join(dir, '.github/workflows/c.yml'), wf('beta'));
    const beta = (await scanRepository(dir)).findings.map((f) => f.id);
    expect(beta).toContain('github.agent-broad-tools');
    expect(beta).not.toContain('github.agent-input-ignored');
  });
});

describe('more agents the scanner recognises', () => {
  it('an action handed the job token in a job allowed to call GitHub Models runs a model; Copilot skills are a shared pattern', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    mkdirSync(join(dir, '.github/skills/triage'), { recursive: true });
    writeFileSync(join(dir, '.github/skills/triage/SKILL.md'), '---\nname: triage\ndescription: triage issues\n---\nSteps.\n');
    writeFileSync(
      join(dir, '.github/workflows/a.yml'),
      `on:\n  issues:\n    types: [opened]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      issues: write\n      models: read\n    steps:\n      - uses: example/labeler@v1\n        with:\n          token: \${{ secrets.GITHUB_TOKEN }}\n`,
    );
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`);
    expect(found).toContain('github.agent-untrusted-trigger medium');
    expect(found).toContain('copilot.shared-skills info');
  });
});

describe('fetching any address', () => {
  it('is an egress risk apart from the command grants, graver when the agent holds something worth sending', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = (write: string, env: string) =>
      `on:\n  pull_request:\npermissions:\n  contents: ${write}\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n${env}        with:\n          claude_args: --allowedTools "Bash(gh pr view:*),Read,WebFetch"\n`;
    writeFileSync(join(dir, '.github/workflows/c.yml'), wf('read', ''));
    const reading = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`);
    expect(reading).toContain('github.agent-open-egress low');
    expect(reading).toContain('github.agent-narrow-tools info');
    expect(reading.some((f) => f.startsWith('github.agent-broad-tools'))).toBe(false);
    writeFileSync(join(dir, '.github/workflows/c.yml'), wf('read', '        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n'));
    expect((await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`)).toContain('github.agent-open-egress medium');
    writeFileSync(join(dir, '.github/workflows/c.yml'), wf('write', ''));
    expect((await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`)).toContain('github.agent-open-egress medium');
  });
});

describe('an App token minted in the job', () => {
  const wf = (scopes: string, check = '') =>
    `on:\n  issues:\n    types: [opened]\npermissions:\n  contents: read\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - id: app\n        uses: actions/create-github-app-token@v2\n        with:\n          app-id: \${{ vars.APP_ID }}\n          private-key: \${{ secrets.APP_KEY }}\n${scopes}      - uses: example/triage-agent@v1\n        with:\n          model: claude-sonnet\n          github-token: \${{ steps.app.outputs.token }}\n${check}`;
  const scanOne = async (text: string) => {
    const dir = repoWith({ '.github/workflows/t.yml': text });
    return (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
  };
  it('is what the agent acts with: unscoped it carries the installation, scoped to comments it is credited', async () => {
    const unscoped = await scanOne(wf(''));
    expect(unscoped).toContain('github.app-token-unscoped medium :11');
    expect(unscoped).toContain('github.agent-untrusted-trigger medium :2');
    const scoped = await scanOne(wf('          permission-contents: read\n          permission-issues: write\n'));
    expect(scoped).toContain('github.app-token-scoped info :15');
    expect(scoped.some((f) => f.startsWith('github.app-token-unscoped'))).toBe(false);
    expect(scoped).toContain('github.agent-untrusted-trigger medium :2');
  });
});

describe('a compiled agentic workflow (gh-aw .lock.yml)', () => {
  const lock = (roles: string) =>
    [
      'on:',
      '  issues:',
      '    types: [opened]',
      'permissions: {}',
      'jobs:',
      '  pre_activation:',
      '    runs-on: ubuntu-slim',
      '    outputs:',
      "      activated: ${{ steps.check_membership.outputs.is_team_member == 'true' }}",
      '    steps:',
      '      - id: check_membership',
      '        uses: actions/github-script@v9',
      '        env:',
      `          GH_AW_REQUIRED_ROLES: "${roles}"`,
      '  activation:',
      '    needs: pre_activation',
      "    if: needs.pre_activation.outputs.activated == 'true'",
      '    runs-on: ubuntu-slim',
      '    steps:',
      '      - run: echo ok',
      '  agent:',
      '    needs: activation',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: read',
      '    steps:',
      '      - run: |',
      `          printf '%s\\n' "{\\"network\\":{\\"allowDomains\\":[\\"api.github.com\\"]}}" > awf-config.json`,
      '          sudo -E awf --config awf-config.json ${EXTRA:+--mount "$EXTRA"} \\',
      "            -- /bin/bash -c 'copilot --add-dir /tmp --allow-all-tools --prompt x'",
    ].join('\n') + '\n';
  const scanOne = async (text: string) => {
    const dir = repoWith({ '.github/workflows/triage.lock.yml': text });
    return (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
  };
  it('is gated by its role check, and --allow-all-tools inside its firewall is said, not held against it', async () => {
    const gated = await scanOne(lock('admin,maintainer,write'));
    expect(gated).toContain('github.agent-workflow info :27');
    expect(gated).toContain('github.agent-bypass-in-sandbox info :30');
    expect(gated.some((f) => f.startsWith('github.agent-untrusted-trigger') || f.startsWith('github.agent-bypass-flag'))).toBe(false);
  });
  it('with roles: all, anyone starts it: the bypass is a risk even inside the firewall, low while the agent holds nothing', async () => {
    const open = await scanOne(lock('all'));
    expect(open).toContain('github.agent-bypass-flag low :30');
    expect(open.some((f) => f.startsWith('github.agent-untrusted-trigger'))).toBe(true);
  });
});

describe('a dispatcher and the prompt', () => {
  it('a dispatcher is as grave as the most its callees can reach: low when every routed agent holds nothing', async () => {
    const dir = repoWith({
      '.github/workflows/dispatch.yml': `on:\n  issues:\n    types: [opened]\njobs:\n  dispatch:\n    runs-on: ubuntu-latest\n    outputs:\n      command: \${{ steps.c.outputs.command }}\n    steps:\n      - id: c\n        run: echo "command=triage" >> "$GITHUB_OUTPUT"\n  triage:\n    needs: dispatch\n    if: needs.dispatch.outputs.command == 'triage'\n    uses: ./.github/workflows/triage.yml\n`,
    });
    const callee = (write: string) =>
      `on: workflow_call\npermissions:\n  contents: read\n  issues: ${write}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        env:\n          GITHUB_TOKEN: ''\n`;
    writeFileSync(join(dir, '.github/workflows/triage.yml'), callee('read'));
    const severity = async () => (await scanRepository(dir)).findings.filter((f) => f.id === 'github.agent-untrusted-trigger').map((f) => f.severity);
    expect(await severity()).toEqual(['low']);
    writeFileSync(
      join(dir, '.github/workflows/triage.yml'),
      callee('read').replace("          GITHUB_TOKEN: ''\n", '          GITHUB_TOKEN: ${{ github.token }}\n').replace('issues: read', 'issues: write'),
    );
    expect(await severity()).toEqual(['medium']);
  });

  it("a rule written into the agent's prompt is reported as prose, at its line", async () => {
    const dir = repoWith({
      '.github/workflows/c.yml': `on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          prompt: |\n            Triage the issue.\n            Never push to any branch.\n`,
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
    expect(found).toContain('github.instruction-not-enforced low :12');
  });
});

describe('claude_args chosen by an expression', () => {
  it('every argument set written in the expression is possible: what any grants is reported; one built from a variable is not assessed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = (args: string) =>
      `on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_args: ${args}\n`;
    writeFileSync(
      join(dir, '.github/workflows/c.yml'),
      wf(`\${{ inputs.mode == 'read' && '--allowed-tools "Read,Bash(gh issue view:*)"' || '--allowed-tools "Read,Edit,Bash(gh api:*)"' }}`),
    );
    const found = (await scanRepository(dir)).findings.filter((f) => f.id === 'github.agent-broad-tools').map((f) => f.message);
    expect(found).toEqual([
      'an --allowedTools the expression can choose grants Bash(gh api:*): the agent can run far more than the workflow needs, unattended',
    ]);
    writeFileSync(join(dir, '.github/workflows/c.yml'), wf('${{ vars.CLAUDE_ARGS }}'));
    expect((await scanRepository(dir)).findings.map((f) => f.id)).toContain('github.agent-args-unreadable');
  });
});

describe("claude-code-action's settings and claude_env inputs", () => {
  it('settings pre-approve tools like --allowedTools, cited at the entry; claude_env, which v1 no longer reads, reaches nothing', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/c.yml'),
      [
        'on: workflow_dispatch',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  c:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: anthropics/claude-code-action@v1',
        '        with:',
        '          claude_env: |',
        '            OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
        '          settings: |',
        '            {"permissions": {"allow": [',
        '              "Read",',
        '              "Bash(python:*)"',
        '            ]}}',
      ].join('\n') + '\n',
    );
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
    expect(found).toContain('github.agent-broad-tools medium :15');
    expect(found.some((f) => f.startsWith('github.agent-secret-in-env'))).toBe(false);
    expect(found).toContain('github.agent-inputs-dropped info :10');
  });
});

describe('which run: steps start an agent', () => {
  const agents = async (run: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/w.yml'),
      `on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${run
        .split('\n')
        .map((l) => `          ${l}`)
        .join('\n')}\n`,
    );
    return (await scanRepository(dir)).findings.filter((f) => f.id === 'github.agent-workflow').map((f) => f.message);
  };
  it('a program in command position, past wrappers, or named by its path in a bin folder; never an argument that names one', async () => {
    expect(await agents('sudo adduser --system --home /home/codex --group codex\nsudo pkill -KILL -u codex')).toEqual([]);
    expect(await agents('echo start && sudo -E timeout 10m codex exec "fix it"')).toEqual(['runs an agent in CI (OpenAI Codex, from a run: step)']);
    expect(await agents('node harness.cjs /usr/local/bin/copilot --prompt x')).toEqual(['runs an agent in CI (Copilot CLI, from a run: step)']);
    expect(await agents("bash -c 'cd app; claude -p review'")).toEqual(['runs an agent in CI (Claude Code, from a run: step)']);
  });
});

describe('the workflow token and checkout forks', () => {
  it('an empty workflow-level permissions block is credited; a drop-in checkout fork leaves the token like actions/checkout', async () => {
    const dir = repoWith({
      '.github/workflows/r.yml': `on: workflow_dispatch\npermissions: {}\njobs:\n  r:\n    runs-on: ubuntu-latest\n    permissions:\n      issues: write\n    steps:\n      - uses: useblacksmith/checkout@v1\n      - uses: openai/codex-action@v1\n`,
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} :${f.line ?? ''}`);
    expect(found).toContain('github.workflow-token-empty :2');
    expect(found).toContain('github.agent-checkout-credentials :9');
  });
});

describe("Copilot's setup steps", () => {
  it('a secret exported to $GITHUB_ENV is in the agent’s own environment, a model provider’s key included, cited at the export', async () => {
    const dir = repoWith({
      '.github/workflows/copilot-setup-steps.yml': `on: workflow_dispatch\njobs:\n  copilot-setup-steps:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - env:\n          AZURE_OPENAI_API_KEY: \${{ secrets.AZURE_OPENAI_API_KEY }}\n        run: |\n          set -eu\n          echo "AZURE_OPENAI_API_KEY=$AZURE_OPENAI_API_KEY" >> "$GITHUB_ENV"\n`,
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''}`);
    expect(found).toContain('github.agent-secret-in-env medium :12');
  });
});

describe('workflow_run', () => {
  const scan = async (guard: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/ci.yml'),
      'name: CI\non: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    );
    writeFileSync(
      join(dir, '.github/workflows/fix.yml'),
      `on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\npermissions:\n  contents: read\njobs:\n  fix:\n${guard}    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p "explain the failure" --allowedTools Bash\n        env:\n          DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}\n`,
    );
    return (await scanRepository(dir)).findings.filter((f) => f.path.endsWith('fix.yml')).map((f) => `${f.id} ${f.severity}`);
  };
  it("after a workflow outsiders start, anyone starts it; a check of the run's head repository keeps forks out", async () => {
    expect(await scan('')).toContain('github.agent-untrusted-trigger high');
    const guarded = await scan('    if: github.event.workflow_run.head_repository.full_name == github.repository\n');
    expect(guarded.some((f) => f.startsWith('github.agent-untrusted-trigger'))).toBe(false);
  });
});

describe("a prompt file from the pull request's checkout", () => {
  const scan = async (on: string, extra = '', checkout = '      - uses: actions/checkout@v4\n') => {
    const dir = repoWith({
      '.github/workflows/r.yml': `on: ${on}\npermissions:\n  contents: read\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n${checkout}      - uses: openai/codex-action@v1\n        with:\n          prompt-file: .github/prompts/review.md\n${extra}`,
    });
    return (await scanRepository(dir)).findings.filter((f) => f.id === 'github.agent-prompt-from-pr').map((f) => `${f.severity} :${f.line}`);
  };
  it("is the change's own on pull_request: low behind the action's write check, high when anyone may start it; never on a schedule", async () => {
    expect(await scan('pull_request')).toEqual(['low :11']);
    const head = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n';
    expect(await scan('pull_request_target', '          allow-users: "*"\n', head)).toEqual(['high :13']);
    expect(await scan('pull_request_target')).toEqual([]);
    expect(await scan('schedule')).toEqual([]);
  });
});

describe('a token the agent cannot reach', () => {
  it("is the job's, said as a fact: not handed to the action, not in its environment, not left by a checkout", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = (persist: string) =>
      `on: schedule\npermissions:\n  contents: write\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${persist}      - uses: openai/codex-action@v1\n      - uses: peter-evans/create-pull-request@v7\n`;
    writeFileSync(join(dir, '.github/workflows/r.yml'), wf('        with:\n          persist-credentials: false\n'));
    const ids = async () => (await scanRepository(dir)).findings.map((f) => f.id);
    expect(await ids()).toContain('github.agent-token-out-of-reach');
    expect(await ids()).not.toContain('github.agent-broad-token');
    writeFileSync(join(dir, '.github/workflows/r.yml'), wf(''));
    expect(await ids()).toContain('github.agent-broad-token');
  });
});

describe("a sandbox's excluded variables", () => {
  it('a token awf keeps out of the agent with --exclude-env is not in its reach', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = (exclude: string) =>
      `on:\n  issues:\n    types: [opened]\npermissions:\n  contents: read\n  issues: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          GH_TOKEN: \${{ github.token }}\n        run: sudo -E awf --allow-domains api.github.com ${exclude}-- /bin/bash -c 'copilot --prompt x'\n`;
    writeFileSync(join(dir, '.github/workflows/a.yml'), wf('--exclude-env GH_TOKEN '));
    const ids = async () => (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity}`);
    expect((await ids()).some((f) => f.startsWith('github.agent-token-in-env'))).toBe(false);
    expect(await ids()).toContain('github.agent-untrusted-trigger low');
    writeFileSync(join(dir, '.github/workflows/a.yml'), wf(''));
    expect((await ids()).some((f) => f.startsWith('github.agent-token-in-env'))).toBe(true);
  });
});

describe('an in-house agent that runs dry unless a person dispatches it', () => {
  const wf = (dry: string) => `on:
  issues:
  workflow_dispatch:
    inputs:
      dry_run:
        default: 'true'
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: python triage.py
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
          GOOGLE_API_KEY: \${{ secrets.GOOGLE_API_KEY }}
          ISSUE_BODY: \${{ github.event.issue.body }}
${dry}`;
  it('is a level lower for the events anyone can fire, credited at its switch', async () => {
    const dry = await scanLines({ '.github/workflows/t.yml': wf("          DRY_RUN: ${{ github.event.inputs.dry_run || 'true' }}\n") });
    expect(dry).toContain('github.agent-untrusted-trigger low .github/workflows/t.yml:2');
    expect(dry).toContain('github.agent-token-in-env low .github/workflows/t.yml:15');
    expect(dry).toContain('github.agent-dry-run-default info .github/workflows/t.yml:18');
    const live = await scanLines({ '.github/workflows/t.yml': wf("          DRY_RUN: ${{ github.event.inputs.dry_run || 'false' }}\n") });
    expect(live).toContain('github.agent-untrusted-trigger medium .github/workflows/t.yml:2');
    expect(live.some((l) => l.startsWith('github.agent-dry-run-default'))).toBe(false);
    // A dispatched live run is the team's: a code-writing token in its environment is graded as such (medium), not dropped.
    const code = await scanLines({
      '.github/workflows/t.yml': wf("          DRY_RUN: ${{ github.event.inputs.dry_run || 'true' }}\n").replace('issues: write', 'contents: write'),
    });
    expect(code).toContain('github.agent-token-in-env medium .github/workflows/t.yml:15');
  });
});
