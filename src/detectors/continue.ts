// Continue: https://docs.continue.dev/reference
import { obj, str } from './shared/data.js';
import { instructionFindings } from './shared/instructions.js';
import { mcpFindings } from './shared/mcp.js';
import type { Detector } from './types.js';

export const continueDev: Detector = {
  id: 'continue',
  name: 'Continue',
  docsUrl: 'https://docs.continue.dev/reference',
  patterns: ['.continue/config.yaml', '.continue/rules/*.md', '.continuerules'],
  inspect(files, ctx) {
    return files.flatMap((f) => {
      if (!f.path.endsWith('config.yaml')) return instructionFindings('continue', f, ctx, false);
      const servers = obj(f.data).mcpServers;
      // Continue lists servers as an array of { name, command, args }.
      const byName = Array.isArray(servers) ? Object.fromEntries(servers.map((s, i) => [str(obj(s).name) ?? `server-${i + 1}`, s])) : undefined;
      return mcpFindings('continue', f, byName);
    });
  },
};
