// The agent actions a workflow can run, and what each does when an input is left out. Taken from
// each action's own action.yml and documentation at the commit cited; test/fixtures/real holds
// the survey (ACTION-DEFAULTS.md) and the workflows the rules were checked against.

export interface AgentAction {
  /** owner/repo as written in `uses:` (a subpath such as /base-action is the same action). */
  repo: string;
  name: string;
  /**
   * Whether the action itself refuses actors without write access on events others can fire
   * (issues, comments, reviews), unless an input opens it up.
   */
  checksWriteAccess: boolean;
  /** Inputs that let people without write access (or bots) start the agent. */
  openers: { input: string; who: 'users' | 'bots' }[];
  /** Inputs that carry a long-lived model API key (OIDC/federation is the alternative). */
  apiKeyInputs: string[];
  /** Inputs that name an OIDC federation (workload identity) instead of a key. */
  oidcInputs: string[];
  /**
   * Whether the action acts with the job's token itself (comments, commits, its GitHub tools)
   * whatever the step's environment says; otherwise the agent reaches the token only through
   * the environment or a checkout's .git/config.
   */
  holdsToken: boolean;
  source: string;
}

export const agentActions: AgentAction[] = [
  {
    // Write check before any run on issue, PR, comment, review and workflow_run events; bots are
    // refused unless listed. action.yml, src/github/validation/permissions.ts and actor.ts at
    // 24dcd50c0568f0fc9e9211213a4fd2d9eb15c4e0; docs/security.md.
    repo: 'anthropics/claude-code-action',
    name: 'Claude Code',
    checksWriteAccess: true,
    openers: [
      { input: 'allowed_non_write_users', who: 'users' },
      { input: 'allowed_bots', who: 'bots' },
    ],
    // A Claude subscription's OAuth token (`claude setup-token`) is as long-lived as an API key.
    apiKeyInputs: ['anthropic_api_key', 'claude_code_oauth_token'],
    oidcInputs: ['anthropic_federation_rule_id', 'anthropic_service_account_id'],
    // Exports GITHUB_TOKEN and GH_TOKEN to the agent's process and acts with it (src/entrypoints/run.ts).
    holdsToken: true,
    source: 'https://github.com/anthropics/claude-code-action/blob/24dcd50c0568f0fc9e9211213a4fd2d9eb15c4e0/docs/security.md',
  },
  {
    // Checks GITHUB_ACTOR's collaborator permission on every event; allow-users ("*" allowed) and
    // allow-bots open it. action.yml and README at 9cdb6f3861cdefafeeaec70dfb42687be5ca62d3.
    repo: 'openai/codex-action',
    name: 'OpenAI Codex',
    checksWriteAccess: true,
    openers: [
      { input: 'allow-users', who: 'users' },
      { input: 'allow-bots', who: 'bots' },
      { input: 'allow-bot-users', who: 'bots' },
    ],
    apiKeyInputs: ['openai-api-key'],
    oidcInputs: [],
    holdsToken: false,
    source: 'https://github.com/openai/codex-action/blob/9cdb6f3861cdefafeeaec70dfb42687be5ca62d3/README.md',
  },
  {
    // No check of who triggered the run, and always `gemini --yolo`: tools are limited only by the
    // settings input (tools.core). action.yml and docs/trust-guidance.md at
    // 3ca2577f2714990269a7378904cf70ae1e01e288.
    repo: 'google-github-actions/run-gemini-cli',
    name: 'Gemini CLI',
    checksWriteAccess: false,
    openers: [],
    apiKeyInputs: ['gemini_api_key', 'google_api_key'],
    oidcInputs: ['gcp_workload_identity_provider'],
    // The GitHub MCP server it configures reads GITHUB_TOKEN from the step's environment.
    holdsToken: false,
    source: 'https://github.com/google-github-actions/run-gemini-cli/blob/3ca2577f2714990269a7378904cf70ae1e01e288/docs/trust-guidance.md',
  },
];

