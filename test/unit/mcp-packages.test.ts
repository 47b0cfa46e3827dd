import { describe, expect, it } from 'vitest';
import { fetchedPackage } from '../../src/detectors/shared/mcp.js';

// What an MCP server's command fetches each time it starts, and whether a version pins it.
describe('packages an MCP server fetches', () => {
  it.each([
    ['npx', ['-y', '@playwright/mcp@latest'], false],
    ['npx', ['-y', '@playwright/mcp@0.0.41'], true],
    ['uvx', ['mcp-server-git'], false],
    ['uvx', ['--from', 'mcp-server-git==1.2.0', 'mcp-server-git'], true],
    ['dnx', ['NuGet.Mcp.Server', '--prerelease', '--yes'], false],
    ['dnx', ['NuGet.Mcp.Server@1.0.0', '--yes'], true],
    ['docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/github/github-mcp-server'], false],
    ['docker', ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server:v0.27.0'], true],
    ['docker', ['run', 'ghcr.io/github/github-mcp-server@sha256:0123456789abcdef0123'], true],
    ['pnpm', ['dlx', '@playwright/mcp@latest'], false],
    ['yarn', ['dlx', '@playwright/mcp@0.0.41'], true],
    ['npm', ['exec', '--yes', '@playwright/mcp'], false],
    ['bun', ['x', 'some-mcp@1.2.3'], true],
    ['pipx', ['run', 'mcp-server-git'], false],
  ] as const)('%s %j: pinned %s', (command, args, pinned) => expect(fetchedPackage(command, [...args])?.pinned).toBe(pinned));

  it('a command that runs what is installed fetches nothing', () => {
    expect(fetchedPackage('node', ['server.js'])).toBeUndefined();
    expect(fetchedPackage('docker', ['exec', 'x'])).toBeUndefined();
  });
});
