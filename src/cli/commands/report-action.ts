// The work behind `rollout-check report`, loaded only when the command runs.
import type { EmitFlags } from '../emit.js';
import { output } from '../std-streams.js';

export async function runReport(file: string, flags: EmitFlags): Promise<void> {
  const [{ emitReport }, { loadResult }] = await Promise.all([import('../emit.js'), import('../../load/result.js')]);
  await emitReport(loadResult(file), flags);
  if (flags.out) output('stdout').write(`Report written to ${flags.out}\n`);
}
