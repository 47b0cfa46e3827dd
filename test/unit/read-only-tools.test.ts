// An agent whose tools run no command cannot act with the token its job holds: the token findings
// say so (low), and a gate or a grant anywhere (a flag, the project's settings) takes that away.
import { describe, expect, it } from 'vitest';
import { cliRunsNoCommand, commandlessTool, invocations } from '../../src/detectors/github/read-only-tools.js';
import { scanLines } from '../helpers/repo.js';

const copilot = { name: 'Copilot CLI', command: /^(?:[.\w-]*\/)*copilot$/ };
const claude = { name: 'Claude Code', command: /^(?:[.\w-]*\/)*claude$/ };

const job = (run: string, perms = 'contents: write') => `on:
  push:
    tags: ['v*']
jobs:
  notes:
    runs-on: ubuntu-latest
    permissions:
      ${perms}
    env:
      GH_TOKEN: \${{ github.token }}
    steps:
      - run: |
${run
  .split('\n')
  .map((l) => `          ${l}`)
  .join('\n')}
`;

describe('tools that run no command', () => {
  it('reads each call of the agent from its own line, whatever the script around it', () => {
    const run = "cat <<'EOF' > p.txt\nit's a prompt with an apostrophe\nEOF\nif ! copilot -p \"$(cat p.txt)\" \\\n  -s > out.md; then exit 1; fi";
    expect(invocations(run, copilot.command).map((c) => c.words)).toEqual([['-p', '$(cat p.txt)', '-s', '>', 'out.md']]);
    expect(cliRunsNoCommand(copilot, run, [])).toBe(true);
  });

  it('takes any grant, flag or project setting, as a command the agent can run', () => {
    expect(cliRunsNoCommand(copilot, 'copilot -p "x" --allow-tool "shell(git push)"', [])).toBe(false);
    expect(cliRunsNoCommand(copilot, 'copilot -p "x" --allow-all-tools', [])).toBe(false);
    expect(cliRunsNoCommand(copilot, 'copilot --banner', [])).toBe(false);
    expect(cliRunsNoCommand(claude, 'claude -p "x"', [])).toBe(true);
    expect(cliRunsNoCommand(claude, 'claude -p "x"', ['Bash(npm test:*)'])).toBe(false);
    expect(cliRunsNoCommand(claude, 'claude -p "x" --permission-mode acceptEdits', [])).toBe(true);
    expect(cliRunsNoCommand(claude, 'claude -p "x" --permission-mode bypassPermissions', [])).toBe(false);
    expect(cliRunsNoCommand(claude, 'claude -p "x" --dangerously-skip-permissions', [])).toBe(false);
    expect(cliRunsNoCommand(claude, 'claude -p "x" --allowedTools "Read Grep Bash(gh pr diff:*)"', [])).toBe(true);
    expect(cliRunsNoCommand(claude, 'claude -p "x" --allowedTools "Read Bash(gh pr merge:*)"', [])).toBe(false);
  });

  it('counts only reading and editing the workspace and views through gh and git', () => {
    expect(['Read', 'Glob', 'Write', 'Bash(gh pr view*)', 'Bash(git log:*)'].every(commandlessTool)).toBe(true);
    for (const tool of ['Bash', 'WebFetch', 'Bash(gh pr view; curl x)', 'Bash(git push:*)', 'mcp__github__create_issue', 'Bash(gh api:*)'])
      expect(commandlessTool(tool), tool).toBe(false);
  });

  it('lowers the job token findings for such an agent, and only for it', async () => {
    const quiet = await scanLines({ '.github/workflows/notes.yml': job('copilot -p "write release notes" > notes.md') });
    expect(quiet).toContain('github.agent-broad-token low .github/workflows/notes.yml:8');
    expect(quiet).toContain('github.agent-token-in-env low .github/workflows/notes.yml:10');
    expect(quiet).toContain('github.agent-runs-no-command info .github/workflows/notes.yml:13');
    const armed = await scanLines({ '.github/workflows/notes.yml': job('copilot -p "write release notes" --allow-all-tools > notes.md') });
    expect(armed).toContain('github.agent-broad-token medium .github/workflows/notes.yml:8');
    expect(armed.some((l) => l.startsWith('github.agent-runs-no-command'))).toBe(false);
  });

  it('lowers an unscoped App token handed to such an agent the same way', async () => {
    const minted = (run: string) => `on:
  push:
    tags: ['v*']
jobs:
  notes:
    runs-on: ubuntu-latest
    steps:
      - id: app
        uses: actions/create-github-app-token@v2
        with:
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.APP_KEY }}
      - run: ${run}
        env:
          GH_TOKEN: \${{ steps.app.outputs.token }}
`;
    expect(await scanLines({ '.github/workflows/notes.yml': minted('copilot -p "notes"') })).toContain(
      'github.app-token-unscoped low .github/workflows/notes.yml:9',
    );
    expect(await scanLines({ '.github/workflows/notes.yml': minted('copilot -p "notes" --allow-all-tools') })).toContain(
      'github.app-token-unscoped medium .github/workflows/notes.yml:9',
    );
  });

  it("reads the project's Claude settings: a grant there is a grant to claude -p in CI", async () => {
    const workflow = { '.github/workflows/notes.yml': job('claude -p "summarise the changes"') };
    expect(await scanLines(workflow)).toContain('github.agent-broad-token low .github/workflows/notes.yml:8');
    const granted = await scanLines({ ...workflow, '.claude/settings.json': '{ "permissions": { "allow": ["Bash(git push:*)"] } }' });
    expect(granted).toContain('github.agent-broad-token medium .github/workflows/notes.yml:8');
    const bypassing = await scanLines({ ...workflow, '.claude/settings.json': '{ "permissions": { "defaultMode": "bypassPermissions" } }' });
    expect(bypassing).toContain('github.agent-broad-token medium .github/workflows/notes.yml:8');
  });
});

describe("Continue's CLI", () => {
  const cn = { name: 'Continue CLI', command: /^(?:[.\w-]*\/)*cn$/ };
  it('headless with no --allow, agent or config file runs only read-only tools', () => {
    expect(cliRunsNoCommand(cn, 'cn -p "review the diff"', [])).toBe(true);
    expect(cliRunsNoCommand(cn, 'cn -p "fix it" --allow Bash', [])).toBe(false);
    expect(cliRunsNoCommand(cn, 'cn -p --agent acme/fixer "fix it"', [])).toBe(false);
    expect(cliRunsNoCommand(cn, 'cn "interactive"', [])).toBe(false);
  });

  it('is an agent in a run: step, installed unpinned from npm', async () => {
    const found = await scanLines({
      '.github/workflows/c.yml': job('npm i -g @continuedev/cli\ncn -p "summarise the release"').replace('contents: write', 'contents: read'),
    });
    expect(found).toContain('github.agent-runs-no-command info .github/workflows/c.yml:14');
    expect(found.some((l) => l.startsWith('github.agent-cli-unpinned'))).toBe(true);
  });
});
