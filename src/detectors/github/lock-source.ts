// A compiled agentic workflow (NAME.lock.yml) is generated from NAME.md: who can start the agent
// is decided in the source's `on:`, the file a person edits and reviews. Trigger findings read
// from the lock are cited there, at the event's own line, when the source is in the repository.
import type { FindingDraft, ParsedFile } from '../types.js';
import { escapeRegExp } from '../../regexp.js';

/** A workflow the agentic-workflow compiler wrote (NAME.lock.yml from NAME.md). */
export const compiled = (path: string): boolean => /\.lock\.ya?ml$/.test(path);

const triggerIds = new Set(['github.agent-trigger', 'github.agent-untrusted-trigger']);

export function citeTriggersAtSource(findings: FindingDraft[], files: ReadonlyMap<string, ParsedFile>): FindingDraft[] {
  const cited = findings.map((finding) => {
    if (!triggerIds.has(finding.id) || !compiled(finding.path) || finding.line === undefined) return finding;
    const lock = files.get(finding.path);
    const source = files.get(finding.path.replace(/\.lock\.ya?ml$/, '.md'));
    if (!lock || !source) return finding;
    // The event the lock's line names (`  issues:` or `on: issues`), looked up in the source.
    const event = /^\s*(?:on\s*:\s*)?["']?([a-z_]+)["']?\s*:?\s*(#.*)?$/.exec(lock.text.split('\n')[finding.line - 1] ?? '')?.[1];
    const line = (event && source.lineOf(new RegExp(`^\\s*(on\\s*:\\s*)?["']?${escapeRegExp(event)}["']?\\s*(:|$)`, 'm'))) || source.lineOf(/^on\s*:/m);
    return line === undefined ? finding : { ...finding, path: source.path, line };
  });
  // Two jobs of one lock (the agent and its detection run) can say the same of one source line:
  // said once, by the gravest.
  const rank = (f: FindingDraft) => ['info', 'low', 'medium', 'high'].indexOf(f.severity);
  const kept = new Map<string, FindingDraft>();
  for (const [n, f] of cited.entries()) {
    const key = triggerIds.has(f.id) && f.path.endsWith('.md') ? `${f.id}\u0000${f.path}\u0000${f.line}` : String(n);
    const before = kept.get(key);
    if (!before || rank(f) > rank(before)) kept.set(key, f);
  }
  return [...kept.values()];
}
