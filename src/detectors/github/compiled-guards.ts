// Guards that agent workflows write as values inside a step rather than as keys a rule can read:
// the GitHub MCP server started read-only, and the threat-detection job a compiled agentic
// workflow (gh-aw .lock.yml) runs on the agent's output before anything is written.
import type { FindingDraft, ParsedFile } from '../types.js';
import { compiled } from './lock-source.js';

// GitHub's MCP server exposes only its read tools when GITHUB_READ_ONLY is set (as an env entry,
// a docker -e or a JSON config), or through its /readonly endpoint or X-MCP-Readonly header.
const readOnlyServer = /GITHUB_READ_ONLY["']?\s*[:=]\s*["']?(1|true)\b|api\.githubcopilot\.com\/mcp\/readonly|X-MCP-Readonly["']?\s*:\s*["']?true/i;

export function compiledGuardFindings(f: ParsedFile): FindingDraft[] {
  const out: FindingDraft[] = [];
  const readOnly = f.lineOf(readOnlyServer);
  if (readOnly !== undefined)
    out.push({
      id: 'github.agent-mcp-read-only',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: readOnly,
      message: 'the GitHub MCP server the agent uses runs read-only: none of its tools can write, whatever text steers the agent',
    });
  // gh-aw's detection job reads the agent's proposed outputs and patch for injected or malicious
  // content; the job that applies them runs only when it passes.
  const jobs = f.data && typeof f.data === 'object' ? (f.data as { jobs?: Record<string, unknown> }).jobs : undefined;
  const gated = Object.values(jobs ?? {}).some((job) => {
    const needs = job && typeof job === 'object' ? (job as { needs?: unknown }).needs : undefined;
    return needs === 'detection' || (Array.isArray(needs) && needs.includes('detection'));
  });
  if (compiled(f.path) && gated)
    out.push({
      id: 'github.aw-threat-detection',
      failureMode: 'FM3',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: f.lineAt?.(['jobs', 'detection']),
      message: "a detection job checks the agent's proposed changes for injected or harmful content before any are applied",
    });
  return out;
}
