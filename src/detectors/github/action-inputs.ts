// The inputs of the agent actions the scanner knows by name (claude-code-action, codex-action):
// which tools they grant, which checks they switch off, and what the tool lists really allow.
// Judged per step, from the parsed workflow; what a grant weighs follows what the step can reach.
import { parseJsonc } from '../../parse-boundary/jsonc.js';
import { escapeRegExp } from '../../regexp.js';
import { approvalGrant, broadClaudeTool, openFetch } from '../shared/claude-tools.js';
import { obj, strings, text, type Obj } from '../shared/data.js';
import { flagValues, shellWords } from '../shared/shell-words.js';
import type { FindingDraft, Severity } from '../types.js';
import type { At, Context } from './context.js';
import { readsToolInputs } from './agent-actions.js';
import type { Reach } from './reach.js';

/** Claude Code's extra tools in the action's inputs, or undefined when none are listed. */
export function claudeAllowed(input: Obj, ref: string): string[] | undefined {
  const words = claudeArgWords(text(input.claude_args))?.words ?? [];
  const allowed = [...allowedTools(words, input, ref), ...settingsAllow(text(input.settings))];
  return allowed.length ? allowed : undefined;
}

/**
 * `permissions.allow` of the action's `settings` input (Claude Code settings, given inline as
 * JSON): tools pre-approved for the run, like --allowedTools. A path to a file, or JSON the
 * scanner cannot read, gives none (expressions are read as unknown values).
 */
function settingsAllow(raw: string): string[] {
  if (!raw.trim().startsWith('{')) return [];
  const parsed = parseJsonc(raw.replace(/\$\{\{[\s\S]*?\}\}/g, 'null'));
  return parsed.ok ? strings(obj(obj(parsed.data).permissions).allow) : [];
}

/**
 * The tools the `settings` input pre-approves, judged like --allowedTools and cited at the entry;
 * those the arguments grant as well are reported there, once.
 */
export function claudeSettingsInput(ctx: Context, input: Obj, within: (term: RegExp) => number | undefined, reach: Reach, granted: string[]): void {
  const allowed = settingsAllow(text(input.settings)).filter((t) => !granted.includes(t));
  grantFindings(ctx, allowed, reach, 'the settings input pre-approves', (tool) => within(new RegExp(`"${escapeRegExp(tool)}"`)));
}

/**
 * What a list of granted tools lets the agent do: a general runner or any command is a broad grant;
 * fetching any address is egress, as grave as what the agent holds (a stored secret or a token that
 * writes code is worth taking; with neither, a fetched page can still steer it, which is less).
 * Each is reported once, at the first tool that shows it; a list with both is one decision, said
 * once as the broad grant with its way out named.
 */
function grantFindings(ctx: Context, tools: string[], reach: Reach, grants: string, lineOf: (tool: string) => number | undefined): void {
  const fetch = tools.filter(openFetch);
  const broad = tools.filter(broadClaudeTool);
  const approval = approvalGrant(tools);
  if (approval)
    ctx.out.push({
      id: 'github.agent-can-approve',
      failureMode: 'FM3',
      severity: 'medium',
      kind: 'risk',
      path: ctx.f.path,
      line: lineOf(approval.tools[0]!),
      message: `${grants} ${approval.message}`,
      recommendation: 'Leave approving and merging to people: let the agent comment instead.',
    });
  if (fetch.length && !broad.length)
    ctx.out.push({
      id: 'github.agent-open-egress',
      failureMode: 'FM4',
      severity: reach.secrets.length || reach.writes.some((w) => w === 'contents' || w === 'write-all') ? 'medium' : 'low',
      kind: 'risk',
      path: ctx.f.path,
      line: lineOf(fetch[0]!),
      message: `${grants} ${fetch.join(', ')} for any address: a fetched page can carry instructions in, and the agent can send what it holds out`,
      recommendation: 'Name the domains it needs, for example WebFetch(domain:docs.example.com).',
    });
  if (broad.length)
    ctx.out.push({
      id: 'github.agent-broad-tools',
      failureMode: 'FM4',
      severity: 'medium',
      kind: 'risk',
      path: ctx.f.path,
      line: lineOf(broad[0]!),
      message: `${grants} ${broad.join(', ')}${fetch.length ? `, and ${fetch.join(', ')} for any address` : ''}: the agent can run far more than the workflow needs, unattended${fetch.length ? ', and send what it holds anywhere' : ''}`,
      recommendation: 'Allow exact commands instead, for example Bash(npm test:*).',
    });
}

