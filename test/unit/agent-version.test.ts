// Which release of the agent's own program a workflow runs.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

describe("the agent CLI's release", () => {
  const job = (step: string) => `on: workflow_dispatch\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;
  it('is credited when an input or an install step fixes it, and said when it follows the newest or a variable', async () => {
    const pinned = await scanLines({
      '.github/workflows/a.yml': job('      - uses: openai/codex-action@v1\n        with:\n          codex-version: "0.144.6"\n'),
    });
    expect(pinned).toContain('github.agent-cli-pinned info .github/workflows/a.yml:8');
    const latest = await scanLines({
      '.github/workflows/a.yml': job('      - run: npm install -g @github/copilot\n      - run: copilot -p "fix it"\n'),
    });
    expect(latest).toContain('github.agent-cli-unpinned info .github/workflows/a.yml:6');
    const variable = await scanLines({
      '.github/workflows/a.yml': job(
        '      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          gemini_cli_version: ${{ vars.GEMINI_CLI_VERSION }}\n',
      ),
    });
    expect(variable).toContain('github.agent-cli-unpinned info .github/workflows/a.yml:8');
    const exact = await scanLines({ '.github/workflows/a.yml': job('      - run: npm i -g @github/copilot@1.0.48 && copilot -p "x"\n') });
    expect(exact).toContain('github.agent-cli-pinned info .github/workflows/a.yml:6');
  });
});

describe("codex-action's permission profile", () => {
  const step = (profile: string) =>
    `on: workflow_dispatch\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n        with:\n          permission-profile: '${profile}'\n`;
  it('credits the built-in profiles and says a named one is decided in its config', async () => {
    expect(await scanLines({ '.github/workflows/a.yml': step(':read-only') })).toContain('github.agent-read-only-sandbox info .github/workflows/a.yml:8');
    expect(await scanLines({ '.github/workflows/a.yml': step(':workspace') })).toContain('github.agent-workspace-sandbox info .github/workflows/a.yml:8');
    expect(await scanLines({ '.github/workflows/a.yml': step('review') })).toContain('github.agent-permission-profile info .github/workflows/a.yml:8');
  });
});

describe('an agent run through a package runner', () => {
  it('is the agent its package installs, with its bypass flag read', async () => {
    const found = await scanLines({
      '.github/workflows/a.yml':
        'on: workflow_dispatch\npermissions:\n  contents: write\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          npx -y @anthropic-ai/claude-code@2.1.0 --print \\\n            --dangerously-skip-permissions "fix it"\n',
    });
    expect(found).toContain('github.agent-workflow info .github/workflows/a.yml:8');
    expect(found.some((l) => l.startsWith('github.agent-bypass-flag'))).toBe(true);
    const install = await scanLines({
      '.github/workflows/a.yml':
        'on: workflow_dispatch\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm install -g @anthropic-ai/claude-code\n',
    });
    expect(install.some((l) => l.startsWith('github.agent-workflow'))).toBe(false);
  });
});
