import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { repoWith } from '../helpers/repo.js';

const scanSource = async (front: string): Promise<string[]> => {
  const dir = repoWith({ '.github/workflows/triage.md': `---\n${front}---\n\nTriage the issue.\n` });
  return (
    (await scanRepository(dir)).findings
      // Which engine runs is said for every source: tested on its own below.
      .filter((f) => f.path.endsWith('.md') && f.path.includes('workflows') && f.id !== 'github.aw-agent')
      .map((f) => `${f.id} ${f.severity} :${f.line}`)
  );
};

describe("a GitHub Agentic Workflow's source", () => {
  it('credits a read-only agent job, safe outputs, a firewall allowlist and narrowed toolsets, each at its key', async () => {
    const found = await scanSource(
      'on:\n  issues:\n    types: [opened]\npermissions:\n  contents: read\n  issues: read\ntools:\n  github:\n    toolsets: [issues, labels]\n    min-integrity: none\nnetwork:\n  allowed:\n    - defaults\nsafe-outputs:\n  add-comment:\n    max: 1\n',
    );
    expect(found).toEqual([
      'github.agent-read-only-token info :5',
      'github.aw-github-toolsets info :10',
      'github.aw-any-author-content low :11',
      'github.aw-egress-allowlist info :13',
      'github.aw-safe-outputs info :15',
    ]);
  });

  it('reports an agent job that writes itself, code writes graver than comments; copilot-requests is the engine credential', async () => {
    expect(await scanSource('on: workflow_dispatch\npermissions:\n  contents: write\n')).toEqual(['github.agent-broad-token medium :3']);
    expect(await scanSource('on: workflow_dispatch\npermissions:\n  issues: write\n  copilot-requests: write\n')).toEqual(['github.agent-write-token low :3']);
    expect(await scanSource('on: workflow_dispatch\npermissions:\n  copilot-requests: write\n')).toEqual(['github.agent-read-only-token info :3']);
  });

  it('ignores Markdown in the workflows folder that has no triggers, and a toolset list of all or default', async () => {
    expect(await scanSource('title: notes\n')).toEqual([]);
    expect(await scanSource('on: workflow_dispatch\ntools:\n  github:\n    toolsets: [default]\n')).toEqual([]);
  });
});

describe("a GitHub Agentic Workflow's tools and roles", () => {
  it('any shell command and roles: all are risks; a command list is credited', async () => {
    expect(await scanSource('on: issues\nroles: all\ntools:\n  bash: true\n')).toEqual(['github.aw-open-to-anyone medium :3', 'github.aw-any-command low :5']);
    expect(await scanSource('on: issues\ntools:\n  bash: ["gh issue view", "npm test"]\n')).toEqual(['github.aw-bash-allowlist info :4']);
    expect(await scanSource('on: issues\ntools:\n  bash: [":*"]\n')).toEqual(['github.aw-any-command low :4']);
  });

  it('flags a review output that may approve, memory kept between runs and CI logs in context; credits COMMENT-only reviews', async () => {
    expect(await scanSource('on: workflow_dispatch\nsafe-outputs:\n  submit-pull-request-review:\n')).toEqual([
      'github.aw-safe-outputs info :3',
      'github.aw-agent-can-approve medium :4',
    ]);
    expect(await scanSource('on: workflow_dispatch\nsafe-outputs:\n  submit-pull-request-review:\n    allowed-events: [COMMENT]\n')).toEqual([
      'github.aw-safe-outputs info :3',
    ]);
    expect(await scanSource('on: workflow_dispatch\ntools:\n  cache-memory: true\n  github:\n    toolsets: [default, actions]\n')).toEqual([
      'github.aw-persistent-memory low :4',
      'github.aw-ci-logs low :6',
    ]);
    expect(await scanSource('on: workflow_dispatch\ntools:\n  cache-memory: false\n')).toEqual([]);
  });

  it('says which engine runs, at its key, or at the triggers for the default', async () => {
    const engine = async (front: string) => {
      const dir = repoWith({ '.github/workflows/triage.md': `---\n${front}---\n\nTriage.\n` });
      return (await scanRepository(dir)).findings.filter((f) => f.id === 'github.aw-agent').map((f) => `${f.line} ${f.message}`);
    };
    expect(await engine('on: workflow_dispatch\nengine:\n  id: claude\n')).toEqual([
      '3 an agentic workflow runs claude (gh-aw compiles this source into its .lock.yml)',
    ]);
    expect(await engine('on: workflow_dispatch\n')).toEqual(['2 an agentic workflow runs copilot (gh-aw compiles this source into its .lock.yml)']);
  });

  it('flags pull requests allowed to change protected files, and only when protected-files says allowed', async () => {
    const pr = (policy: string) => `on: workflow_dispatch\nsafe-outputs:\n  create-pull-request:\n    allowed-files:\n      - AGENTS.md\n${policy}`;
    expect(await scanSource(pr('    protected-files: allowed\n'))).toEqual(['github.aw-safe-outputs info :3', 'github.aw-edits-protected-files medium :7']);
    expect(await scanSource(pr('    protected-files: fallback-to-issue\n'))).toEqual(['github.aw-safe-outputs info :3']);
  });

  it('credits agent pull requests opened as drafts', async () => {
    expect(await scanSource('on: workflow_dispatch\nsafe-outputs:\n  create-pull-request:\n    draft: true\n')).toEqual([
      'github.aw-safe-outputs info :3',
      'github.agent-pr-draft info :5',
    ]);
  });

  it('says nothing of roles: all where only the team can fire its triggers (a pull_request run skips forks unless forks: lets them in)', async () => {
    expect(await scanSource('on:\n  roles: all\n  pull_request:\n    types: [opened]\n  workflow_dispatch:\n')).toEqual([]);
    expect(await scanSource("on:\n  roles: all\n  pull_request:\n    forks: ['*']\n")).toEqual(['github.aw-open-to-anyone medium :3']);
  });

  it('reads roles: all under on: as well as at the top', async () => {
    expect(await scanSource('on:\n  issues:\n    types: [opened]\n  roles: all\n')).toEqual(['github.aw-open-to-anyone medium :5']);
  });
});
