// Windsurf (Cascade): https://docs.windsurf.com/windsurf/cascade/memories
import { instructionFindings } from './shared/instructions.js';
import type { Detector } from './types.js';

export const windsurf: Detector = {
  id: 'windsurf',
  name: 'Windsurf',
  docsUrl: 'https://docs.windsurf.com/windsurf/cascade/memories',
  patterns: ['.windsurf/rules/*.md', '.windsurf/workflows/*.md', '.windsurfrules'],
  // Windsurf keeps no permission settings in the repository, so nothing here can enforce a rule.
  inspect: (files, ctx) => files.flatMap((f) => instructionFindings('windsurf', f, ctx, false)),
};
