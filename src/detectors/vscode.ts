// VS Code (Copilot Chat agent mode and MCP): https://code.visualstudio.com/docs/copilot/chat/mcp-servers
import type { FindingDraft } from './types.js';
import { mcpFindings } from './shared/mcp.js';
import { obj } from './shared/data.js';
import type { Detector } from './types.js';

const autoApprove = ['chat.tools.autoApprove', 'chat.tools.global.autoApprove', 'chat.agent.autoApprove'];

export const vscode: Detector = {
  id: 'vscode',
  name: 'VS Code agent settings',
  docsUrl: 'https://code.visualstudio.com/docs/copilot/chat/mcp-servers',
  patterns: ['.vscode/mcp.json', '.vscode/settings.json'],
  inspect(files) {
    return files.flatMap((f): FindingDraft[] => {
      if (f.path.endsWith('mcp.json')) return mcpFindings('vscode', f, obj(f.data).servers);
      const s = obj(f.data);
      return autoApprove
        .filter((k) => s[k] === true)
        .map((k) => ({
          id: 'vscode.auto-approve',
          failureMode: 'FM1',
          severity: 'high',
          kind: 'risk',
          path: f.path,
          line: f.lineOf(k),
          message: `${k} is true: agent tool calls, terminal commands included, run without confirmation`,
        }));
    });
  },
};
