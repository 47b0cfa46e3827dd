// An agent given a tool that approves or merges pull requests can stand in for the person the
// branch rules ask for, wherever the grant is written.
import { describe, expect, it } from 'vitest';
import { approvesOrMerges } from '../../src/detectors/shared/claude-tools.js';
import { scanLines } from '../helpers/repo.js';

const approving = (lines: string[]) => lines.filter((l) => l.includes('agent-can-approve'));

describe('tools that approve or merge', () => {
  it('are named by the GitHub CLI and the GitHub MCP server, in any tool’s spelling', () => {
    expect(approvesOrMerges('Bash(gh pr merge:*)')).toBe('merge');
    expect(approvesOrMerges('mcp__github__merge_pull_request')).toBe('merge');
    expect(approvesOrMerges('github/merge_pull_request')).toBe('merge');
    expect(approvesOrMerges('Bash(gh pr review:*)')).toBe('approve');
    expect(approvesOrMerges('mcp__github__submit_pending_pull_request_review')).toBe('approve');
    expect(approvesOrMerges('Bash(gh pr view:*)')).toBeUndefined();
    expect(approvesOrMerges('mcp__github__get_pull_request_reviews')).toBeUndefined();
  });

  it('are reported in a Copilot custom agent, a Claude settings file, a skill and a CI allow list', async () => {
    const found = await scanLines({
      '.github/agents/maintainer.agent.md': "---\nname: maintainer\ntools:\n  - 'read'\n  - 'github/merge_pull_request'\n---\nKeep the repo tidy.\n",
      '.claude/settings.json': '{\n  "permissions": {\n    "allow": [\n      "Bash(gh pr view:*)",\n      "Bash(gh pr review:*)"\n    ]\n  }\n}\n',
      '.claude/skills/review/SKILL.md': '---\nname: review\nallowed-tools: Read, Bash(gh pr merge:*)\n---\nReview.\n',
      '.github/workflows/claude.yml':
        'on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_args: --allowedTools "mcp__github__merge_pull_request"\n',
    });
    expect(approving(found)).toEqual([
      'claude-code.agent-can-approve medium .claude/settings.json:5',
      'claude-code.agent-can-approve medium .claude/skills/review/SKILL.md:3',
      'copilot.agent-can-approve medium .github/agents/maintainer.agent.md:5',
      'github.agent-can-approve medium .github/workflows/claude.yml:10',
    ]);
  });

  it('are not reported for tools that only read or comment', async () => {
    const found = await scanLines({
      '.github/agents/reader.agent.md': "---\nname: reader\ntools: ['read', 'github/get_pull_request']\n---\nRead.\n",
      '.claude/settings.json': '{ "permissions": { "allow": ["Bash(gh pr comment:*)"] } }\n',
    });
    expect(approving(found)).toEqual([]);
  });
});
