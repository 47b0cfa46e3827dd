// The checklist's small enums, in classic zod for the checklist and overlay schemas. Answers files
// and results build their own from the same lists (src/checklist/ids.ts) in zod/mini.
import * as z from 'zod';
import { failureModeIds, levels, obligations, riskLevels } from './ids.js';

export { failureModeIds, levels, obligations, riskLevels };
export const FailureModeId = z.enum(failureModeIds);
export type FailureModeId = z.infer<typeof FailureModeId>;

export const RiskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const Level = z.enum(levels);
export type Level = z.infer<typeof Level>;

export const Obligation = z.enum(obligations);
export type Obligation = z.infer<typeof Obligation>;
