// Settings that decide what reaches an agent and when it runs: claude-code-action v1 dropped its
// beta inputs (moved to prompt, claude_args and settings), so what they set never reaches the agent,
// secrets in claude_env included; a Copilot custom agent may be one only a person picks.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const workflow = (ref: string) => `on:
  issue_comment:
    types: [created]
jobs:
  claude:
    if: github.event.comment.author_association == 'OWNER'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: anthropics/claude-code-action@${ref}
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          model: claude-opus-4
          claude_env: |
            DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}
`;

describe("claude-code-action's dropped inputs", () => {
  it('says which inputs v1 ignores, at the first of them, and keeps claude_env secrets out of reach', async () => {
    const v1 = await scanLines({ '.github/workflows/claude.yml': workflow('v1') });
    expect(v1).toContain('github.agent-inputs-dropped info .github/workflows/claude.yml:14');
    expect(v1.some((l) => l.startsWith('github.agent-secret-in-env'))).toBe(false);
  });

  it('reads them on a beta release, where they still apply', async () => {
    const beta = await scanLines({ '.github/workflows/claude.yml': workflow('beta') });
    expect(beta.some((l) => l.startsWith('github.agent-inputs-dropped'))).toBe(false);
    expect(beta.some((l) => l.startsWith('github.agent-secret-in-env medium .github/workflows/claude.yml:16'))).toBe(true);
  });
});

describe('a Copilot custom agent only a person picks', () => {
  it('is credited where it says so, and not otherwise', async () => {
    const agent = (flag: string) => `---\nname: release\ndescription: cuts a release\n${flag}tools: ['read', 'edit']\n---\nCut the release.\n`;
    expect(await scanLines({ '.github/agents/release.agent.md': agent('disable-model-invocation: true\n') })).toContain(
      'copilot.agent-manual-only info .github/agents/release.agent.md:4',
    );
    const picked = await scanLines({ '.github/agents/release.agent.md': agent('disable-model-invocation: false\n') });
    expect(picked.some((l) => l.startsWith('copilot.agent-manual-only'))).toBe(false);
  });
});

describe('a read-only job token, when the agent acts with another', () => {
  const job = (env: string) => `on: workflow_dispatch
permissions:
  contents: read
jobs:
  docs:
    runs-on: ubuntu-latest
    steps:
      - id: app
        uses: actions/create-github-app-token@v2
        with:
          app-id: \${{ secrets.APP_ID }}
          private-key: \${{ secrets.APP_KEY }}
      - uses: anthropics/claude-code-action@v1
        env:
          GH_TOKEN: ${env}
        with:
          github_token: \${{ github.token }}
          prompt: update the docs
`;
  it('is no credit to an agent handed an App token minted in the job', async () => {
    expect(
      (await scanLines({ '.github/workflows/docs.yml': job('${{ steps.app.outputs.token }}') })).some((l) => l.startsWith('github.agent-read-only-token')),
    ).toBe(false);
    expect(await scanLines({ '.github/workflows/docs.yml': job("''") })).toContain('github.agent-read-only-token info .github/workflows/docs.yml:2');
  });
});

describe("claude-code-action's own check of who asked", () => {
  const wf = (on: string, uses: string) =>
    `on:\n  ${on}:\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n        with:\n          prompt: review this\n          github_token: \${{ github.token }}\n`;
  it('is credited for pull requests, which anyone can open', async () => {
    expect(await scanLines({ '.github/workflows/a.yml': wf('pull_request', 'anthropics/claude-code-action@v1') })).toContain(
      'github.agent-write-check-default info .github/workflows/a.yml:9',
    );
  });
  it('is not there in the base action, the bare agent', async () => {
    const found = await scanLines({ '.github/workflows/a.yml': wf('issues', 'anthropics/claude-code-action/base-action@v1') });
    expect(found.some((l) => l.startsWith('github.agent-write-check-default'))).toBe(false);
    expect(found.some((l) => l.startsWith('github.agent-untrusted-trigger'))).toBe(true);
  });
});

describe('a checkout with a stored credential before the agent', () => {
  const job = (persist: string) => `on: workflow_dispatch
permissions:
  contents: read
jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          repository: acme/notes
          ssh-key: \${{ secrets.NOTES_DEPLOY_KEY }}${persist}
      - run: claude -p "write the plan" --allowedTools Bash
`;
  it('leaves the key where the agent can use it, unless persist-credentials: false', async () => {
    const left = await scanLines({ '.github/workflows/plan.yml': job('') });
    expect(left, left.join('\n')).toContain('github.agent-checkout-stored-credential medium .github/workflows/plan.yml:11');
    const kept = await scanLines({ '.github/workflows/plan.yml': job('\n          persist-credentials: false') });
    expect(kept.some((l) => l.startsWith('github.agent-checkout-stored-credential'))).toBe(false);
  });
});
