// An agent the scanner does not know by name: an action handed a model provider's key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/cli.js';
import { repoWith, scanLines } from '../helpers/repo.js';

const workflow = (ifLine: string, key: string) => `on:
  issue_comment:
    types: [created]
permissions:
  contents: write
jobs:
  fix:
${ifLine}    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
      - uses: ./.github/actions/ai-fix
        with:
          ${key}
`;
const scanWorkflow = async (text: string) => {
  const dir = repoWith({ '.github/workflows/fix.yml': text });
  return (await scanRepository(dir)).findings.filter((f) => f.id.startsWith('github.agent')).map((f) => `${f.id} ${f.severity} :${f.line}`);
};

describe('in-house agents', () => {
  it('judges an action fed a provider key on comments anyone can write like any agent, at most medium: its tools are not in the files', async () => {
    const found = await scanWorkflow(workflow('', 'api-key: ${{ secrets.ANTHROPIC_API_KEY }}'));
    expect(found).toContain('github.agent-workflow info :11');
    expect(found).toContain('github.agent-untrusted-trigger medium :2');
  });

  it('credits a member check before it, and ignores actions given no model key', async () => {
    const gated = await scanWorkflow(workflow("    if: github.event.comment.author_association == 'MEMBER'\n", 'api-key: ${{ secrets.OPENAI_API_KEY }}'));
    expect(gated.some((f) => f.startsWith('github.agent-untrusted-trigger'))).toBe(false);
    expect(gated).toContain('github.agent-member-gate info :8');
    expect(await scanWorkflow(workflow('', 'token: ${{ secrets.NPM_TOKEN }}'))).toEqual([]);
  });

  it('follows a reusable workflow that runs one, with the trigger of the workflow that calls it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/caller.yml'),
      'on: issues\npermissions:\n  contents: write\njobs:\n  call:\n    uses: ./.github/workflows/agent.yml\n    secrets: inherit\n',
    );
    writeFileSync(
      join(dir, '.github/workflows/agent.yml'),
      'on: workflow_call\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/llm-triage@v1\n        env:\n          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n',
    );
    const all = (await scanRepository(dir)).findings;
    const found = all.filter((f) => f.id === 'github.agent-untrusted-trigger').map((f) => `${f.path}:${f.line}`);
    expect(found).toEqual(['.github/workflows/agent.yml:6']);
    // The calling job lends the agent its token, so its permissions are the agent's.
    expect(all.some((f) => f.id === 'github.agent-broad-token' && f.path === '.github/workflows/caller.yml')).toBe(true);
  });
});

const triage = (env: string) => `on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - env:
${env}        run: python triage.py
`;

describe('a script that runs a model on an issue', () => {
  it('is an in-house agent, graded at most medium because its tools are not in the files; a stored token is said once', async () => {
    const found = await scanLines({
      '.github/workflows/t.yml': triage(
        '          GOOGLE_API_KEY: ${{ secrets.GOOGLE_API_KEY }}\n          GITHUB_TOKEN: ${{ secrets.TRIAGE_PAT }}\n          BODY: ${{ github.event.issue.body }}\n',
      ),
    });
    expect(found).toContain('github.agent-untrusted-trigger medium .github/workflows/t.yml:2');
    expect(found).toContain('github.agent-token-in-env medium .github/workflows/t.yml:12');
    expect(found.some((l) => l.startsWith('github.agent-secret-in-env'))).toBe(false);
  });

  it('is not an agent when the key feeds a test run that reads no one’s text', async () => {
    const found = await scanLines({ '.github/workflows/t.yml': triage('          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n') });
    expect(found.some((l) => l.startsWith('github.agent'))).toBe(false);
  });
});

describe('a script handed a model key and the pull request it reviews', () => {
  const review = (diff: string) => `on: pull_request_target
permissions:
  contents: read
  pull-requests: write
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: ${diff}
      - run: python3 review.py pr.diff > review.json
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
`;
  it('is an in-house agent when an earlier step took the diff of the pull request head; a key alone is not', async () => {
    const head = await scanLines({
      '.github/workflows/r.yml': review('git diff "${{ github.event.pull_request.base.sha }}...${{ github.event.pull_request.head.sha }}" > pr.diff'),
    });
    expect(head).toContain('github.agent-workflow info .github/workflows/r.yml:13');
    // Its token is kept out of .git/config and its environment: an outsider starts it, with nothing to write with.
    expect(head).toContain('github.agent-untrusted-trigger low .github/workflows/r.yml:13');
    const tests = await scanLines({ '.github/workflows/r.yml': review('echo building') });
    expect(tests.some((l) => l.startsWith('github.agent-workflow'))).toBe(false);
  });
});
