// The small enums answers files and results share with checklists, apart from the checklist
// schema so that reading answers or results does not build the whole checklist schema.
import * as z from 'zod';
import { failureModeIds } from './ids.js';

export { failureModeIds };
export const FailureModeId = z.enum(failureModeIds);
export type FailureModeId = z.infer<typeof FailureModeId>;

export const riskLevels = ['high', 'medium', 'low', 'none'] as const;
export const RiskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const levels = ['low', 'medium', 'high'] as const;
export const Level = z.enum(levels);
export type Level = z.infer<typeof Level>;

export const obligations = ['must', 'should', 'could'] as const;
export const Obligation = z.enum(obligations);
export type Obligation = z.infer<typeof Obligation>;

