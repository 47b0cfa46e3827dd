// A Claude Code allow list: exact commands are a decision in configuration; a general runner, a
// shell or fetching any address is a grant far wider than one workflow needs.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const settings = (allow: string[]) => `{\n  "permissions": {\n    "allow": [\n${allow.map((a) => `      "${a}"`).join(',\n')}\n    ]\n  }\n}\n`;
const allowFindingsFor = async (allow: string[]) =>
  (await scanLines({ '.claude/settings.json': settings(allow) })).filter((l) => /fetch-user-content|open-egress/.test(l));
const allowFindings = async (allow: string[]) =>
  (await scanLines({ '.claude/settings.json': settings(allow) })).filter((l) => /(narrow|broad)-allow|open-egress/.test(l));

describe('a Claude Code allow list', () => {
  it('credits exact commands, at the first of them', async () => {
    expect(await allowFindings(['Read', 'Bash(pnpm build:*)', 'Bash(cargo test:*)'])).toEqual(['claude-code.narrow-allow info .claude/settings.json:5']);
  });

  it('reports broad grants with an open fetch as one finding, and still credits the exact commands beside them', async () => {
    expect(await allowFindings(['Bash(gh pr view:*)', 'Bash(npx:*)', 'WebFetch'])).toEqual([
      'claude-code.narrow-allow info .claude/settings.json:4',
      'claude-code.broad-allow medium .claude/settings.json:5',
    ]);
    expect(await allowFindings(['WebFetch'])).toEqual(['claude-code.open-egress low .claude/settings.json:4']);
  });
});

describe("a CI agent's --allowedTools written one entry a line", () => {
  it('cites the broad grant at its own entry', async () => {
    const found = await scanLines({
      '.github/workflows/claude.yml':
        'on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_args: |\n            --allowedTools "Bash(gh pr view:*),\n            Bash(python:*)"\n',
    });
    expect(found.filter((l) => l.includes('broad-tools'))).toEqual(['github.agent-broad-tools medium .github/workflows/claude.yml:12']);
  });
});

describe('a CI Claude Code step with no tool list', () => {
  const step = (withs: string) =>
    `on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n${withs}`;
  it('says the action’s defaults decide, by mode', async () => {
    const agent = await scanLines({ '.github/workflows/c.yml': step('          prompt: Review the diff\n          claude_args: --model opus\n') });
    expect(agent.filter((l) => l.includes('default-tools'))).toEqual(['github.agent-default-tools info .github/workflows/c.yml:11']);
    const tag = await scanLines({ '.github/workflows/c.yml': step('          trigger_phrase: "@claude"\n') });
    expect(tag.filter((l) => l.includes('default-tools'))).toEqual(['github.agent-default-tools info .github/workflows/c.yml:8']);
  });
  it('is not said once tools are listed or checks are off', async () => {
    for (const args of ['--allowedTools "Bash(gh pr view:*)"', '--dangerously-skip-permissions'])
      expect((await scanLines({ '.github/workflows/c.yml': step(`          claude_args: ${args}\n`) })).some((l) => l.includes('default-tools'))).toBe(false);
  });
});

describe('a fetch limited to one domain', () => {
  it('is no limit on what comes in where anyone can publish', async () => {
    expect(await allowFindingsFor(['WebFetch(domain:github.com)'])).toEqual(['claude-code.fetch-user-content low .claude/settings.json:4']);
    expect(await allowFindingsFor(['WebFetch(domain:docs.example.com)'])).toEqual([]);
  });
});

describe("Claude Code's command sandbox", () => {
  it('left at its default (off) is context, still evidence; turned on without failing closed is a risk', async () => {
    const off = await scanLines({ '.claude/settings.json': '{ "permissions": { "deny": ["Read(.env)"] } }' });
    expect(off).toContain('claude-code.sandbox-off info .claude/settings.json:-');
    const soft = await scanLines({ '.claude/settings.json': '{ "sandbox": { "enabled": true } }' });
    expect(soft).toContain('claude-code.sandbox-fallback medium .claude/settings.json:1');
  });
});