/** The tools --allowedTools grants (and allowed_tools, where the action still reads it), each once. */
export function allowedTools(words: string[], input: Obj, ref: string): string[] {
  return [
    ...new Set([...flagValues(words, '--allowedTools', '--allowed-tools'), ...(readsToolInputs(ref) ? [text(input.allowed_tools)] : [])].flatMap(toolList)),
  ];
}

/**
 * claude_args as words. An expression chooses the arguments at run time; when every value it can
 * choose is written in it ('...' literals), each is possible, so all are read together (`chosen`).
 * Undefined when it cannot be read: the caller says so rather than guess.
 */
export function claudeArgWords(raw: string): { words: string[]; chosen: boolean } | undefined {
  if (!/^\s*\$\{\{[\s\S]*\}\}\s*$/.test(raw)) {
    const words = raw ? shellWords(raw) : [];
    return words && { words, chosen: false };
  }
  const branches = expressionLiterals(raw);
  if (!branches?.some((b) => /--(allowed|disallowed)-?[tT]ools|--dangerously|--permission-mode/.test(b))) return undefined;
  return { words: branches.flatMap((b) => shellWords(b) ?? []), chosen: true };
}

/** The string literals of a `${{ }}` expression ('it''s' unescaped), or undefined when there are none. */
function expressionLiterals(raw: string): string[] | undefined {
  const found = [...raw.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'"));
  return found.length ? found : undefined;
}

/**
 * claude-code-action v1 took `allowed_tools` and `disallowed_tools` out of its inputs (docs/
 * migration-guide.md: use claude_args --allowedTools); @beta and v0 still read them. A full SHA is
 * read as v1, the version the defaults here are documented at.
 */
/** Beta inputs claude-code-action v1 no longer reads, besides the tool lists. */
const droppedInputs = [
  'mode',
  'direct_prompt',
  'override_prompt',
  'custom_instructions',
  'max_turns',
  'model',
  'fallback_model',
  'claude_env',
  'mcp_config',
  'timeout_minutes',
];

/** `within(input, term)`: the line inside a block input that holds `term` (the input's own line when none does). */
export function claudeInputs(
  ctx: Context,
  input: Obj,
  at: At,
  bypassLevel: Severity,
  ref: string,
  reach: Reach,
  within: (input: string, term: RegExp) => number | undefined = () => undefined,
): void {
  const { f } = ctx;
  // A tool list the action no longer reads limits nothing: said, so nobody counts on it.
  if (!readsToolInputs(ref))
    for (const key of ['allowed_tools', 'disallowed_tools'] as const)
      if (text(input[key]).trim())
        ctx.out.push({
          id: 'github.agent-input-ignored',
          failureMode: 'FM1',
          severity: 'low',
          kind: 'risk',
          path: f.path,
          line: at('with', key),
          message: `${key} is not an input of claude-code-action v1: the action ignores it, so the tools it lists are neither granted nor denied (use claude_args: --${key === 'allowed_tools' ? 'allowedTools' : 'disallowedTools'})`,
          recommendation: `Move the list to claude_args: --${key === 'allowed_tools' ? 'allowedTools' : 'disallowedTools'} "..."`,
        });
  // The other inputs v1 dropped (its migration guide moves them to prompt, claude_args or
  // settings): a model, a turn cap, instructions or variables set there never reach the agent.
  const dropped = readsToolInputs(ref) ? [] : droppedInputs.filter((k) => text(input[k]).trim());
  if (dropped.length)
    ctx.out.push({
      id: 'github.agent-inputs-dropped',
      failureMode: 'FM1',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: at('with', dropped[0]!),
      message: `${dropped.join(', ')} ${dropped.length > 1 ? 'are not inputs' : 'is not an input'} of claude-code-action v1: the action ignores ${dropped.length > 1 ? 'them' : 'it'}, so the run goes with its defaults`,
    });
  // A plugin marketplace fetched by URL brings whatever its default branch holds on that run.
  const unpinned = text(input.plugin_marketplaces)
    .split(/[\s,]+/)
    .filter((u) => /^(https?:|git@)/.test(u) && !/#\S+$/.test(u));
  if (unpinned.length)
    ctx.out.push({
      id: 'github.agent-plugin-unpinned',
      failureMode: 'FM2',
      severity: 'medium',
      kind: 'risk',
      path: f.path,
      line: at('with', 'plugin_marketplaces'),
      message: `plugin_marketplaces takes ${unpinned.join(', ')} at no fixed ref: the plugins' next commit runs in this job, unattended`,
      recommendation: 'Pin the marketplace to a commit, or vendor the plugin into the repository.',
    });
  // Full output puts every tool result (files read, command output) in the job log.
  const full = text(input.show_full_output);
  if (full === 'true' || /\$\{\{/.test(full))
    ctx.out.push({
      id: 'github.agent-full-output',
      failureMode: 'FM4',
      severity: full === 'true' ? 'medium' : 'low',
      kind: 'risk',
      path: f.path,
      line: at('with', 'show_full_output'),
      message: `show_full_output ${full === 'true' ? 'is on' : 'can be switched on'}: every tool result, file contents and command output included, goes to the job log, which anyone can read on a public repository`,
      recommendation: 'Leave show_full_output off; turn on debug logging for one run when you need it.',
    });
  const raw = text(input.claude_args);
  // at() of a missing key gives its parent's line: only an input that is there is cited.
  const line = input.claude_args === undefined ? undefined : at('with', 'claude_args');
  const unreadable = (why: string) =>
    void ctx.out.push({
      id: 'github.agent-args-unreadable',
      failureMode: 'FM1',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line,
      message: `claude_args ${why}`,
    });
  const args = claudeArgWords(raw);
  if (!args)
    return unreadable(
      /^\s*\$\{\{/.test(raw) ? 'is chosen by an expression at run time: its tools are not assessed' : 'could not be split into words: not assessed',
    );
  const { words, chosen } = args;
  if (words.includes('--dangerously-skip-permissions') || flagValues(words, '--permission-mode').includes('bypassPermissions'))
    ctx.out.push(
      bypass(
        f.path,
        line,
        'claude_args switch permission checks off',
        'Remove --dangerously-skip-permissions / --permission-mode bypassPermissions and list the tools the job needs with --allowedTools.',
        bypassLevel,
      ),
    );
  const allowed = allowedTools(words, input, ref);
  const grants = chosen ? 'an --allowedTools the expression can choose grants' : '--allowedTools grants';
  const allowedLine = line ?? at('with', 'allowed_tools');
  const broad = allowed.filter(broadClaudeTool);
  const commands = allowed.filter((t) => !openFetch(t));
  // Each grant cited at the entry that makes it, where the list is written one entry a line.
  const entryLine = (tool: string) =>
    ['claude_args', 'allowed_tools'].filter((k) => input[k] !== undefined).map((k) => within(k, new RegExp(escapeRegExp(tool))))[0] ?? allowedLine;
  grantFindings(ctx, allowed, reach, grants, entryLine);
  if (!broad.length && commands.length)
    ctx.out.push({
      id: 'github.agent-narrow-tools',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: allowedLine,
      message: `the agent's extra tools are listed one by one (${commands.slice(0, 4).join(', ')}${commands.length > 4 ? ', …' : ''})`,
    });
  // No tool list, no bypass, no settings grants: the action's own defaults decide what it may do.
  const bypassed = words.includes('--dangerously-skip-permissions') || flagValues(words, '--permission-mode').includes('bypassPermissions');
  if (!allowed.length && !bypassed && !settingsAllow(text(input.settings)).length && !chosen)
    ctx.out.push({
      id: 'github.agent-default-tools',
      failureMode: 'FM1',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line: line ?? at('uses'),
      message:
        input.prompt !== undefined
          ? 'no --allowedTools: Claude Code keeps its read-only tools, and anything that would ask for permission is denied in CI'
          : "no --allowedTools: Claude Code keeps the action's default tools for mentions (read, edit, and commit to its branch), no other shell commands",
    });
  // Denying a tool that could change or send nothing is not a control: only denials that take
  // away running commands, writing, fetching or a write-capable MCP tool are credited.
  const denied = [...flagValues(words, '--disallowedTools', '--disallowed-tools'), ...(readsToolInputs(ref) ? [text(input.disallowed_tools)] : [])]
    .flatMap(toolList)
    .filter(consequentialTool);
  if (denied.length)
    ctx.out.push({
      id: 'github.agent-disallowed-tools',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: line ?? at('with', 'disallowed_tools'),
      message: `tools that could change or send something are denied to the agent (${denied.slice(0, 4).join(', ')}${denied.length > 4 ? ', …' : ''})`,
    });
  if (flagValues(words, '--mcp-config').length)
    ctx.out.push({
      id: 'github.agent-mcp-config',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'fact',
      path: f.path,
      line,
      message: "the agent is given MCP servers (--mcp-config): check each server's tools",
    });
}

export function codexInputs(ctx: Context, input: Obj, at: At, bypassLevel: Severity): void {
  const { f } = ctx;
  // codex-action drops sudo before Codex runs unless told otherwise (README, safety-strategy).
  if (text(input['safety-strategy']) !== 'unsafe')
    ctx.out.push({
      id: 'github.agent-drop-sudo',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: input['safety-strategy'] !== undefined ? at('with', 'safety-strategy') : at('uses'),
      message: 'Codex runs without sudo (safety-strategy drop-sudo, the default): it cannot change the runner outside its sandbox',
    });
  const sandbox = text(input.sandbox);
  if (sandbox === 'danger-full-access')
    ctx.out.push(
      bypass(
        f.path,
        at('with', 'sandbox'),
        'Codex runs with sandbox: danger-full-access',
        'Use sandbox: workspace-write (the default) or read-only.',
        bypassLevel,
      ),
    );
  else if (sandbox === 'read-only')
    ctx.out.push({
      id: 'github.agent-read-only-sandbox',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: at('with', 'sandbox'),
      message: 'Codex runs in a read-only sandbox',
    });
  // A permission profile (newer codex-action) replaces sandbox: the built-in ones are known, a
  // named one lives in the Codex home's config.toml and is said, not guessed.
  const profile = text(input['permission-profile']).trim();
  if (profile)
    ctx.out.push(
      profile === ':read-only' || profile === ':workspace'
        ? {
            id: profile === ':read-only' ? 'github.agent-read-only-sandbox' : 'github.agent-workspace-sandbox',
            failureMode: 'FM4',
            severity: 'info',
            kind: 'protective',
            path: f.path,
            line: at('with', 'permission-profile'),
            message:
              profile === ':read-only'
                ? 'Codex runs in a read-only sandbox (permission-profile: :read-only)'
                : 'Codex may write only inside the workspace, with no network (permission-profile: :workspace)',
          }
        : {
            id: 'github.agent-permission-profile',
            failureMode: 'FM4',
            severity: 'info',
            kind: 'fact',
            path: f.path,
            line: at('with', 'permission-profile'),
            message: `Codex runs with the permission profile "${profile}" from its config.toml: what it allows is decided there`,
          },
    );
  if (text(input['safety-strategy']) === 'unsafe')
    ctx.out.push(
      bypass(
        f.path,
        at('with', 'safety-strategy'),
        'Codex runs with safety-strategy: unsafe (sudo kept)',
        'Use the default safety-strategy (drop-sudo).',
        bypassLevel,
      ),
    );
}

/** A tool that runs commands, writes, fetches, or acts through an MCP server's write tools. */
const consequentialTool = (tool: string): boolean =>
  /^(Bash|Write|Edit|MultiEdit|NotebookEdit|WebFetch|WebSearch)\b/.test(tool) ||
  /^mcp__.*(push|merge|create|delete|update|write|approve|comment|edit)/i.test(tool);

/** "Bash(git add:*),Read Edit" into its tools; commas and spaces inside parentheses stay. */
export function toolList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = '';
  for (const c of value) {
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === ',' || /\s/.test(c))) {
      if (word) out.push(word);
      word = '';
    } else word += c;
  }
  if (word) out.push(word);
  return out;
}

/**
 * Unchecked tool calls are as grave as who can steer them: high when anyone can start the run
 * (unchecked, it can reach whatever the runner holds, the model's key at least); medium when only
 * the repository's own people or a schedule start it, since whoever steers it could reach what it
 * holds already; a level lower inside a sandbox that limits where it can send anything (an egress
 * allowlist).
 */
export function bypassSeverity(openToAnyone: boolean, egressLimited = false, holdsNothing = false): Severity {
  // Inside a firewall, holding no token it can write with and no secret but the model's, unchecked
  // calls reach only the container and the listed hosts: low, whoever starts it.
  if (egressLimited && holdsNothing) return 'low';
  return egressLimited ? (openToAnyone ? 'medium' : 'low') : openToAnyone ? 'high' : 'medium';
}

export function bypass(path: string, line: number | undefined, what: string, fix: string, severity: Severity = 'high'): FindingDraft {
  return {
    id: 'github.agent-bypass-flag',
    failureMode: 'FM4',
    severity,
    kind: 'risk',
    path,
    line,
    message: `${what}: every tool call runs without a check, on text others may have written`,
    recommendation: fix,
  };
}
