// OpenAI Codex: https://developers.openai.com/codex/config-reference
import type { FindingDraft, ParsedFile } from './types.js';
import { frontMatterTools } from './shared/front-matter-tools.js';
import { obj, str } from './shared/data.js';
import { instructionFindings } from './shared/instructions.js';
import { mcpFindings } from './shared/mcp.js';
import type { Detector } from './types.js';

function configFindings(f: ParsedFile): FindingDraft[] {
  const c = obj(f.data);
  const sandboxMode = str(c.sandbox_mode);
  const out: FindingDraft[] = [];
  const add = (d: Omit<FindingDraft, 'path' | 'line'>, needle: string) => out.push({ ...d, path: f.path, line: f.lineOf(needle) });
  if (sandboxMode === 'danger-full-access')
    add(
      {
        id: 'codex.danger-full-access',
        failureMode: 'FM4',
        severity: 'high',
        kind: 'risk',
        message: 'sandbox_mode is danger-full-access: commands run with no sandbox at all',
        recommendation: 'Use workspace-write (or read-only), and keep full access for externally hardened containers.',
      },
      'sandbox_mode',
    );
  else if (sandboxMode)
    add({ id: 'codex.sandbox-mode', failureMode: 'FM4', severity: 'info', kind: 'protective', message: `sandbox_mode is ${sandboxMode}` }, 'sandbox_mode');
  if (c.approval_policy === 'never')
    add(
      {
        id: 'codex.approval-never',
        failureMode: 'FM1',
        severity: 'high',
        kind: 'risk',
        message: 'approval_policy is never: the agent never stops to ask before acting',
        recommendation: 'Use on-request so commands outside the sandbox need approval.',
      },
      'approval_policy',
    );
  else if (c.approval_policy !== undefined)
    add(
      {
        id: 'codex.approval-policy',
        failureMode: 'FM1',
        severity: 'info',
        kind: 'protective',
        message: `approval_policy is ${typeof c.approval_policy === 'string' ? c.approval_policy : 'a granular policy'}`,
      },
      'approval_policy',
    );
  if (obj(c.sandbox_workspace_write).network_access === false)
    add(
      {
        id: 'codex.network-off',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'protective',
        message: 'sandboxed commands have no network access (network_access = false)',
      },
      'network_access',
    );
  if (obj(c.sandbox_workspace_write).network_access === true)
    add(
      {
        id: 'codex.network-access',
        failureMode: 'FM4',
        severity: 'medium',
        kind: 'risk',
        message: 'sandboxed commands have network access (network_access = true): an exfiltration path',
      },
      'network_access',
    );
  const env = obj(c.shell_environment_policy);
  if (env.inherit === 'all' && env.ignore_default_excludes === true)
    add(
      {
        id: 'codex.env-secrets',
        failureMode: 'FM4',
        severity: 'medium',
        kind: 'risk',
        message: 'commands inherit the whole environment, secrets included (ignore_default_excludes = true)',
      },
      'ignore_default_excludes',
    );
  if (c.commit_attribution === '')
    add(
      {
        id: 'codex.attribution-off',
        failureMode: 'FM6',
        severity: 'medium',
        kind: 'risk',
        message: 'commit_attribution is empty: Codex commits carry no attribution',
      },
      'commit_attribution',
    );
  out.push(...mcpFindings('codex', f, c.mcp_servers));
  return out;
}

/** Codex reads AGENTS.md up to project_doc_max_bytes (32 KiB unless config.toml raises it). */
const defaultDocBytes = 32 * 1024;

/**
 * An AGENTS.md longer than Codex reads: what follows the cut never reaches the agent, however
 * carefully it was written. Cited at the line where the cut falls.
 */
