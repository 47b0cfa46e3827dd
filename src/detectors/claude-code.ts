// Claude Code: https://docs.anthropic.com/en/docs/claude-code/settings
import type { FindingDraft, ParsedFile } from './types.js';
import { isLiteralSecret } from './shared/secrets.js';
import { anyShell, approvalGrant, broadClaudeTool, openFetch } from './shared/claude-tools.js';
import { keys, obj, str, strings, text } from './shared/data.js';
import { frontMatterTools } from './shared/front-matter-tools.js';
import { hookFindings, type HookJudgement } from './shared/hooks.js';
import { instructionFindings } from './shared/instructions.js';
import { mcpFindings } from './shared/mcp.js';
import type { Detector } from './types.js';

/** The settings this detector reads, each of the right type or absent (see shared/data.ts). */
function readSettings(data: unknown) {
  const s = obj(data);
  const p = obj(s.permissions);
  const sb = s.sandbox === undefined ? undefined : obj(s.sandbox);
  return {
    permissions: {
      allow: strings(p.allow),
      deny: strings(p.deny),
      ask: strings(p.ask),
      defaultMode: str(p.defaultMode),
      disableBypassPermissionsMode: str(p.disableBypassPermissionsMode),
    },
    hooks: s.hooks,
    disableAllHooks: s.disableAllHooks,
    enableAllProjectMcpServers: s.enableAllProjectMcpServers,
    sandbox: sb && {
      enabled: sb.enabled,
      failIfUnavailable: sb.failIfUnavailable,
      allowUnsandboxedCommands: sb.allowUnsandboxedCommands,
      allowedDomains: strings(obj(sb.network).allowedDomains),
    },
    enabledPlugins: keys(s.enabledPlugins).filter((k) => obj(s.enabledPlugins)[k] !== false),
    marketplaces: obj(s.extraKnownMarketplaces),
    includeCoAuthoredBy: s.includeCoAuthoredBy,
    attributionCommit: obj(s.attribution).commit,
    env: obj(s.env),
  };
}

const isSettings = (f: ParsedFile) => /(^|\/)\.claude\/settings(\.local)?\.json$/.test(f.path);

