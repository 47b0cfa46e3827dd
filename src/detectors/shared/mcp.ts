// MCP server findings shared by every tool that configures servers (.mcp.json, .cursor/mcp.json,
// .vscode/mcp.json, Codex and Gemini settings): count, transport, unpinned packages, literal
// secrets and write-capable servers.
import { isLiteralSecret } from './secrets.js';
import type { FindingDraft, ParsedFile } from '../types.js';
import { keys, obj, text } from './data.js';

interface Server {
  command?: unknown;
  args?: unknown;
  url?: unknown;
  httpUrl?: unknown;
  type?: unknown;
  env?: unknown;
  headers?: unknown;
  trust?: unknown;
  enabled_tools?: unknown;
  includeTools?: unknown;
}

// Servers that can change things outside the repository when their write tools are enabled.
const writeCapable =
  /(github|gitlab|bitbucket|filesystem|postgres|mysql|sqlite|mongo|redis|slack|jira|linear|notion|confluence|shell|terminal|kubernetes|k8s|aws|gcp|azure|puppeteer|playwright|browser|stripe|sentry)/i;

/**
 * Why a server can only read, when its configuration says so: GitHub's read-only endpoint
 * (`https://api.githubcopilot.com/mcp/readonly`), the `X-MCP-Readonly` header, a `--read-only`
 * flag, or github-mcp-server's `GITHUB_READ_ONLY` variable. Undefined when nothing says so.
 */
