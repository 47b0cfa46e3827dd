// run-gemini-cli's settings input: an allowlist is credited for what it allows.
import { describe, expect, it } from 'vitest';
import { extensionFindings, findingsOfSettings, shellTextOnly } from '../../src/detectors/github/gemini-settings.js';

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

describe('a shell limited to text programs', () => {
  it('is read from tools.core: cat, echo, grep and the like only, with any tool that is not the shell', () => {
    const settings = (core: string[]) => JSON.stringify({ tools: { core } });
    expect(shellTextOnly(settings(['run_shell_command(cat)', 'run_shell_command(grep)', 'read_file']))).toBe(true);
    expect(shellTextOnly(settings(['run_shell_command(cat)', 'run_shell_command(gh pr view)']))).toBe(false);
    expect(shellTextOnly(settings(['run_shell_command']))).toBe(false);
    expect(shellTextOnly(settings([]))).toBe(false);
    expect(shellTextOnly('{ not json')).toBe(false);
  });
});

describe('a token beside a text-only shell', () => {
  const workflow = (token: string) => `on:
  issue_comment:
permissions:
  issues: write
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/run-gemini-cli@v0.1.22
        env:
          GITHUB_TOKEN: ${token}
        with:
          settings: |-
            { "tools": { "core": ["run_shell_command(cat)", "run_shell_command(echo)"] } }
`;
  it("is low for the job's own token, which no text program can act with, and stays graded for a stored one", async () => {
    const { scanRepository } = await import('../../src/scan/scan.js');
    const { repoWith } = await import('../helpers/repo.js');
    const grade = async (token: string) =>
      (await scanRepository(repoWith({ '.github/workflows/g.yml': workflow(token) }))).findings.find((f) => f.id === 'github.agent-token-in-env')?.severity;
    expect(await grade("'${{ secrets.GITHUB_TOKEN || github.token }}'")).toBe('low');
    expect(await grade("'${{ secrets.BOT_PAT }}'")).not.toBe('low');
  });
});
