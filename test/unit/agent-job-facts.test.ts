// Facts a reader of an agent job needs: what its OIDC token can reach, and secrets passed wholesale.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { repoWith, scanLines } from '../helpers/repo.js';

const agent = 'jobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n';

describe('an agent job', () => {
  it('that may request an OIDC token says so at the scope', async () => {
    const found = await scanLines({ '.github/workflows/a.yml': `on: workflow_dispatch\npermissions:\n  contents: read\n  id-token: write\n${agent}` });
    expect(found).toContain('github.agent-id-token info .github/workflows/a.yml:4');
    const without = await scanLines({ '.github/workflows/a.yml': `on: workflow_dispatch\npermissions:\n  contents: read\n${agent}` });
    expect(without.some((l) => l.startsWith('github.agent-id-token'))).toBe(false);
  });

  it('calling an agent workflow with secrets: inherit says so at the line; a named secret is not said', async () => {
    const callee = `on: workflow_call\npermissions:\n  contents: read\n${agent}`;
    const caller = (secrets: string) => `on: workflow_dispatch\njobs:\n  call:\n    uses: ./.github/workflows/agent.yml\n    secrets:${secrets}\n`;
    const inherit = await scanLines({ '.github/workflows/agent.yml': callee, '.github/workflows/caller.yml': caller(' inherit') });
    expect(inherit).toContain('github.agent-secrets-inherit info .github/workflows/caller.yml:5');
    const named = await scanLines({ '.github/workflows/agent.yml': callee, '.github/workflows/caller.yml': caller('\n      KEY: ${{ secrets.KEY }}') });
    expect(named.some((l) => l.startsWith('github.agent-secrets-inherit'))).toBe(false);
  });
});

describe("a checkout's stored token", () => {
  const job = (perms: string, agentStep: string, path = '.github/workflows/a.yml') =>
    scanRepository(
      repoWith({
        [path]: `on: workflow_dispatch\npermissions:\n${perms}\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n${agentStep}`,
      }),
    ).then((r) => r.findings.filter((f) => f.id.startsWith('github.agent-checkout')).map((f) => `${f.id} ${f.kind} ${f.severity}`));

  it("is a risk where it is the agent's way to a write token, and context where it opens nothing", async () => {
    // A script's agent reaches the token only through .git/config.
    expect(await job('  contents: write', '      - run: claude -p "fix it" --allowedTools "Bash(git push:*)"\n')).toEqual([
      'github.agent-checkout-credentials risk medium',
    ]);
    // Claude's action acts with the token itself: the copy adds no reach.
    expect(await job('  contents: write', '      - uses: anthropics/claude-code-action@v1\n')).toEqual(['github.agent-checkout-credentials fact info']);
    // A token that can write nothing.
    expect(await job('  contents: read', '      - run: claude -p "fix it" --allowedTools "Bash(git push:*)"\n')).toEqual([
      'github.agent-checkout-credentials fact info',
    ]);
  });

  it('kept out of .git/config is credited where the team wrote it, and context in a compiled agentic workflow', async () => {
    const step = '        with:\n          persist-credentials: false\n      - run: claude -p "fix it"\n';
    expect(await job('  contents: read', step)).toEqual(['github.agent-checkout-no-credentials protective info']);
    expect(await job('  contents: read', step, '.github/workflows/a.lock.yml')).toEqual(['github.agent-checkout-no-credentials fact info']);
  });
});

describe('a push after the agent', () => {
  const job = (push: string) =>
    `on: workflow_dispatch\npermissions:\n  contents: write\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n      - run: |\n          git add -A\n          ${push}\n`;
  it('to the default branch lands the agent’s commits with no review', async () => {
    expect(await scanLines({ '.github/workflows/a.yml': job('git push origin main') })).toContain(
      'github.agent-push-to-default medium .github/workflows/a.yml:11',
    );
    expect(await scanLines({ '.github/workflows/a.yml': job('git push origin HEAD:${{ github.event.repository.default_branch }}') })).toContain(
      'github.agent-push-to-default medium .github/workflows/a.yml:11',
    );
  });
  it('to a branch of its own, or a tag, is not', async () => {
    for (const push of ['git push origin agent/fix-123', 'git push origin "v1.2.3"', 'git push -u origin maintenance'])
      expect((await scanLines({ '.github/workflows/a.yml': job(push) })).some((l) => l.includes('push-to-default'))).toBe(false);
  });
});

describe('who and what stands before an agent job', () => {
  const wf = (on: string, jobExtra: string) =>
    `on:\n${on}\npermissions:\n  contents: read\njobs:\n  run:\n${jobExtra}    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n`;
  it('credits an environment and a job if: that keeps bots out', async () => {
    const found = await scanLines({
      '.github/workflows/a.yml': wf('  issue_comment:\n    types: [created]', "    environment: agents\n    if: github.event.sender.type != 'Bot'\n"),
    });
    expect(found).toContain('github.agent-environment info .github/workflows/a.yml:8');
    expect(found).toContain('github.agent-bots-excluded info .github/workflows/a.yml:9');
  });
  it('says what a pull_request trigger means for the agent', async () => {
    const found = await scanLines({ '.github/workflows/a.yml': wf('  pull_request:', '') });
    expect(found).toContain('github.agent-trigger info .github/workflows/a.yml:2');
  });
});

describe("the agent's work as a draft pull request", () => {
  const job = (after: string) =>
    `on: workflow_dispatch\npermissions:\n  contents: write\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: openai/codex-action@v1\n${after}`;
  it('is credited when a later step opens it as a draft', async () => {
    const action = await scanLines({
      '.github/workflows/a.yml': job('      - uses: peter-evans/create-pull-request@v7\n        with:\n          draft: always-true\n'),
    });
    expect(action).toContain('github.agent-pr-draft info .github/workflows/a.yml:11');
    const cli = await scanLines({ '.github/workflows/a.yml': job('      - run: gh pr create --draft --fill\n') });
    expect(cli).toContain('github.agent-pr-draft info .github/workflows/a.yml:9');
    const ready = await scanLines({ '.github/workflows/a.yml': job('      - run: gh pr create --fill\n') });
    expect(ready.some((l) => l.includes('pr-draft'))).toBe(false);
  });
});
