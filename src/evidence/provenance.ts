// Pure: where each answer's standing comes from. One place decides it, from what weighing the
// evidence produced, so every format and the portfolio read it rather than recompute it:
//   disputed      evidence contradicts the answer (and nobody acknowledged it);
//   corroborated  evidence bears the answer out (a file, the history or a platform setting);
//   proposed      no answer (or unknown), and the evidence suggests one;
//   self-reported everything else: the answer rests on what the team said.
// The shares of a failure mode's weight follow: an answer counts with its weight in scope, and
// "proposed" counts as self-reported, since nothing was scored from it.
import type { ReportEvidence, ReportHistory } from './model.js';

export const provenanceStatuses = ['self-reported', 'corroborated', 'disputed', 'proposed'] as const;
export type ProvenanceStatus = (typeof provenanceStatuses)[number];
export interface Provenance {
  status: ProvenanceStatus;
  /** Where it comes from: "file:line", "platform:<path>", "history:<signal>". */
  sources: string[];
}

export function provenanceOf(questionId: string, evidence: ReportEvidence | null | undefined, history: ReportHistory | null | undefined): Provenance {
  const dispute = evidence?.disputes.find((d) => d.question === questionId);
  if (dispute) return { status: 'disputed', sources: unique(dispute.findings.map((f) => f.where)) };
  const corroborated = evidence?.corroborations.filter((c) => c.question === questionId) ?? [];
  if (corroborated.length) return { status: 'corroborated', sources: unique(corroborated.map((c) => c.where)) };
  const proposed = [
    ...(evidence?.proposals.filter((p) => p.question === questionId).flatMap((p) => p.where) ?? []),
    ...(history?.proposals.filter((p) => p.question === questionId).map((p) => `history:${p.signal}`) ?? []),
  ];
  if (proposed.length) return { status: 'proposed', sources: unique(proposed) };
  return { status: 'self-reported', sources: [] };
}

export interface EvidenceShares {
  /** Percent of the weight in scope, whole numbers adding up to 100; null with nothing in scope. */
  corroborated: number | null;
  disputed: number | null;
  selfReported: number | null;
}

/** Out of scope, N/A and not asked carry no weight: they are not part of what the score rests on. */
const inScope = new Set(['answered', 'unknown', 'unanswered']);

export function evidenceShares(
  questions: readonly { status: string; failureModes: readonly { id: string; weight: number }[]; provenance: { status: ProvenanceStatus } }[],
  failureMode?: string,
): EvidenceShares {
  let total = 0;
  let corroborated = 0;
  let disputed = 0;
  for (const q of questions) {
    if (!inScope.has(q.status)) continue;
    const weight = q.failureModes.filter((f) => failureMode === undefined || f.id === failureMode).reduce((n, f) => n + f.weight, 0);
    total += weight;
    if (q.provenance.status === 'corroborated') corroborated += weight;
    if (q.provenance.status === 'disputed') disputed += weight;
  }
  if (!total) return { corroborated: null, disputed: null, selfReported: null };
  const [c, d, r] = wholePercents([corroborated, disputed, total - corroborated - disputed], total);
  return { corroborated: c!, disputed: d!, selfReported: r! };
}

/** Whole percents that add up to 100: each part rounded down, the rest to the largest remainders. */
function wholePercents(parts: number[], total: number): number[] {
  const exact = parts.map((p) => (p / total) * 100);
  const floors = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = 100 - floors.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) floors[order[k]!.i]!++;
  return floors;
}

/** "64% of the weight corroborated, 36% self-reported": what the verdict rests on. */
export function basisLine(shares: EvidenceShares): string | null {
  if (shares.corroborated === null) return null;
  const parts = (
    [
      [shares.corroborated, 'corroborated'],
      [shares.disputed, 'disputed'],
      [shares.selfReported, 'self-reported'],
    ] as const
  ).filter(([n]) => n);
  return parts.map(([n, what], i) => `${n}%${i === 0 ? ' of the weight' : ''} ${what}`).join(', ');
}

const unique = (xs: string[]) => [...new Set(xs)];
