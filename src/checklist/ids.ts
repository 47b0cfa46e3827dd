// Identifiers shared by the checklist schema and the command line, kept free of the schema
// library so that parsing flags does not load it.
export const failureModeIds = ['FM1', 'FM2', 'FM3', 'FM4', 'FM5', 'FM6', 'FM7'] as const;
export type FailureModeId = (typeof failureModeIds)[number];
export const riskLevels = ['high', 'medium', 'low', 'none'] as const;
export const levels = ['low', 'medium', 'high'] as const;
export const obligations = ['must', 'should', 'could'] as const;
