// The `settings` input of google-github-actions/run-gemini-cli. The action always runs
// `gemini --yolo`, so every tool call is approved unless tools.core (or coreTools) lists the
// tools the agent may use (action.yml and docs/best-practices.md at 3ca2577f2714).
import { parseJsonc } from '../../parse-boundary/jsonc.js';
import { escapeRegExp } from '../../regexp.js';
import { broadShellPrefix } from '../shared/claude-tools.js';
import { fetchedPackage } from '../shared/mcp.js';
import type { FindingDraft } from '../types.js';
import { obj, strings, text } from '../shared/data.js';

/** Programs that read or print text and nothing else: no network, no program of their choosing. */
const textOnly = new Set(['cat', 'echo', 'grep', 'egrep', 'head', 'tail', 'ls', 'wc', 'sort', 'uniq', 'cut', 'tr', 'diff', 'printf', 'jq', 'pwd']);

/**
 * Whether a run-gemini-cli `settings` input limits the shell to text programs (tools.core names
 * run_shell_command only with such a command): its commands cannot act with a token they hold.
 */
export function shellTextOnly(settings: string): boolean {
  let s: Record<string, unknown>;
  try {
    s = obj(JSON.parse(settings.replace(/\$\{\{[\s\S]*?\}\}/g, 'null')));
  } catch {
    return false;
  }
  const core = strings(obj(s.tools).core ?? s.coreTools);
  const shell = core.filter((t) => /^(run_shell_command|ShellTool)\b/.test(t.trim()));
  return core.length > 0 && shell.every((t) => textOnly.has(/^\w+\(\s*([\w-]+)/.exec(t.trim())?.[1] ?? ''));
}

/** `lineOf` finds a term's line inside the settings input (it may be a multi-line block). */
export function findingsOfSettings(
  path: string,
  settings: string,
  line: number | undefined,
  lineOf: (term: RegExp, after?: number) => number | undefined = () => line,
  /** Whether the token the step's tools use can write the repository's contents. */
  canWriteCode = true,
): FindingDraft[] {
  // Expressions (${{ vars.X }}) are filled in at run time: read each as an unknown value.
  const json = settings.replace(/\$\{\{[\s\S]*?\}\}/g, 'null');
  const parsed = json.trim() ? parseJsonc(json) : { ok: true as const, data: {} };
  const notAssessed = (at: number | undefined, message: string): FindingDraft[] => [
    { id: 'github.agent-settings-unreadable', failureMode: 'FM1', severity: 'info', kind: 'fact', path, line: at, message },
  ];
  if (!parsed.ok) return notAssessed(line, 'the Gemini CLI settings input is not JSON the scanner can read: not assessed');
  const s = obj(parsed.data);
  // A tool list chosen by an expression is decided at run time: said, not guessed.
  if (/"(core|coreTools)"\s*:\s*\$\{\{/.test(settings))
    return notAssessed(
      lineOf(/"(core|coreTools)"/) ?? line,
      "Gemini CLI's tool list (tools.core) is chosen by an expression at run time: its tools are not assessed",
    );
  const core = strings(obj(s.tools).core ?? s.coreTools);
  // Each server's list is cited where it is written: the first includeTools after the server's name.
  const serverLine = (name: string) => lineOf(new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`));
  const out = mcpToolFindings(
    path,
    obj(s.mcpServers),
    canWriteCode,
    (name) => {
      const at = serverLine(name);
      return (at === undefined ? undefined : lineOf(/"includeTools"/, at)) ?? line;
    },
    (name) => serverLine(name) ?? line,
  );
  // A server fetched at start-up without a version runs whatever was published last, with the job's token.
  for (const [name, server] of Object.entries(obj(s.mcpServers))) {
    const fetched = fetchedPackage(text(obj(server).command), strings(obj(server).args));
    if (!fetched || fetched.pinned) continue;
    const at = serverLine(name);
    out.push({
      id: 'github.agent-mcp-unpinned',
      failureMode: 'FM2',
      severity: 'medium',
      kind: 'risk',
      path,
      line: (at === undefined ? undefined : lineOf(new RegExp(escapeRegExp(`"${fetched.pkg}"`)), at)) ?? at ?? line,
      message: `MCP server "${name}" is fetched as ${fetched.pkg} with no pinned version: whatever is published next runs with the agent's access`,
      recommendation: 'Pin the package version or the image digest, and update it through reviewed pull requests.',
    });
  }
  // The tool list is cited where it is written inside the settings block.
  const coreLine = core.length ? (lineOf(/"(core|coreTools)"/) ?? line) : line;
  // An allowlist is credited for what it allows: a shell tool without a command runs anything.
  const broad = core.filter((t) => /^(run_shell_command|ShellTool)$/.test(t.trim()) || broadShellPrefix(t));
  if (broad.length)
    return [
      ...out,
      {
        id: 'github.agent-broad-tools',
        failureMode: 'FM4',
        severity: 'medium',
        kind: 'risk',
        path,
        // Cited at the first broad entry, where the list is written one entry a line.
        line: lineOf(new RegExp(escapeRegExp(`"${broad[0]!.trim()}"`)), coreLine) ?? coreLine,
        message: `tools.core grants ${broad.join(', ')}: a shell tool with no command, or a program that runs or reveals anything it is given (find -exec, an interpreter, printenv), so the agent can run any shell command or print every secret, unattended (--yolo)`,
        recommendation: 'Name the commands: "run_shell_command(gh issue view)", "run_shell_command(echo)".',
      },
    ];
  if (core.length)
    return [
      ...out,
      {
        id: 'github.agent-narrow-tools',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'protective',
        path,
        line: coreLine,
        message: `Gemini CLI may use only the tools in tools.core (${core.slice(0, 4).join(', ')}${core.length > 4 ? ', …' : ''})`,
      },
    ];
  // A `tools` block without `core` is where a reader would expect the allowlist: cited there.
  const toolsLine = s.tools === undefined ? line : (lineOf(/"tools"\s*:/) ?? line);
  return [
    ...out,
    {
      id: 'github.agent-all-tools',
      failureMode: 'FM4',
      severity: 'medium',
      kind: 'risk',
      path,
      line: toolsLine,
      message: 'Gemini CLI runs with --yolo and no tools.core: every tool call, shell commands included, is approved without a check',
      recommendation: 'List the tools the workflow needs in the settings input: {"tools": {"core": ["run_shell_command(echo)", ...]}}.',
    },
  ];
}

/** Tools of the GitHub MCP server (and its kin) that change the repository or its pull requests. */
const writeTool = /push|merge|create_branch|delete|update_file|create_or_update|fork|approve|update_pull_request_branch/i;

/**
 * An MCP server's `includeTools` is an allowlist: credited when it grants only reading and
 * commenting, a risk when it grants tools that change the repository (what `excludeTools` takes
 * away leaves everything else granted, so it is no allowlist).
 */
/** `lineOf` gives the line of a server's includeTools inside the settings block, `serverLine` its name's. */
function mcpToolFindings(
  path: string,
  servers: Record<string, unknown>,
  canWriteCode: boolean,
  lineOf: (name: string) => number | undefined,
  serverLine: (name: string) => number | undefined,
): FindingDraft[] {
  return Object.entries(servers).flatMap(([name, server]): FindingDraft[] => {
    const include = strings(obj(server).includeTools);
    if (!include.length)
      return [
        {
          id: 'github.agent-mcp-all-tools',
          failureMode: 'FM2',
          // Every tool a server has, write tools included: as grave as what the token lets them do.
          severity: canWriteCode ? 'medium' : 'low',
          kind: 'risk',
          path,
          line: serverLine(name),
          message: `MCP server "${name}" gives the agent every tool it has (no includeTools)${canWriteCode ? ', and the token it runs with can change the repository' : ''}`,
          recommendation: 'List the tools the workflow needs in includeTools, leaving out push, merge and delete tools.',
        },
      ];
    const writes = include.filter((t) => writeTool.test(t));
    const line = lineOf(name);
    return writes.length
      ? [
          {
            id: 'github.agent-mcp-write-tools',
            failureMode: 'FM2',
            // A push tool with a token that cannot write fails: granted, but nothing it can do yet.
            severity: canWriteCode ? 'medium' : 'low',
            kind: 'risk',
            path,
            line,
            message: `MCP server "${name}" gives the agent tools that change the repository (${writes.slice(0, 4).join(', ')}${writes.length > 4 ? ', …' : ''})${canWriteCode ? '' : ", though the job's token cannot write its contents"}`,
            recommendation: 'Leave push, merge and delete tools out of includeTools; let a step that runs no agent act on its output.',
          },
        ]
      : [
          {
            id: 'github.agent-mcp-tool-allowlist',
            failureMode: 'FM2',
            severity: 'info',
            kind: 'protective',
            path,
            line,
            message: `MCP server "${name}" gives the agent only the tools it lists (${include.slice(0, 4).join(', ')}${include.length > 4 ? ', …' : ''}), none that push, merge or delete`,
          },
        ];
  });
}

/**
 * run-gemini-cli's `extensions` input: each entry is installed with `gemini extensions install`,
 * auto-confirmed, before the agent starts. An extension brings its own commands, context and MCP
 * servers; one taken from a repository with no `--ref` is whatever was pushed there last.
 */
export function extensionFindings(path: string, raw: string, lineOf: (term: RegExp) => number | undefined): FindingDraft[] {
  if (!raw.trim()) return [];
  const parsed = parseJsonc(raw);
  const entries =
    parsed.ok && Array.isArray(parsed.data)
      ? strings(parsed.data)
      : raw
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
  return entries
    .filter((e) => /^(https?:\/\/|git@)/.test(e) && !/--ref[=\s]/.test(e))
    .map((e) => ({
      id: 'github.agent-extension-unpinned',
      failureMode: 'FM2' as const,
      severity: 'medium' as const,
      kind: 'risk' as const,
      path,
      line: lineOf(new RegExp(escapeRegExp(e))),
      message: `the Gemini CLI extension ${e} is installed with no --ref: whatever is pushed there next brings its commands and MCP servers into the agent`,
      recommendation: 'Add --ref=<commit SHA> to the entry and update it through reviewed pull requests.',
    }));
}
