// Identifiers shared by the checklist schema and the command line, kept free of the schema
// library so that parsing flags does not load it.
export const failureModeIds = ['FM1', 'FM2', 'FM3', 'FM4', 'FM5', 'FM6', 'FM7'] as const;
export type FailureModeId = (typeof failureModeIds)[number];
export const riskLevels = ['high', 'medium', 'low', 'none'] as const;
export const levels = ['low', 'medium', 'high'] as const;
export const obligations = ['must', 'should', 'could'] as const;

/** The OWASP Top 10 for Agentic Applications (2026), by id and name. */
export const owaspAgentic = {
  ASI01: 'Agent Goal Hijack',
  ASI02: 'Tool Misuse and Exploitation',
  ASI03: 'Identity and Privilege Abuse',
  ASI04: 'Agentic Supply Chain Vulnerabilities',
  ASI05: 'Unexpected Code Execution',
  ASI06: 'Memory and Context Poisoning',
  ASI07: 'Insecure Inter-Agent Communication',
  ASI08: 'Cascading Failures',
  ASI09: 'Human-Agent Trust Exploitation',
  ASI10: 'Rogue Agents',
} as const;
export const owaspAgenticIds = Object.keys(owaspAgentic) as (keyof typeof owaspAgentic)[];
