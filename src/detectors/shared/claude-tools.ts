// Which Claude Code tool grants are broad: a whole interpreter, shell or network tool, rather than
// one exact command. Shared by the settings file and the GitHub Action's --allowedTools.
import { escapeRegExp } from '../../regexp.js';

// Programs that run whatever they are given. Granting one "with any arguments" grants arbitrary
// code: an interpreter runs any file, a package runner fetches and runs any package, a build tool
// or package manager runs any target or script (which the agent can also edit). `npm test` or
// `cargo test` named in full stays narrow: one decision, even though it runs code in the repo.
const generalPrograms = [
  // shells and interpreters
  'bash',
  'sh',
  'zsh',
  'pwsh',
  'python',
  'python3',
  'node',
  'ruby',
  'perl',
  'php',
  'deno',
  'bun',
  // run any package or binary
  'npx',
  'bunx',
  'pnpx',
  'uvx',
  'npm exec',
  'pnpm exec',
  'pnpm dlx',
  'yarn dlx',
  'uv run',
  'poetry run',
  'pipx run',
  'env',
  'xargs',
  // run a command of their own choosing: find -exec, awk's system()
  'find',
  'awk',
  // print every variable the job set, secrets included
  'printenv',
  // any script, target or subcommand
  'npm',
  'npm run',
  'pnpm',
  'pnpm run',
  'yarn',
  'yarn run',
  'uv',
  'pip',
  'pip3',
  'cargo',
  'go',
  'make',
  'just',
  'mvn',
  'gradle',
  './gradlew',
  // outside systems and the machine itself
  'gh',
  // a general authenticated client: any call the token allows
  'gh api',
  'git',
  'git push',
  'curl',
  'wget',
  'docker',
  'kubectl',
  'aws',
  'az',
  'gcloud',
  'terraform',
  'rm',
  'sudo',
  'ssh',
];
const anyArgs = new RegExp(`^Bash\\((${generalPrograms.map(escapeRegExp).join('|')})(:\\*| \\*|\\*)?\\)$`);
// Edit and Write change files, which is most agent tasks; they run nothing, so they are not broad.
const broad = /^(Bash|Bash\(\*\)|Bash\(\*:\*\))$/;

export const broadClaudeTool = (tool: string): boolean => broad.test(tool.trim()) || anyArgs.test(tool.trim());

/**
 * Fetching any address: not a command the agent runs, but a way in for planted text and a way out
 * for whatever it holds. Judged apart from the command grants (a list of exact commands plus
 * WebFetch is still a list of exact commands), as an egress risk whose weight depends on what the
 * agent holds. A search goes to the search provider only, so WebSearch is no way out.
 */
export const openFetch = (tool: string): boolean => /^WebFetch(\((\*|domain:\*)?\))?$/.test(tool.trim());

/** A grant of any shell command at all: the broadest there is. */
export const anyShell = (tool: string): boolean => /^(Bash|Bash\(\*\)|Bash\(\*:\*\))$/.test(tool.trim());

/**
 * Tools that approve or merge pull requests: the GitHub CLI's `pr merge` / `pr review` (which
 * takes --approve), and the GitHub MCP server's merge and review tools, however each tool names
 * them (`mcp__github__merge_pull_request`, `github/merge_pull_request`). An agent holding one can
 * stand in for the person whose review the branch rules ask for.
 */
export function approvesOrMerges(tool: string): 'merge' | 'approve' | undefined {
  const t = tool.trim();
  if (/^Bash\(gh pr merge\b/.test(t) || /(^|[_/])merge_pull_request$/.test(t)) return 'merge';
  if (
    /^Bash\(gh pr review\b/.test(t) ||
    /(^|[_/])(create_pull_request_review|create_and_submit_pull_request_review|submit_pending_pull_request_review|pull_request_review_write)$/.test(t)
  )
    return 'approve';
  return undefined;
}

/** One sentence for the approve or merge tools in a list, or undefined when there are none. */
export function approvalGrant(tools: string[]): { tools: string[]; message: string } | undefined {
  const found = tools.filter((t) => approvesOrMerges(t) !== undefined);
  if (!found.length) return undefined;
  const merges = found.some((t) => approvesOrMerges(t) === 'merge');
  return {
    tools: found,
    message: `${found.join(', ')} let${found.length > 1 ? '' : 's'} the agent ${merges ? 'merge' : 'approve'} pull requests: its ${merges ? 'merge' : 'approval'} can stand in for the person's review the branch rules ask for`,
  };
}

/**
 * A shell tool limited to one command prefix (Gemini CLI's `run_shell_command(find)`): as broad as
 * the program it names, since any arguments are allowed after the prefix.
 */
export const broadShellPrefix = (tool: string): boolean => {
  const m = /^(run_shell_command|ShellTool)\(\s*([^)]*?)\s*\)$/.exec(tool.trim());
  return m !== null && generalPrograms.includes(m[2]!);
};
