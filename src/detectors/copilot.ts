// GitHub Copilot (coding agent, instructions, custom agents):
// https://docs.github.com/en/copilot/customizing-copilot/adding-repository-custom-instructions-for-github-copilot
import { approvalGrant } from './shared/claude-tools.js';
import type { FindingDraft, ParsedFile } from './types.js';
import { obj, strings } from './shared/data.js';
import { instructionFindings } from './shared/instructions.js';
import type { Detector } from './types.js';

const cloudCredentials =
  /(aws-actions\/configure-aws-credentials|google-github-actions\/auth|azure\/login|AWS_SECRET_ACCESS_KEY|GOOGLE_APPLICATION_CREDENTIALS|AZURE_CLIENT_SECRET)/;

function setupSteps(f: ParsedFile): FindingDraft[] {
  const line = f.lineOf(cloudCredentials);
  if (!line)
    return [
      {
        id: 'copilot.setup-steps',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'fact',
        path: f.path,
        // Only the job of that name runs: cite it.
        line: f.lineAt?.(['jobs', 'copilot-setup-steps']),
        message: "the coding agent's environment is prepared by copilot-setup-steps.yml",
      },
    ];
  return [
    {
      id: 'copilot.setup-cloud-credentials',
      failureMode: 'FM4',
      severity: 'high',
      kind: 'risk',
      path: f.path,
      line,
      message: "the coding agent's setup steps obtain cloud credentials: the agent can use them",
      recommendation: 'Remove cloud credentials from the agent environment, or scope them read-only to what the task needs.',
    },
  ];
}

/** Tools that run commands: a shell is a shell whichever alias names it. */
const shellTool =
  /^(execute|shell|bash|powershell|terminal|runCommands|runInTerminal|runTasks)(\/.*)?$|\/(runInTerminal|runCommands|runTask|createAndRunTask)$/i;
/** Every tool of an MCP server (`github/*`): its write tools included. Built-in tool sets are not servers. */
const wholeServer = /^(?!(read|search|edit|web|agent|todo|vscode|execute)\/)[\w.-]+\/\*$/;

/**
 * A custom agent (.github/agents/*.md) gets the tools its front matter lists; with no list, or
 * "*", every tool the session has. A list without a shell or a whole MCP server is a boundary
 * written in configuration. The person who picks the agent still approves what it runs in the
 * editor, so each of these is low, not more.
 */
function customAgent(f: ParsedFile): FindingDraft[] {
  const data = obj(f.data);
  const tools = strings(data.tools);
  const line = f.lineOf(/^tools\s*:/m) ?? 1;
  const finding = (id: string, kind: FindingDraft['kind'], severity: FindingDraft['severity'], message: string, at = line): FindingDraft[] => [
    { id: `copilot.${id}`, failureMode: 'FM2', severity, kind, path: f.path, line: at, message },
  ];
  // Approving or merging is a decision the branch rules give a person, whatever else the agent may do.
  const approval = approvalGrant(tools);
  const approves: FindingDraft[] = approval
    ? [
        {
          id: 'copilot.agent-can-approve',
          failureMode: 'FM3',
          severity: 'medium',
          kind: 'risk',
          path: f.path,
          line: f.lineOf(approval.tools[0]!) ?? line,
          message: `custom agent tools: ${approval.message}`,
        },
      ]
    : [];
  // An agent only a person can pick (not one another agent hands work to) runs when someone chose it.
  const manual: FindingDraft[] =
    data['disable-model-invocation'] === true
      ? [
          {
            id: 'copilot.agent-manual-only',
            failureMode: 'FM1',
            severity: 'info',
            kind: 'protective',
            path: f.path,
            line: f.lineOf('disable-model-invocation') ?? 1,
            message: 'custom agent runs only when a person picks it: no other agent can hand it work (disable-model-invocation: true)',
          },
        ]
      : [];
  return [...approves, ...manual, ...customAgentTools(data, tools, finding)];
}

