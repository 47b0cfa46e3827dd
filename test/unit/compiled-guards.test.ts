// Guards written as values inside agent workflows: the GitHub MCP server started read-only, and a
// compiled agentic workflow's detection job standing before the job that applies the agent's output;
// and a compiled workflow's triggers cited in the source a person edits.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const lock = (readOnly: string, applyNeeds: string) => `on:
  issues:
    types: [opened]
permissions: {}
jobs:
  agent:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - name: Write MCP config
        run: |
          cat > mcp.json << 'EOF'
          { "github": { "env": { ${readOnly} "GITHUB_TOOLSETS": "issues" } } }
          EOF
      - run: copilot -p "triage the issue" --allow-tool github
  detection:
    needs: agent
    runs-on: ubuntu-latest
    steps:
      - run: echo check
  safe_outputs:
    needs: [${applyNeeds}]
    runs-on: ubuntu-latest
    steps:
      - run: echo apply
`;

describe('guards written inside agent workflows', () => {
  it('credits a read-only GitHub MCP server and a detection job the writing job waits for', async () => {
    const found = await scanLines({ '.github/workflows/triage.lock.yml': lock('"GITHUB_READ_ONLY": "1",', 'agent, detection') });
    expect(found).toContain('github.agent-mcp-read-only info .github/workflows/triage.lock.yml:14');
    expect(found).toContain('github.aw-threat-detection info .github/workflows/triage.lock.yml:17');
  });

  it('credits neither where the server may write or nothing waits for the detection', async () => {
    const found = await scanLines({ '.github/workflows/triage.lock.yml': lock('', 'agent') });
    expect(found.filter((l) => /agent-mcp-read-only|aw-threat-detection/.test(l))).toEqual([]);
  });
});

describe("a compiled agentic workflow's triggers", () => {
  it('are cited in its source, the file a person edits, when the source is committed', async () => {
    const source = '---\non:\n  issues:\n    types: [opened]\npermissions:\n  contents: read\n---\nTriage the issue.\n';
    const compiled = lock('', 'agent');
    const withSource = await scanLines({ '.github/workflows/triage.md': source, '.github/workflows/triage.lock.yml': compiled });
    expect(withSource.some((l) => /^github\.agent-(untrusted-)?trigger .* \.github\/workflows\/triage\.md:3$/.test(l))).toBe(true);
    expect(withSource.some((l) => /^github\.agent-(untrusted-)?trigger .*triage\.lock\.yml/.test(l))).toBe(false);
    const alone = await scanLines({ '.github/workflows/triage.lock.yml': compiled });
    expect(alone.some((l) => /^github\.agent-(untrusted-)?trigger .*triage\.lock\.yml:2$/.test(l))).toBe(true);
  });
});

describe('unchecked tool calls inside a firewall', () => {
  const firewalled = (perms: string) => `on:
  issues:
    types: [opened]
jobs:
  agent:
    runs-on: ubuntu-latest
    permissions:
      ${perms}
    steps:
      - run: |
          sudo -E awf --allow-domains api.github.com \\
            -- /bin/bash -c 'copilot -p "triage" --allow-all-tools'
`;
  it('are low where the agent holds nothing it can write with, whoever starts it', async () => {
    expect(await scanLines({ '.github/workflows/t.lock.yml': firewalled('contents: read') })).toContain(
      'github.agent-bypass-flag low .github/workflows/t.lock.yml:12',
    );
    const holding = firewalled('contents: write\n    env:\n      GH_TOKEN: ${{ github.token }}');
    expect(await scanLines({ '.github/workflows/t.lock.yml': holding })).toContain('github.agent-bypass-flag medium .github/workflows/t.lock.yml:14');
  });
});

describe("a compiled workflow's two agent runs", () => {
  it('say who starts them once at the source line, by the gravest', async () => {
    const source = '---\non:\n  issues:\n    types: [opened]\n---\nTriage.\n';
    const lock = `on:\n  issues:\n    types: [opened]\njobs:\n  agent:\n    runs-on: ubuntu-latest\n    steps:\n      - run: copilot -p "triage" --allow-tool github\n  detection:\n    needs: agent\n    runs-on: ubuntu-latest\n    steps:\n      - run: copilot -p "check the output"\n`;
    const found = await scanLines({ '.github/workflows/t.md': source, '.github/workflows/t.lock.yml': lock });
    expect(found.filter((l) => l.startsWith('github.agent-untrusted-trigger'))).toHaveLength(1);
  });
});