function readOnlyBecause(s: Server, args: string[]): string | undefined {
  const url = text(s.url ?? s.httpUrl);
  if (/\/readonly(?:[/?#]|$)/i.test(url)) return `its endpoint is read-only (${url})`;
  const header = Object.entries(obj(s.headers)).find(([k]) => /^x-mcp-readonly$/i.test(k));
  if (header && /^(true|1|yes)$/i.test(text(header[1]))) return 'it sends X-MCP-Readonly';
  if (args.some((a) => /^--read-?only(=(true|1))?$/i.test(a))) return `it runs with ${args.find((a) => /^--read-?only/i.test(a))}`;
  const env = Object.entries(obj(s.env)).find(([k]) => /^GITHUB_READ_ONLY$/i.test(k));
  if (env && /^(true|1|yes)$/i.test(text(env[1]))) return 'GITHUB_READ_ONLY is set';
  return undefined;
}

export function mcpFindings(prefix: string, file: ParsedFile, serversValue: unknown): FindingDraft[] {
  const servers = obj(serversValue);
  const names = keys(servers);
  const out: FindingDraft[] = [];
  if (names.length)
    out.push({
      id: `${prefix}.mcp-servers`,
      failureMode: 'FM2',
      severity: 'info',
      kind: 'fact',
      path: file.path,
      line: file.lineOf(names[0]!),
      message: `${names.length} MCP server${names.length > 1 ? 's' : ''} configured: ${names.join(', ')}`,
    });
  for (const name of names) {
    const s = obj(servers[name]) as Server;
    const line = file.lineOf(`"${name}"`) ?? file.lineOf(name);
    const args = Array.isArray(s.args) ? s.args.map(text) : [];
    const remote = typeof s.url === 'string' || typeof s.httpUrl === 'string' || s.type === 'http' || s.type === 'sse';
    out.push({
      id: `${prefix}.mcp-transport`,
      failureMode: 'FM2',
      severity: 'info',
      kind: 'fact',
      path: file.path,
      line,
      message: `MCP server "${name}" uses ${remote ? 'a remote (HTTP) transport' : 'a local process (stdio)'}`,
    });
    const fetched = fetchedPackage(text(s.command), args);
    // Cited where the package is named, inside the server's arguments.
    const pkgLine = fetched ? (lineAfter(file, `"${fetched.pkg}"`, line) ?? line) : line;
    if (fetched?.pinned)
      out.push({
        id: `${prefix}.mcp-pinned`,
        failureMode: 'FM2',
        severity: 'info',
        kind: 'protective',
        path: file.path,
        line: pkgLine,
        message: `MCP server "${name}" runs a pinned package version (${fetched.pkg})`,
      });
    else if (fetched)
      out.push({
        id: `${prefix}.mcp-unpinned`,
        failureMode: 'FM2',
        severity: 'medium',
        kind: 'risk',
        path: file.path,
        line: pkgLine,
        message: `MCP server "${name}" runs "${[text(s.command), ...args].join(' ')}" without a pinned version: whatever is published next runs with the agent's access`,
        recommendation: `Pin the version (for example ${fetched.pkg.replace(/[@:=]+[^/@:=]*$/, '')}@1.2.3, or an image digest) and review upgrades like any dependency.`,
      });
    for (const [key, bag] of [
      ['env', s.env],
      ['headers', s.headers],
    ] as const)
      for (const [k, v] of Object.entries(obj(bag)))
        if (isLiteralSecret(k, v) || (key === 'headers' && /authorization/i.test(k) && isLiteralSecret('token', v)))
          out.push({
            id: `${prefix}.mcp-literal-secret`,
            failureMode: 'FM4',
            severity: 'high',
            kind: 'risk',
            path: file.path,
            line: file.lineOf(k) ?? line,
            message: `MCP server "${name}" has a literal secret in ${key}.${k} (value masked): anyone who can read the repository has it`,
            recommendation: 'Move the secret to an environment variable or secret store, reference it by name, and rotate the exposed one.',
          });
    const readOnly = readOnlyBecause(s, args);
    if (readOnly)
      out.push({
        id: `${prefix}.mcp-read-only`,
        failureMode: 'FM2',
        severity: 'info',
        kind: 'protective',
        path: file.path,
        line,
        message: `MCP server "${name}" can only read: ${readOnly}`,
      });
    else if (writeCapable.test(`${name} ${args.join(' ')} ${text(s.url ?? s.httpUrl)}`) && !s.enabled_tools && !s.includeTools)
      out.push({
        id: `${prefix}.mcp-write-capable`,
        failureMode: 'FM2',
        // A capability, not yet a path: the person at the editor approves each tool call unless a
        // setting pre-approves it (reported on its own, at that setting).
        severity: 'low',
        kind: 'risk',
        path: file.path,
        line,
        message: `MCP server "${name}" can act on outside systems and no tool allowlist limits it`,
        recommendation: 'Enable only the tools the workflow needs and require approval for write tools.',
      });
    if (s.trust === true)
      out.push({
        id: `${prefix}.mcp-trusted`,
        failureMode: 'FM2',
        severity: 'high',
        kind: 'risk',
        path: file.path,
        line: file.lineOf('"trust"') ?? line,
        message: `MCP server "${name}" is trusted: its tool calls skip confirmation`,
      });
  }
  return out;
}

/** Options of `docker run` that take a value: the image is the first word that is neither. */
const dockerValueFlags = new Set([
  '-e',
  '--env',
  '-v',
  '--volume',
  '--name',
  '--network',
  '-p',
  '--publish',
  '--entrypoint',
  '-w',
  '--workdir',
  '-u',
  '--user',
  '--env-file',
  '--mount',
  '--platform',
  '--pull',
  '-l',
  '--label',
]);

/**
 * The package or image a server's command fetches and runs each time it starts, and whether a
 * version pins it: npx/bunx/pnpx `pkg@1.2.3`, uvx `pkg==1.2.3` or `pkg@1.2.3`, dnx `Pkg@1.2.3`
 * (`--prerelease` takes whatever is newest), `docker run image:tag` or `image@sha256:...`
 * (`latest`, or no tag, moves); `pnpm dlx`, `yarn dlx`, `npm exec`, `bun x` and `pipx run` too.
 * Undefined for a command that runs what is already installed.
 */
export function fetchedPackage(command: string, givenArgs: string[]): { pkg: string; pinned: boolean } | undefined {
  let program = command.split('/').pop() ?? '';
  let args = givenArgs;
  // The package managers' own fetch-and-run subcommands: `pnpm dlx`, `yarn dlx`, `npm exec`,
  // `bun x` are npx; `pipx run` is uvx.
  const runner = `${program} ${args[0] ?? ''}`;
  if (['pnpm dlx', 'yarn dlx', 'npm exec', 'bun x', 'pipx run'].includes(runner)) {
    program = runner === 'pipx run' ? 'uvx' : 'npx';
    args = args.slice(1);
  }
  if (['npx', 'bunx', 'pnpx', 'uvx', 'dnx'].includes(program)) {
    const from = program === 'uvx' ? args.indexOf('--from') : -1;
    const pkg = from >= 0 ? args[from + 1] : args.find((a) => !a.startsWith('-'));
    if (!pkg) return undefined;
    const version = /(@|==)[\^~]?v?\d/.test(pkg.replace(/^@[^/]+\//, '')) || (program === 'dnx' && args.includes('--version'));
    return { pkg, pinned: version && !args.includes('--prerelease') };
  }
  if (program === 'docker' && args[0] === 'run') {
    let image: string | undefined;
    for (let k = 1; k < args.length && image === undefined; k++) {
      const a = args[k]!;
      if (dockerValueFlags.has(a)) k++;
      else if (!a.startsWith('-')) image = a;
    }
    if (!image) return undefined;
    const tag = /@sha256:[0-9a-f]{16,}$/.test(image) ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? 'latest');
    return { pkg: image, pinned: tag !== 'latest' };
  }
  return undefined;
}

/** The first line at or after `from` that holds `needle`: the same package may serve two servers. */
function lineAfter(file: ParsedFile, needle: string, from: number | undefined): number | undefined {
  const lines = file.text.split('\n');
  for (let k = Math.max(0, (from ?? 1) - 1); k < lines.length; k++) if (lines[k]!.includes(needle)) return k + 1;
  return undefined;
}
