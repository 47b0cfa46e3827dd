// Tools a command or skill pre-approves in its front matter (`allowed-tools`), judged like any
// other grant. Shared by Claude Code commands and skills and the .agents / .codex skills.
import type { FindingDraft, ParsedFile } from '../types.js';
import { approvalGrant, broadClaudeTool } from './claude-tools.js';
import { obj, str, strings } from './data.js';

/**
 * `allowed-tools` in a command's or skill's front matter pre-approves those tools while it runs:
 * exact commands are a boundary, a whole shell or program is not.
 */
export function frontMatterTools(prefix: string, f: ParsedFile, reader = ''): FindingDraft[] {
  const raw = obj(f.data)['allowed-tools'];
  // The Agent Skills format separates entries with spaces, Claude Code's commands with commas:
  // split on either, outside an entry's parentheses (`Bash(gh pr view:*)` is one entry).
  const tools = (Array.isArray(raw) ? strings(raw) : (str(raw)?.split(/[,\s]+(?![^(]*\))/) ?? [])).map((t) => t.trim()).filter(Boolean);
  if (!tools.length) return [];
  const broad = tools.filter(broadClaudeTool);
  const line = f.lineOf('allowed-tools');
  const approval = approvalGrant(tools);
  const approves: FindingDraft[] = approval
    ? [
        {
          id: `${prefix}.agent-can-approve`,
          failureMode: 'FM3',
          severity: 'medium',
          kind: 'risk',
          path: f.path,
          line,
          message: `${reader}allowed-tools pre-approves ${approval.message}`,
          recommendation: 'Leave approving and merging to people: let the agent comment (gh pr comment) instead.',
        },
      ]
    : [];
  if (broad.length)
    return [
      ...approves,
      {
        id: `${prefix}.command-broad-tools`,
        failureMode: 'FM4',
        severity: 'medium',
        kind: 'risk',
        path: f.path,
        line,
        message: `${reader}allowed-tools pre-approves ${broad.join(', ')} whenever this runs: far more than one command`,
        recommendation: 'List the exact commands it needs, for example Bash(gh pr view:*).',
      },
    ];
  return [
    ...approves,
    {
      id: `${prefix}.command-narrow-tools`,
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line,
      message: `${reader}pre-approves only ${tools.slice(0, 4).join(', ')}${tools.length > 4 ? ', …' : ''} while it runs`,
    },
  ];
}
