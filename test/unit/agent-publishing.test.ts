// What happens to an agent's work after it runs: opened as a draft (a flag on a continued line, or
// in a later job that waits for the agent's), or, in an agentic workflow, opened ready for review; and
// where the pull request's own code lands under pull_request_target.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/scan/read-file.js';
import { scanLines } from '../helpers/repo.js';

const workflow = (publish: string) => `on: workflow_dispatch
permissions:
  contents: read
jobs:
  propose:
    runs-on: ubuntu-latest
    steps:
      - run: claude -p "update the docs" --allowedTools Edit
${publish}`;

describe("where the agent's pull request is opened", () => {
  it('finds --draft on a continued line, in the agent job or a job that waits for it', async () => {
    const sameJob = `      - run: |
          gh pr create \\
            --title "docs" \\
            --draft
`;
    expect(await scanLines({ '.github/workflows/docs.yml': workflow(sameJob) })).toContain('github.agent-pr-draft info .github/workflows/docs.yml:12');
    const laterJob = `  open:
    needs: propose
    runs-on: ubuntu-latest
    steps:
      - run: gh pr create --title docs --draft
`;
    expect(await scanLines({ '.github/workflows/docs.yml': workflow(laterJob) })).toContain('github.agent-pr-draft info .github/workflows/docs.yml:13');
    const notDraft = laterJob.replace(' --draft', '');
    expect((await scanLines({ '.github/workflows/docs.yml': workflow(notDraft) })).some((l) => l.startsWith('github.agent-pr-draft'))).toBe(false);
  });

  it("says when an agentic workflow's pull requests open ready for review", async () => {
    const source = (draft: boolean) =>
      `---\non:\n  schedule:\n    - cron: '0 6 * * 1'\npermissions:\n  contents: read\nsafe-outputs:\n  create-pull-request:\n    draft: ${draft}\n---\nUpdate the docs.\n`;
    expect(await scanLines({ '.github/workflows/docs.md': source(false) })).toContain('github.agent-pr-ready info .github/workflows/docs.md:9');
    expect(await scanLines({ '.github/workflows/docs.md': source(true) })).toContain('github.agent-pr-draft info .github/workflows/docs.md:9');
  });

  it('gives no line for a key a workflow does not have, rather than its parent', () => {
    const read = parseFile('.github/workflows/a.yml', 'jobs:\n  a:\n    steps:\n      - run: echo\n');
    if (read.ok !== true) throw new Error('expected a parsed file');
    expect(read.file.lineAt?.(['jobs', 'a', 'steps', 0, 'run'])).toBe(4);
    expect(read.file.lineAt?.(['jobs', 'a', 'steps', 0, 'with', 'draft'])).toBeUndefined();
    expect(read.file.lineAt?.(['jobs', 'a', 'steps', 3])).toBeUndefined();
  });
});

describe("a pull request's own code checked out under pull_request_target", () => {
  const wf = (checkout: string, later = '') => `on:
  pull_request_target:
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
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
${checkout}${later}      - run: claude -p "review pr-head" --allowedTools Read
`;
  it('is high where the job may run it, medium when confined to a folder no step enters', async () => {
    const line = (found: string[]) => found.find((l) => l.startsWith('github.privileged-checkout'));
    expect(line(await scanLines({ '.github/workflows/r.yml': wf('') }))).toBe('github.privileged-checkout high .github/workflows/r.yml:15');
    const confined = wf('          path: pr-head\n');
    expect(line(await scanLines({ '.github/workflows/r.yml': confined }))).toBe('github.privileged-checkout medium .github/workflows/r.yml:15');
    const entered = wf('          path: pr-head\n', '      - run: npm ci\n        working-directory: pr-head\n');
    expect(line(await scanLines({ '.github/workflows/r.yml': entered }))).toBe('github.privileged-checkout high .github/workflows/r.yml:15');
    const built = wf('          path: pr-head\n', '      - run: make -C pr-head test\n');
    expect(line(await scanLines({ '.github/workflows/r.yml': built }))).toBe('github.privileged-checkout high .github/workflows/r.yml:15');
    const read = wf('          path: pr-head\n', '      - run: git -C pr-head diff --stat > diff.txt\n');
    expect(line(await scanLines({ '.github/workflows/r.yml': read }))).toBe('github.privileged-checkout medium .github/workflows/r.yml:15');
  });

  it('is a level lower where the job runs only when a member applies a label', async () => {
    const line = (found: string[]) => found.find((l) => l.startsWith('github.privileged-checkout'));
    const labelled = (checkout: string) =>
      wf(checkout)
        .replace('  pull_request_target:\n', '  pull_request_target:\n    types: [labeled]\n')
        .replace('    runs-on: ubuntu-latest\n', "    if: github.event.label.name == 'ai-review'\n    runs-on: ubuntu-latest\n");
    expect(line(await scanLines({ '.github/workflows/r.yml': labelled('') }))).toBe('github.privileged-checkout medium .github/workflows/r.yml:17');
    expect(line(await scanLines({ '.github/workflows/r.yml': labelled('          path: pr-head\n') }))).toBe(
      'github.privileged-checkout low .github/workflows/r.yml:17',
    );
    // A label already on the pull request stays through its author's later pushes: no gate.
    const present = wf('').replace(
      '    runs-on: ubuntu-latest\n',
      "    if: contains(github.event.pull_request.labels.*.name, 'ai-review')\n    runs-on: ubuntu-latest\n",
    );
    expect(line(await scanLines({ '.github/workflows/r.yml': present }))).toBe('github.privileged-checkout high .github/workflows/r.yml:16');
  });
});