function settingsFindings(f: ParsedFile, hooks: HookJudgement): FindingDraft[] {
  const s = readSettings(f.data);
  const p = s.permissions;
  const at = (needle: string) => f.lineOf(needle);
  const out: FindingDraft[] = [];
  const risk = (id: string, fm: FindingDraft['failureMode'], severity: FindingDraft['severity'], needle: string, message: string, recommendation?: string) =>
    out.push({ id: `claude-code.${id}`, failureMode: fm, severity, kind: 'risk', path: f.path, line: at(needle), message, recommendation });
  const good = (id: string, fm: FindingDraft['failureMode'], needle: string, message: string) =>
    out.push({ id: `claude-code.${id}`, failureMode: fm, severity: 'info', kind: 'protective', path: f.path, line: at(needle), message });

  if (p.defaultMode === 'bypassPermissions')
    risk(
      'bypass-permissions',
      'FM1',
      'high',
      'bypassPermissions',
      'permissions.defaultMode is bypassPermissions: every tool call runs without approval',
      'Use default or plan mode, and keep bypass for disposable sandboxes.',
    );
  if (p.defaultMode === 'acceptEdits')
    risk('accept-edits', 'FM1', 'medium', 'acceptEdits', 'permissions.defaultMode is acceptEdits: file edits and common file commands run without asking');
  // One decision, one finding: every broad grant of the list named, cited at the first (fetching
  // any address among them named with it, said apart only when it is the list's one wide grant).
  const broad = p.allow.filter(broadClaudeTool);
  const fetch = p.allow.filter(openFetch);
  if (broad.length)
    risk(
      'broad-allow',
      'FM4',
      broad.some(anyShell) ? 'high' : 'medium',
      broad[0]!,
      `permissions.allow has ${broad.map((r) => `"${r}"`).join(', ')}: ${broad.length > 1 ? 'broad grants that cover' : 'a broad grant that covers'} far more than one workflow needs${fetch.length ? `, and "${fetch.join('", "')}" lets what it reads go out` : ''}`,
      'Allow exact commands (for example "Bash(npm run test *)") instead.',
    );
  // Commands allowed one by one are a decision written in configuration, not a boundary: each
  // runs code in the repository the agent can edit. Credited beside any broad grant, not instead.
  const exact = p.allow.filter((r) => /^Bash\(.+\)$/.test(r) && !broadClaudeTool(r));
  if (exact.length)
    good(
      'narrow-allow',
      'FM1',
      exact[0]!,
      `permissions.allow pre-approves ${exact.length} command(s) one by one (${exact.slice(0, 3).join(', ')}${exact.length > 3 ? ', …' : ''})${broad.length ? ', beside the broad grants' : ''}: what may run unasked is decided in configuration`,
    );
  // A fetch limited to a host where anyone can publish (an issue, a gist, a raw file) is no limit
  // on what text comes in.
  const userHosted = p.allow.filter((r) =>
    /^WebFetch\(domain:(\*\.)?(github\.com|raw\.githubusercontent\.com|gist\.github\.com|gist\.githubusercontent\.com|gitlab\.com|pastebin\.com)\)$/.test(r),
  );
  if (userHosted.length && !fetch.length)
    risk(
      'fetch-user-content',
      'FM2',
      'low',
      userHosted[0]!,
      `permissions.allow pre-approves ${userHosted.join(', ')}: anyone can publish a page there, so a fetched page can still carry instructions in`,
      'Allow the exact documentation hosts the team needs, or ask before fetching from hosts anyone can publish on.',
    );
  const approval = approvalGrant(p.allow);
  if (approval)
    risk(
      'agent-can-approve',
      'FM3',
      'medium',
      approval.tools[0]!,
      `permissions.allow pre-approves ${approval.message}`,
      'Leave approving and merging to people: let the agent comment instead.',
    );
  if (fetch.length && !broad.length)
    risk(
      'open-egress',
      'FM4',
      'low',
      fetch[0]!,
      `permissions.allow has "${fetch.join('", "')}" for any address: a fetched page can carry instructions in, and what the agent read can go out without a prompt`,
      'Allow the domains the team needs, for example "WebFetch(domain:docs.example.com)".',
    );
  if (p.deny.length || p.ask.length)
    good(
      'deny-ask-rules',
      'FM1',
      p.deny.length ? '"deny"' : '"ask"',
      `${p.deny.length} deny and ${p.ask.length} ask rule(s) enforce boundaries in configuration`,
    );
  if (!isLocal(f) && !p.deny.some((r) => /Read\(.*(\.env|secret|credential|\.pem|\.key|id_rsa)/i.test(r)))
    risk(
      'no-secret-deny',
      'FM4',
      // A setting left at the tool's default is a gap in hardening, not an opening anyone reaches.
      'low',
      // Cited at the deny list when there is one (it is where the rule belongs), else at permissions.
      f.lineOf('"deny"') === undefined ? '"permissions"' : '"deny"',
      'no deny rule keeps the agent from reading .env files, keys or other secrets',
      'Add deny rules such as "Read(./.env)", "Read(./.env.*)" and "Read(./secrets/**)".',
    );
  if (p.disableBypassPermissionsMode === 'disable')
    good('bypass-disabled', 'FM4', 'disableBypassPermissionsMode', 'bypass mode is disabled (disableBypassPermissionsMode)');
  out.push(...hooks.findings);
  if (s.disableAllHooks === true)
    risk('hooks-disabled', 'FM1', 'medium', 'disableAllHooks', "disableAllHooks is true: the team's enforcement hooks do not run");
  if (s.enableAllProjectMcpServers === true)
    risk(
      'mcp-auto-approve',
      'FM2',
      // A server someone adds to .mcp.json starts without a question, but only after their change
      // is merged and only in a session a person opens: a wide opening, not one outsiders reach.
      'medium',
      'enableAllProjectMcpServers',
      'enableAllProjectMcpServers approves every server in .mcp.json without asking',
      'Remove it and approve servers one by one (enabledMcpjsonServers).',
    );
  const sb = s.sandbox;
  if (!isLocal(f)) {
    // The sandbox is opt-in: a settings file that does not turn it on leaves the tool's default.
    // Context (and evidence against an answer that says agents run sandboxed), not a risk of
    // this file's making: no reviewer of the corpora flagged its absence.
    if (!sb?.enabled)
      out.push({
        id: 'claude-code.sandbox-off',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'fact',
        path: f.path,
        line: at('"sandbox"'),
        message: "the command sandbox is not turned on (Claude Code's default): commands run with the user's own access",
        recommendation: 'Enable the sandbox with failIfUnavailable: true.',
      });
    else {
      good('sandbox-on', 'FM4', '"sandbox"', 'the command sandbox is enabled');
      if (!sb.failIfUnavailable)
        risk(
          'sandbox-fallback',
          'FM4',
          'medium',
          '"sandbox"',
          'the sandbox silently falls back to running unsandboxed when it cannot start (failIfUnavailable is not set)',
        );
      if (sb.allowUnsandboxedCommands !== false)
        risk('sandbox-escape', 'FM4', 'medium', '"sandbox"', 'the model may retry commands outside the sandbox (allowUnsandboxedCommands is not false)');
      const broad = sb.allowedDomains.filter((d) => d.includes('*') || /^(github\.com|googleapis\.com|amazonaws\.com)$/.test(d));
      if (broad.length)
        risk('broad-egress', 'FM4', 'medium', broad[0]!, `sandbox network allowlist includes broad domains (${broad.join(', ')}): paths for data exfiltration`);
    }
  }
  // Plugins bring their own commands, hooks, agents and MCP servers to everyone who opens the repository.
  if (s.enabledPlugins.length)
    out.push({
      id: 'claude-code.plugins-enabled',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: at('"enabledPlugins"'),
      message: `${s.enabledPlugins.length} plugin(s) enabled for everyone who opens the repository (${s.enabledPlugins.slice(0, 3).join(', ')}${s.enabledPlugins.length > 3 ? ', …' : ''})`,
    });
  for (const [name, m] of Object.entries(s.marketplaces)) {
    const source = obj(obj(m).source);
    const remote = source.source === 'github' || source.source === 'git' || source.source === 'url';
    if (remote && !text(source.ref) && !text(source.sha))
      risk(
        'plugin-unpinned',
        'FM2',
        // In the editor a person still approves what a plugin's tools do; nothing pins what arrives.
        'low',
        `"${name}"`,
        `plugin marketplace "${name}" is taken from ${text(source.repo ?? source.url)} with no ref: whatever is pushed there next is what its plugins run`,
        'Pin the marketplace to a commit ("ref") and review its updates like a dependency.',
      );
  }
  if (s.includeCoAuthoredBy === false || s.attributionCommit === '')
    risk(
      'attribution-off',
      'FM6',
      'medium',
      s.includeCoAuthoredBy === false ? 'includeCoAuthoredBy' : '"commit"',
      'commit attribution is turned off: agent work cannot be told apart from human work',
    );
  for (const [k, v] of Object.entries(s.env))
    if (isLiteralSecret(k, v))
      risk(
        'literal-secret',
        'FM4',
        'high',
        k,
        `env.${k} holds a literal secret (value masked)`,
        'Remove it from the file, rotate it, and provide it from the environment.',
      );
  return out;
}

const isLocal = (f: ParsedFile) => f.path.endsWith('settings.local.json');

/** Committed subagents, commands and skills: one reviewed pattern the whole team runs (FM5). */
function sharedPatterns(files: ParsedFile[]): FindingDraft[] {
  const kinds = [
    ['agents', 'shared-subagents', 'subagents (reviewers and specialists with their own tool lists)'],
    ['commands', 'shared-commands', 'slash commands'],
    ['skills', 'shared-skills', 'skills'],
  ] as const;
  // A skill only a person can start (disable-model-invocation) never runs on the model's own say.
  const manual = files
    .filter(
      (f) =>
        /(^|\/)\.claude\/skills\/.*SKILL\.md$/i.test(f.path) &&
        (f.data as { 'disable-model-invocation'?: unknown } | undefined)?.['disable-model-invocation'] === true,
    )
    .map((f) => ({
      id: 'claude-code.skill-manual-only',
      failureMode: 'FM1' as const,
      severity: 'info' as const,
      kind: 'protective' as const,
      path: f.path,
      line: f.lineOf('disable-model-invocation'),
      message: 'this skill runs only when a person invokes it (disable-model-invocation: true)',
    }));
  return [
    ...manual,
    ...kinds.flatMap(([dir, id, what]) => {
      const mine = files.filter((f) => new RegExp(`(^|/)\\.claude/${dir}/`).test(f.path) && (dir !== 'skills' || /SKILL\.md$/i.test(f.path)));
      if (!mine.length) return [];
      return [
        {
          id: `claude-code.${id}`,
          failureMode: 'FM5' as const,
          severity: 'info' as const,
          kind: 'protective' as const,
          path: mine[0]!.path,
          message: `${mine.length} shared Claude Code ${what} committed: one reviewed way of working, repeatable across the team`,
        },
      ];
    }),
  ];
}

/** A subagent whose name or description gives it a reading role. */
const readingRole =
  /\breview(er|s|ing)?\b|\baudit(or|s)?\b|read[- ]only|never (modif|edit|change|write)|does not (modif|edit|change|write)|\banaly[sz](e|es|er|ing)\b/i;
/** Tools that change files or run commands. */
const changingTool = /^(\*|Edit|MultiEdit|Write|NotebookEdit|Bash(\(.*\))?)$/;

/**
 * A subagent gets the tools its front matter lists, or, with no list, every tool the session
 * has. One meant to review or analyse that can edit or run commands holds more than its role:
 * the role is a sentence, the tools are what it can do.
 */
function subagentFindings(f: ParsedFile): FindingDraft[] {
  const data = obj(f.data);
  // `tools: *` is not YAML (a bare * starts an alias), so such front matter is read line by line.
  const field = (key: string) => str(data[key]) ?? new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(f.text)?.[1]?.trim();
  const role = `${field('name') ?? ''} ${field('description') ?? ''}`;
  if (!readingRole.test(role)) return [];
  const listed = Array.isArray(data.tools) ? strings(data.tools).join(',') : field('tools');
  const tools = listed?.split(/,\s*/).filter(Boolean) ?? [];
  const changing =
    listed === undefined
      ? ['every tool (no tools list)']
      : tools.filter((t) => changingTool.test(t.trim())).map((t) => (t.trim() === '*' ? 'every tool (*)' : t.trim()));
  if (!changing.length) return [];
  return [
    {
      id: 'claude-code.subagent-tools-exceed-role',
      failureMode: 'FM1',
      severity: 'low',
      kind: 'risk',
      path: f.path,
      line: listed === undefined ? 1 : f.lineOf(/^tools\s*:/m),
      message: `a subagent described as reviewing or read-only can change things: ${changing.join(', ')}`,
      recommendation: 'List only the tools its role needs, for example tools: Read, Grep, Glob.',
    },
  ];
}

export const claudeCode: Detector = {
  id: 'claude-code',
  name: 'Claude Code',
  docsUrl: 'https://docs.anthropic.com/en/docs/claude-code/settings',
  patterns: [
    '**/CLAUDE.md',
    '**/CLAUDE.local.md',
    '**/.claude/settings.json',
    '**/.claude/settings.local.json',
    '.mcp.json',
    '**/.claude/{commands,agents,skills,rules}/**/*.md',
  ],
  inspect(files, ctx) {
    const settings = files.filter(isSettings);
    // A rule in CLAUDE.md is enforced only by deny or ask rules, or by a hook that can block.
    // Hooks are judged once per settings file: judging reads the scripts they run.
    const hooks = new Map(settings.map((f) => [f, hookFindings(f, readSettings(f.data).hooks, ctx)]));
    const enforced = settings.some((f) => {
      const s = readSettings(f.data);
      return Boolean(s.permissions.deny.length || s.permissions.ask.length || hooks.get(f)!.enforces);
    });
    return [
      ...sharedPatterns(files),
      ...files.flatMap((f) => {
        if (isSettings(f)) return settingsFindings(f, hooks.get(f)!);
        if (f.path === '.mcp.json') return mcpFindings('claude-code', f, obj(f.data).mcpServers);
        if (/CLAUDE(\.local)?\.md$/.test(f.path)) return instructionFindings('claude-code', f, ctx, enforced);
        if (/(^|\/)\.claude\/(commands|skills)\//.test(f.path)) return frontMatterTools('claude-code', f);
        if (/(^|\/)\.claude\/agents\/[^/]+\.md$/.test(f.path)) return subagentFindings(f);
        return [];
      }),
    ];
  },
  notObservable: [
    {
      id: 'claude-code.managed-settings',
      failureMode: 'FM7',
      message: 'Managed (organisation) settings live on developer machines or in device management, not in the repository.',
    },
  ],
};
