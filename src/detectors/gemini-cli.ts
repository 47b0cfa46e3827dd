// Gemini CLI: https://github.com/google-gemini/gemini-cli/blob/main/docs/get-started/configuration.md
import type { FindingDraft, ParsedFile } from './types.js';
import { obj, strings } from './shared/data.js';
import { instructionFindings } from './shared/instructions.js';
import { mcpFindings } from './shared/mcp.js';
import type { Detector } from './types.js';

function settingsFindings(f: ParsedFile): FindingDraft[] {
  const s = obj(f.data);
  const out: FindingDraft[] = [...mcpFindings('gemini-cli', f, s.mcpServers)];
  const tools = obj(s.tools);
  const allowed = strings(tools.allowed !== undefined ? tools.allowed : s.allowedTools);
  // One decision, one finding: every broad grant named, cited at the first.
  const broad = allowed.filter((t) => /^(run_shell_command|ShellTool)$|\(\s*\*?\s*\)$/.test(t));
  if (broad.length)
    out.push({
      id: 'gemini-cli.broad-allow',
      failureMode: 'FM4',
      severity: 'high',
      kind: 'risk',
      path: f.path,
      line: f.lineOf(broad[0]!),
      message: `${broad.map((t) => `"${t}"`).join(', ')} ${broad.length > 1 ? 'run' : 'runs'} without confirmation`,
    });
  if (obj(s.general).defaultApprovalMode === 'auto_edit')
    out.push({
      id: 'gemini-cli.auto-edit',
      failureMode: 'FM1',
      severity: 'medium',
      kind: 'risk',
      path: f.path,
      line: f.lineOf('defaultApprovalMode'),
      message: 'edits are approved automatically (defaultApprovalMode auto_edit)',
    });
  if (obj(s.security).disableYoloMode === true)
    out.push({
      id: 'gemini-cli.yolo-disabled',
      failureMode: 'FM1',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: f.lineOf('disableYoloMode'),
      message: 'YOLO mode is disabled',
    });
  return out;
}

export const geminiCli: Detector = {
  id: 'gemini-cli',
  name: 'Gemini CLI',
  docsUrl: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/get-started/configuration.md',
  patterns: ['**/GEMINI.md', '.gemini/settings.json'],
  inspect(files, ctx) {
    const enforced = files.some((f) => f.path === '.gemini/settings.json' && obj(obj(f.data).security).disableYoloMode === true);
    return files.flatMap((f) => (f.path === '.gemini/settings.json' ? settingsFindings(f) : instructionFindings('gemini-cli', f, ctx, enforced)));
  },
};
