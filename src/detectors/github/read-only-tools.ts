// An agent whose tools run no command cannot act with what its job holds: a prompt-injected run
// can steer its answer (which the steps after it may use), not push or post with the token itself.
// Read from what each tool documents for a run with nobody there to approve a call:
// - Claude Code in print mode (-p) denies every tool that would ask for permission, so with no
//   bypass, no permission mode and no grant (flag or the project's .claude/settings.json) only its
//   read-only tools run;
// - Copilot CLI in programmatic mode (-p) denies every tool that needs approval unless
//   --allow-tool, --allow-all-tools, --allow-all or --yolo grants it.
// A tool list that names only tools reading or editing the workspace, and pull request or history
// views through gh and git, is the same: nothing in it can write with a token.
import type { Obj } from '../shared/data.js';
import { text } from '../shared/data.js';
import { flagValues, shellWords } from '../shared/shell-words.js';
import { toolList } from './action-inputs.js';

const workspaceTool = /^(Read|Glob|Grep|LS|Write|Edit|MultiEdit|NotebookRead|NotebookEdit|TodoWrite)$/;
// gh and git subcommands that show and never change: `Bash(gh pr diff:*)`, `Bash(git log *)`.
const viewCommand =
  /^Bash\(\s*(gh (pr|issue|release|run|repo|label|search) (view|diff|list|checks|status)|git (diff|log|show|status|blame|ls-files))\b[^;&|`$()]*\)$/;

/** Whether a tool-list entry can only read or edit the workspace. */
export const commandlessTool = (tool: string): boolean => workspaceTool.test(tool.trim()) || viewCommand.test(tool.trim());

const copilotGrants = ['--allow-tool', '--allow-all-tools', '--allow-all', '--yolo'];

/**
 * The arguments of each call of `command` in a script, read line by line (continuations joined):
 * a heredoc or a quote the whole script cannot split leaves the agent's own line readable.
 */
export function invocations(run: string, command: RegExp): { line: string; words: string[] }[] {
  return run
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .flatMap((line) => {
      const words = shellWords(line) ?? [];
      const at = words.findIndex((w) => command.test(w));
      if (at < 0) return [];
      const rest = words.slice(at + 1);
      const end = rest.findIndex((w) => ['|', '||', '&&', ';', '&'].includes(w));
      return [{ line, words: end < 0 ? rest : rest.slice(0, end) }];
    });
}

/**
 * Whether every call of the agent a `run:` step makes runs no command. `projectAllow` is what the
 * repository's .claude/settings.json pre-approves (print mode honours it as well).
 */
export function cliRunsNoCommand(agent: { name: string; command: RegExp }, run: string, projectAllow: readonly string[]): boolean {
  const calls = invocations(run, agent.command);
  return calls.length > 0 && calls.every((c) => callRunsNoCommand(agent.name, c.words, projectAllow));
}

function callRunsNoCommand(agent: string, words: string[], projectAllow: readonly string[]): boolean {
  const prompted = words.includes('-p') || words.includes('--prompt') || words.includes('--print');
  if (!prompted) return false;
  if (agent === 'Copilot CLI') return !words.some((w) => copilotGrants.some((g) => w === g || w.startsWith(`${g}=`)));
  // Headless Continue runs only its read-only tools unless --allow grants more, or an agent or
  // config file (--agent, --config, possibly from Continue's hub) brings permissions of its own.
  if (agent === 'Continue CLI') return !words.some((w) => /^--(allow|agent|config)(=|$)/.test(w));
  if (agent !== 'Claude Code') return false;
  const mode = flagValues(words, '--permission-mode');
  // Accepting edits leaves commands to ask, and in print mode asking is refusing.
  if (words.includes('--dangerously-skip-permissions') || mode.some((m) => !['default', 'plan', 'acceptEdits'].includes(m))) return false;
  const allowed = flagValues(words, '--allowedTools', '--allowed-tools').flatMap(toolList);
  return [...allowed, ...projectAllow].every(commandlessTool);
}

/**
 * Whether claude-code-action's base action (the bare agent: it adds no GitHub tools of its own) is
 * given only tools that run no command. The full action adds tools that comment and commit.
 */
export function baseActionRunsNoCommand(uses: string, allowed: readonly string[] | undefined): boolean {
  return /\/base-action@/.test(uses) && allowed !== undefined && allowed.length > 0 && allowed.every(commandlessTool);
}

/**
 * What a Claude Code settings object pre-approves: the entries of `permissions.allow`, and a plain
 * `Bash` (everything) where its default mode skips the asking altogether.
 */
export function settingsAllowList(settings: Obj): string[] {
  const perms = settings.permissions;
  const p = perms && typeof perms === 'object' ? (perms as Obj) : {};
  const allow = Array.isArray(p.allow) ? p.allow.map((a) => text(a)) : [];
  return text(p.defaultMode) === 'bypassPermissions' ? [...allow, 'Bash'] : allow;
}
