// The `settings` input of google-github-actions/run-gemini-cli. The action always runs
// `gemini --yolo`, so every tool call is approved unless tools.core (or coreTools) lists the
// tools the agent may use (action.yml and docs/best-practices.md at 3ca2577f2714).
import { parseJsonc } from '../../parse-boundary/jsonc.js';
import type { FindingDraft } from '../types.js';
import { obj, strings } from '../shared/data.js';

export function findingsOfSettings(path: string, settings: string, line: number | undefined): FindingDraft[] {
  // Expressions (${{ vars.X }}) are filled in at run time: read each as an unknown value.
  const json = settings.replace(/\$\{\{[\s\S]*?\}\}/g, 'null');
  const parsed = json.trim() ? parseJsonc(json) : { ok: true as const, data: {} };
  if (!parsed.ok)
    return [
      {
        id: 'github.agent-settings-unreadable',
        failureMode: 'FM1',
        severity: 'info',
        kind: 'fact',
        path,
        line,
        message: 'the Gemini CLI settings input is not JSON the scanner can read: not assessed',
      },
    ];
  const s = obj(parsed.data);
  const core = strings(obj(s.tools).core ?? s.coreTools);
  if (core.length)
    return [
      {
        id: 'github.agent-narrow-tools',
        failureMode: 'FM4',
        severity: 'info',
        kind: 'protective',
        path,
        line,
        message: `Gemini CLI may use only the tools in tools.core (${core.slice(0, 4).join(', ')}${core.length > 4 ? ', …' : ''})`,
      },
    ];
  return [
    {
      id: 'github.agent-all-tools',
      failureMode: 'FM4',
      severity: 'medium',
      kind: 'risk',
      path,
      line,
      message: 'Gemini CLI runs with --yolo and no tools.core: every tool call, shell commands included, is approved without a check',
      recommendation: 'List the tools the workflow needs in the settings input: {"tools": {"core": ["run_shell_command(echo)", ...]}}.',
    },
  ];
}
