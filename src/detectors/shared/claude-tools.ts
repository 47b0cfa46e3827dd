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