function truncatedFindings(f: ParsedFile, config: ParsedFile | undefined): FindingDraft[] {
  const limit = Number(obj(config?.data).project_doc_max_bytes) || defaultDocBytes;
  const bytes = Buffer.byteLength(f.text, 'utf8');
  if (bytes <= limit) return [];
  const cut = Buffer.from(f.text, 'utf8').subarray(0, limit).toString('utf8').split('\n').length;
  return [
    {
      id: 'codex.instructions-truncated',
      failureMode: 'FM5',
      severity: 'low',
      kind: 'risk',
      path: f.path,
      line: cut,
      message: `${f.path} is ${bytes.toLocaleString('en-US')} bytes, more than the ${limit.toLocaleString('en-US')} Codex reads (project_doc_max_bytes): from about this line on, Codex never sees it`,
      recommendation: 'Move detail into files AGENTS.md points to (or skills), or raise project_doc_max_bytes in .codex/config.toml.',
    },
  ];
}

export const codex: Detector = {
  id: 'codex',
  name: 'OpenAI Codex',
  docsUrl: 'https://developers.openai.com/codex/config-reference',
  patterns: [
    '**/AGENTS.md',
    '**/.codex/config.toml',
    '**/.codex/rules/*.rules',
    '.agents/skills/**/SKILL.md',
    '.codex/skills/**/SKILL.md',
    // A skill's Codex metadata: its interface and invocation policy.
    '{.agents,.codex}/skills/*/agents/openai.yaml',
  ],
  markers: ['**/.codex/**'],
  inspect(files, ctx) {
    const rules = files.filter((f) => f.path.endsWith('.rules'));
    const config = files.find((f) => f.path.endsWith('config.toml'));
    const enforced = rules.length > 0 || (obj(config?.data).approval_policy ?? 'never') !== 'never';
    const skills = files.filter((f) => /SKILL\.md$/.test(f.path));
    return [
      ...(skills.length
        ? [
            {
              id: 'codex.shared-skills',
              failureMode: 'FM5' as const,
              severity: 'info' as const,
              kind: 'protective' as const,
              path: skills[0]!.path,
              message: `${skills.length} shared agent skill(s) committed (${skills[0]!.path.split('/')[0]}/skills): one reviewed way of working`,
            },
          ]
        : []),
      // Codex reads a skill's name and description, never `allowed-tools`: that field is Claude
      // Code's, and it only applies here when .claude/skills is a link to .agents/skills.
      ...(ctx.candidatePaths.includes('.claude/skills') ? skills.filter((f) => f.path.startsWith('.agents/skills/')) : []).flatMap((f) =>
        frontMatterTools('codex', f, 'Claude Code reads this skill through the .claude/skills link: '),
      ),
      // policy.allow_implicit_invocation: false keeps a skill to when a person names it ($skill).
      ...files
        .filter((f) => f.path.endsWith('/agents/openai.yaml') && obj(obj(f.data).policy).allow_implicit_invocation === false)
        .map((f) => ({
          id: 'codex.skill-manual-only',
          failureMode: 'FM1' as const,
          severity: 'info' as const,
          kind: 'protective' as const,
          path: f.path,
          line: f.lineOf('allow_implicit_invocation'),
          message: 'this skill runs only when a person invokes it (allow_implicit_invocation: false)',
        })),
      ...rules.map((f) => ({
        id: 'codex.rules',
        failureMode: 'FM1' as const,
        severity: 'info' as const,
        kind: 'protective' as const,
        path: f.path,
        message: 'command rules decide what Codex may run, ask about or never run',
      })),
      ...files.filter((f) => f.path.endsWith('config.toml')).flatMap(configFindings),
      ...files.filter((f) => /(^|\/)AGENTS\.md$/.test(f.path)).flatMap((f) => instructionFindings('codex', f, ctx, enforced)),
      // Said only where Codex is visibly in use (its folder, or a skill's Codex metadata): other
      // tools that read AGENTS.md have limits of their own.
      ...(files.some((f) => /(^|\/)\.codex\/|\/agents\/openai\.yaml$/.test(f.path))
        ? files.filter((f) => /(^|\/)AGENTS\.md$/.test(f.path)).flatMap((f) => truncatedFindings(f, config))
        : []),
    ];
  },
  notObservable: [
    { id: 'codex.cloud-network', failureMode: 'FM4', message: 'Codex cloud environments set internet access in the Codex settings, not in the repository.' },
  ],
};
