// One job that runs its agent in several steps (plan, implement, commit) holds the same token and
// the same flags in each: that is one decision about the job, so it is one finding, cited at the
// first step and naming the others. Counting it per step would make one job look like several
// risks and outweigh a second job's different one.
import type { FindingDraft } from '../types.js';

/** Folds the risks `out` gained since index `from` that repeat word for word within one job. */
export function foldRepeats(out: FindingDraft[], from: number): void {
  const added = out.splice(from);
  const first = new Map<string, { finding: FindingDraft; lines: number[] }>();
  const kept: FindingDraft[] = [];
  for (const f of added) {
    const key = `${f.id}\u0000${f.path}\u0000${f.severity}\u0000${f.message}`;
    const lead = f.kind === 'risk' ? first.get(key) : undefined;
    if (lead) {
      if (f.line !== undefined && f.line !== lead.finding.line && !lead.lines.includes(f.line)) lead.lines.push(f.line);
      continue;
    }
    if (f.kind === 'risk') first.set(key, { finding: f, lines: [] });
    kept.push(f);
  }
  for (const f of kept) {
    const lines = f.kind === 'risk' ? first.get(`${f.id}\u0000${f.path}\u0000${f.severity}\u0000${f.message}`)?.lines : undefined;
    out.push(lines?.length ? { ...f, message: `${f.message} (the same at line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})` } : f);
  }
}
