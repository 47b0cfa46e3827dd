// One job that runs its agent in several steps (plan, implement, commit) holds the same token and
// the same flags in each: that is one decision about the job, so it is one finding, cited at the
// first step and naming the others. Counting it per step would make one job look like several
// risks and outweigh a second job's different one.
import type { FindingDraft } from '../types.js';

/** Folds the risks `out` gained since index `from` that repeat word for word within one job. */
export function foldRepeats(out: FindingDraft[], from: number): void {
  const added = out.splice(from);
  const leads = new Map<string, FindingDraft>();
  const later = new Map<FindingDraft, number[]>();
  for (const f of added) {
    const key = `${f.id}\u0000${f.path}\u0000${f.severity}\u0000${f.message}`;
    const lead = f.kind === 'risk' ? leads.get(key) : undefined;
    if (!lead) {
      if (f.kind === 'risk') leads.set(key, f);
      out.push(f);
      continue;
    }
    const lines = later.get(lead) ?? [];
    if (f.line !== undefined && f.line !== lead.line && !lines.includes(f.line)) later.set(lead, [...lines, f.line]);
  }
  for (let i = from; i < out.length; i++) {
    const lines = later.get(out[i]!);
    if (lines?.length) out[i] = { ...out[i]!, message: `${out[i]!.message} (the same at line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})` };
  }
}
