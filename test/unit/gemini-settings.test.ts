// run-gemini-cli's settings input: an allowlist is credited for what it allows.
import { describe, expect, it } from 'vitest';
import { extensionFindings, findingsOfSettings } from '../../src/detectors/github/gemini-settings.js';

const ids = (settings: object) => findingsOfSettings('w.yml', JSON.stringify(settings), 5).map((f) => `${f.id} ${f.severity}`);

describe('Gemini CLI settings in a workflow', () => {
  it('a shell tool with no command runs anything; one with a command is narrow', () => {
    expect(ids({ tools: { core: ['run_shell_command'] } })).toEqual(['github.agent-broad-tools medium']);
    expect(ids({ tools: { core: ['run_shell_command(echo)', 'read_file'] } })).toEqual(['github.agent-narrow-tools info']);
    expect(ids({})).toEqual(['github.agent-all-tools medium']);
  });
  it('a command prefix naming a program that runs or reveals anything is as broad as no command', () => {
    for (const program of ['find', 'printenv', 'python3', 'xargs'])
      expect(ids({ tools: { core: ['run_shell_command(cat)', `run_shell_command(${program})`] } }), program).toEqual(['github.agent-broad-tools medium']);
    expect(ids({ tools: { core: ['run_shell_command(cat)', 'run_shell_command(find-up)'] } })).toEqual(['github.agent-narrow-tools info']);
  });
  it("an MCP server's includeTools is an allowlist: a risk when it grants push, merge or delete tools", () => {
    const server = (includeTools: string[]) => ({ tools: { core: ['read_file'] }, mcpServers: { github: { command: 'docker', includeTools } } });
    expect(ids(server(['issue_read', 'add_issue_comment']))).toEqual(['github.agent-mcp-tool-allowlist info', 'github.agent-narrow-tools info']);
    expect(ids(server(['create_branch', 'push_files']))).toEqual(['github.agent-mcp-write-tools medium', 'github.agent-narrow-tools info']);
    // excludeTools takes some away and leaves everything else: no allowlist, no credit.
    expect(ids({ tools: { core: ['read_file'] }, mcpServers: { github: { excludeTools: ['push_files'] } } })).toEqual([
      'github.agent-mcp-all-tools medium',
      'github.agent-narrow-tools info',
    ]);
  });
  it('a tool list chosen by an expression is said to be decided at run time, not reported as missing', () => {
    const found = findingsOfSettings('w.yml', '{"tools": {"core": ${{ fromJSON(vars.TOOLS) }}}}', 5).map((f) => f.id);
    expect(found).toEqual(['github.agent-settings-unreadable']);
  });
  it('a server fetched with no version at start-up is unpinned; a tagged image is not', () => {
    const server = (image: string) => ({ tools: { core: ['read_file'] }, mcpServers: { github: { command: 'docker', args: ['run', '-i', '--rm', image] } } });
    expect(ids(server('ghcr.io/github/github-mcp-server'))).toEqual([
      'github.agent-mcp-all-tools medium',
      'github.agent-mcp-unpinned medium',
      'github.agent-narrow-tools info',
    ]);
    expect(ids(server('ghcr.io/github/github-mcp-server:v0.27.0'))).toEqual(['github.agent-mcp-all-tools medium', 'github.agent-narrow-tools info']);
  });
  it('an extension taken from a repository with no --ref is unpinned; one with a ref is not', () => {
    const found = (raw: string) => extensionFindings('w.yml', raw, () => 7).map((f) => `${f.id} ${f.severity}`);
    expect(found('["https://github.com/gemini-cli-extensions/code-review"]')).toEqual(['github.agent-extension-unpinned medium']);
    expect(found('["https://github.com/gemini-cli-extensions/code-review --ref=0123456789abcdef0123456789abcdef01234567"]')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});