/** The agent action a `uses:` value names, and the ref it is taken at. */
export function agentActionOf(uses: string): { action: AgentAction; ref: string } | undefined {
  const m = /^([^@\s]+)@(\S+)$/.exec(uses.trim());
  if (!m) return undefined;
  const [owner, repo] = m[1]!.toLowerCase().split('/');
  // anthropics/claude-code-base-action is the base action published as an action of its own.
  const standaloneBase = `${owner}/${repo}` === 'anthropics/claude-code-base-action';
  const action = agentActions.find((a) => a.repo === (standaloneBase ? 'anthropics/claude-code-action' : `${owner}/${repo}`));
  if (!action) return undefined;
  // claude-code-action's base action is the bare agent: it checks no actor (its security notes say so).
  const bare = standaloneBase || (action.repo === 'anthropics/claude-code-action' && /\/base-action$/i.test(m[1]!));
  return { action: bare ? { ...action, checksWriteAccess: false } : action, ref: m[2]! };
}

/** A program run by name or by path (/usr/local/bin/claude), never a package name (@github/copilot). */
function program(name: string): RegExp {
  return new RegExp(`^(?:[.\\w-]*/)*${name}$`);
}

/** The npm packages of the agent CLIs, and the program each installs. */
export const agentPackages: Readonly<Record<string, string>> = {
  '@anthropic-ai/claude-code': 'claude',
  '@openai/codex': 'codex',
  '@google/gemini-cli': 'gemini',
  '@github/copilot': 'copilot',
  'opencode-ai': 'opencode',
  '@qwen-code/qwen-code': 'qwen',
  '@continuedev/cli': 'cn',
};

/** The program an agent package runs (`@anthropic-ai/claude-code@2.1.0` is claude), if it is one. */
export const agentPackageBinary = (pkg: string): string | undefined => agentPackages[pkg.replace(/(?<=.)@[^@/]*$/, '')];

/** Command-line agents started from `run:` steps, and the flags that switch their guards off. */
export const agentCommands: { name: string; command: RegExp; bypass: string[] }[] = [
  { name: 'Claude Code', command: program('claude'), bypass: ['--dangerously-skip-permissions'] },
  { name: 'OpenAI Codex', command: program('codex'), bypass: ['--dangerously-bypass-approvals-and-sandbox', '--yolo'] },
  { name: 'Gemini CLI', command: program('gemini'), bypass: ['--yolo', '-y'] },
  { name: 'Aider', command: program('aider'), bypass: ['--yes-always'] },
  { name: 'opencode', command: program('opencode'), bypass: [] },
  // Copilot CLI (npm @github/copilot), also what compiled agentic workflows (gh-aw .lock.yml) run.
  { name: 'Copilot CLI', command: program('copilot'), bypass: ['--allow-all-tools', '--yolo'] },
  // Continue's CLI (npm @continuedev/cli). Headless (-p) it drops every tool that would ask (Bash,
  // Write, Edit) unless --allow grants it: https://docs.continue.dev/cli/tool-permissions
  { name: 'Continue CLI', command: program('cn'), bypass: [] },
];

/**
 * A model provider's API key: an action the scanner does not know by name, handed one of these,
 * is an agent all the same (an in-house or third-party agent), and is judged like one.
 * GOOGLE_API_KEY is the Gemini SDKs' own variable (other Google keys carry the API's name).
 */
export const providerKey =
  /secrets\.((ANTHROPIC|CLAUDE|OPENAI|AZURE_OPENAI|GEMINI|GOOGLE_AI|GOOGLE_GENERATIVE_AI|MISTRAL|GROQ|DEEPSEEK|OPENROUTER|XAI|COHERE|TOGETHER)_[A-Z_]*(API_)?KEY|GOOGLE_API_KEY)\b/i;

/** Whether a claude-code-action ref is a beta release, which still reads the inputs v1 dropped (allowed_tools, claude_env, ...). */
export const readsToolInputs = (ref: string): boolean => /^(beta|v0(\.|$))/.test(ref);
