// The checklist's small enums, once, in zod/mini (the one dialect): the checklist and overlay
// schemas, the result and the evidence models all use these, built from src/checklist/ids.ts.
import * as z from '../zod-mini.js';
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