/** What the tools list says about the agent's reach: all of them, a shell, whole servers, or a named few. */
function customAgentTools(
  data: Record<string, unknown>,
  tools: string[],
  finding: (id: string, kind: FindingDraft['kind'], severity: FindingDraft['severity'], message: string, at?: number) => FindingDraft[],
): FindingDraft[] {
  if (data.tools === undefined) return finding('agent-all-tools', 'risk', 'low', 'custom agent lists no tools: it gets every tool the session has', 1);
  if (tools.includes('*')) return finding('agent-all-tools', 'risk', 'low', 'custom agent is given every tool (tools: ["*"])');
  const shell = tools.filter((t) => shellTool.test(t));
  if (shell.length) return finding('agent-shell', 'risk', 'low', `custom agent can run commands (${shell.join(', ')})`);
  const servers = tools.filter((t) => wholeServer.test(t));
  if (servers.length) return finding('agent-all-tools', 'risk', 'low', `custom agent gets every tool of ${servers.join(', ')}, write tools included`);
  return finding(
    'agent-narrow-tools',
    'protective',
    'info',
    `custom agent may use only ${tools.slice(0, 5).join(', ')}${tools.length > 5 ? ', …' : ''}: no shell`,
  );
}

export const copilot: Detector = {
  id: 'copilot',
  name: 'GitHub Copilot',
  docsUrl: 'https://docs.github.com/en/copilot',
  patterns: [
    '.github/copilot-instructions.md',
    '.github/instructions/**/*.instructions.md',
    '.github/agents/*.md',
    // Agent skills Copilot's coding agent loads from the repository.
    '.github/skills/**/SKILL.md',
    // Prompt files: reusable tasks a person runs by name (/name) in Copilot Chat.
    '.github/prompts/*.prompt.md',
    '.github/hooks/*.json',
    '.github/workflows/copilot-setup-steps.y?(a)ml',
  ],
  inspect(files, ctx) {
    const hooks = files.filter((f) => f.path.startsWith('.github/hooks/'));
    const scoped = files.filter((f) => f.path.startsWith('.github/instructions/'));
    const agents = files.filter((f) => f.path.startsWith('.github/agents/'));
    const skills = files.filter((f) => f.path.startsWith('.github/skills/'));
    const prompts = files.filter((f) => f.path.startsWith('.github/prompts/'));
    // A committed, shared pattern (FM5): one finding per kind, at its first file.
    const sharedPattern = (found: ParsedFile[], id: string, message: string): FindingDraft[] =>
      found.length ? [{ id, failureMode: 'FM5', severity: 'info', kind: 'protective', path: found[0]!.path, message }] : [];
    const shared: FindingDraft[] = [
      ...sharedPattern(
        scoped,
        'copilot.scoped-instructions',
        `${scoped.length} path-scoped instruction file(s) (.github/instructions): standards applied where they belong`,
      ),
      ...sharedPattern(agents, 'copilot.shared-agents', `${agents.length} shared custom agent(s) (.github/agents): one reviewed way of working`),
      ...sharedPattern(skills, 'copilot.shared-skills', `${skills.length} shared agent skill(s) (.github/skills): one reviewed way of working`),
      ...sharedPattern(prompts, 'copilot.shared-prompts', `${prompts.length} shared prompt file(s) (.github/prompts): tasks run the same way by everyone`),
    ];
    return [
      ...shared,
      ...files.flatMap((f) => {
        if (f.path.includes('copilot-setup-steps')) return setupSteps(f);
        if (f.path.startsWith('.github/agents/')) return customAgent(f);
        if (f.path.startsWith('.github/hooks/'))
          return [
            {
              id: 'copilot.hooks',
              failureMode: 'FM1' as const,
              severity: 'info' as const,
              kind: 'protective' as const,
              path: f.path,
              message: 'agent hooks can check or block actions',
            },
          ];
        return instructionFindings('copilot', f, ctx, hooks.length > 0);
      }),
    ];
  },
  notObservable: [
    { id: 'copilot.firewall', failureMode: 'FM4', message: "The coding agent's firewall and its allowlist are repository settings on GitHub, not files." },
    { id: 'copilot.mcp', failureMode: 'FM2', message: "MCP servers for the coding agent are configured in the repository's Copilot settings on GitHub." },
  ],
};
