// One decision copied into several tools' files (the same MCP server in .mcp.json, .cursor/mcp.json
// and .vscode/mcp.json) is one risk: reported once, naming the copies, so a reader counts
// decisions rather than files. Detectors work one tool at a time; this is where the tools'
// findings meet. A finding said twice, word for word at one line, is kept once.
import type { Finding } from '../detectors/types.js';

const rule = (id: string): string => id.slice(id.indexOf('.') + 1);
const keyOf = (f: Finding): string => `${rule(f.id)}\u0000${f.severity}\u0000${f.message}`;
const depth = (path: string): number => path.split('/').length;

/**
 * Findings in scanner order, with risks that other tools' files repeat word for
 * word folded into one: the copy nearest the repository root (then the first by path) stands for
 * the rest, whose paths its message names.
 */
export function collapseCopies(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) if (f.kind === 'risk') groups.set(keyOf(f), [...(groups.get(keyOf(f)) ?? []), f]);
  const kept = new Map<Finding, string[]>();
  const dropped = new Set<Finding>();
  for (const group of groups.values()) {
    if (new Set(group.map((f) => f.tool)).size < 2) continue;
    const lead = [...group].sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))[0]!;
    const copies = [...new Set(group.filter((f) => f !== lead && f.path !== lead.path).map((f) => f.path))];
    if (!copies.length) continue;
    kept.set(lead, copies);
    for (const f of group) if (f !== lead && f.path !== lead.path) dropped.add(f);
  }
  // The same finding twice at one line (two agent steps of one job saying the same): once.
  const seen = new Set<string>();
  for (const f of findings) {
    const at = `${f.id}\u0000${f.path}\u0000${f.line ?? ''}\u0000${f.severity}\u0000${f.message}`;
    if (seen.has(at)) dropped.add(f);
    seen.add(at);
  }
  const out = findings
    .filter((f) => !dropped.has(f))
    .map((f) => (kept.has(f) ? { ...f, message: `${f.message} (the same in ${kept.get(f)!.join(', ')})` } : f));
  return oneSharedSource(out);
}

/**
 * Instruction files that point at AGENTS.md (a CLAUDE.md symlink in every package) are one
 * decision, whatever their number: credited once per tool, at the file nearest the root, naming
 * how many more.
 */
function oneSharedSource(findings: Finding[]): Finding[] {
  const shared = findings.filter((f) => f.kind === 'protective' && f.id.endsWith('.instructions-shared'));
  if (!shared.length) return findings;
  const lead = new Map<string, Finding>();
  for (const f of shared) {
    const held = lead.get(f.id);
    if (!held || depth(f.path) < depth(held.path) || (depth(f.path) === depth(held.path) && f.path < held.path)) lead.set(f.id, f);
  }
  const others = (f: Finding) => shared.filter((g) => g.id === f.id && g !== f).length;
  return findings.flatMap((f) => {
    if (!shared.includes(f)) return [f];
    if (lead.get(f.id) !== f) return [];
    const more = others(f);
    return [more ? { ...f, message: `${f.message} (and ${more} more file${more > 1 ? 's' : ''} like it)` } : f];
  });
}
