// Holds repository evidence against the answers. Pure. Where the team said nothing or "unknown",
// the evidence proposes an answer (listed, not scored). Where it contradicts an answer, the answer
// is disputed: the claim is kept for the record and the answer the evidence implies is what gets
// scored, unless the answer acknowledges that finding with a reason.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { Answers, ResolvedAnswer } from '../answers/model.js';
import type { ReportEvidence } from './model.js';
import type { Finding, ScanResult, Severity } from '../detectors/types.js';
import { findingKey } from '../checklist/finding-key.js';
import { reopenScope } from './reopen.js';
import type { EvidenceEntry, EvidenceMap } from '../checklist/evidence-map.js';

export interface Weighed {
  evidence: ReportEvidence;
  /** The answers with every unsettled dispute replaced by what the evidence implies. */
  adjusted: Answers;
}

type Dispute = ReportEvidence['disputes'][number];
type Acknowledgement = ReportEvidence['acknowledged'][number];

const where = (f: Finding) => (f.line ? `${f.path}:${f.line}` : f.path);
const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

export function weighEvidence(checklist: LoadedChecklist, answers: Answers, scan: ScanResult, map: EvidenceMap | undefined): Weighed {
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const proposals = new Map<string, { ids: string[]; because: string[] }>();
  const against = new Map<string, { entry: EvidenceEntry; finding: Finding }[]>();
  const acknowledged: Acknowledgement[] = [];
  for (const entry of map?.entries ?? []) {
    const q = byId.get(entry.question);
    if (!q) continue;
    for (const f of scan.findings.filter((x) => x.id === entry.finding)) {
      const given = answers.answers[q.id];
      const value = given?.value;
      if (!value || value.kind === 'unknown') {
        if (entry.proposes !== undefined) addProposal(proposals, q, entry.proposes, `${where(f)}: ${f.message}`);
        continue;
      }
      if (value.kind !== 'choices' || !contradicts(entry, value.ids)) continue;
      const ack = given.acknowledge.find((a) => a.finding === findingKey(f));
      if (ack) {
        acknowledged.push({ question: q.id, questionText: q.text, finding: ack.finding, where: where(f), message: f.message, reason: ack.reason });
        continue;
      }
      against.set(q.id, [...(against.get(q.id) ?? []), { entry, finding: f }]);
    }
  }

  const adjustedAnswers: Record<string, ResolvedAnswer> = { ...answers.answers };
  const disputes: Dispute[] = [];
  for (const q of checklist.questions) {
    const hits = against.get(q.id);
    const given = answers.answers[q.id];
    if (!hits || given?.value.kind !== 'choices') continue;
    const claimed = given.value.ids;
    const implied = impliedAnswer(
      q,
      claimed,
      hits.map((h) => h.entry),
    );
    adjustedAnswers[q.id] = { ...given, value: { kind: 'choices', ids: implied } };
    const findings = dedupeBy(
      hits.map(({ finding: f }) => ({ key: findingKey(f), where: where(f), severity: f.severity, message: f.message })),
      (x) => `${x.where}|${x.message}`,
    );
    disputes.push({
      question: q.id,
      questionText: q.text,
      obligation: q.obligation ?? null,
      context: q.context,
      claimed: labels(q, claimed),
      claimedValue: claimed,
      implied: labels(q, implied),
      impliedValue: implied,
      severity: findings.reduce<Severity>((s, f) => (severityRank[f.severity] > severityRank[s] ? f.severity : s), 'info'),
      findings,
      reopened: [],
    });
  }
  const adjusted: Answers = { ...answers, answers: adjustedAnswers };
  // A contradicted context answer is a scope claim: what it took out of scope comes back, as
  // unknown (an answer given to a question the claim hid was never part of the assessment).
  for (const d of disputes.filter((x) => x.context)) d.reopened = reopenScope(checklist, d.question, answers, adjustedAnswers);

  const keys = new Set(scan.findings.map(findingKey));
  const stale = checklist.questions.flatMap((q) =>
    (answers.answers[q.id]?.acknowledge ?? []).filter((a) => !keys.has(a.finding)).map((a) => ({ question: q.id, finding: a.finding, reason: a.reason })),
  );
  return {
    adjusted,
    evidence: {
      root: scan.root,
      tools: scan.tools.map((t) => ({ id: t.id, name: t.name, files: t.files })),
      findings: scan.findings.map((f) => ({
        key: findingKey(f),
        id: f.id,
        tool: f.tool,
        failureMode: f.failureMode,
        severity: f.severity,
        kind: f.kind,
        where: where(f),
        message: f.message,
        recommendation: f.recommendation ?? null,
      })),
      notObservable: scan.notObservable.map((n) => ({ failureMode: n.failureMode, message: n.message })),
      skipped: scan.skipped.map((s) => ({ path: s.path, reason: s.reason })),
      notActive: { excludes: scan.notActive.excludes, count: scan.notActive.findings.length, unmatched: scan.notActive.unmatched },
      proposals: [...proposals.entries()]
        .sort(([a], [b]) => byId.get(a)!.index - byId.get(b)!.index)
        .map(([id, p]) => ({ question: id, questionText: byId.get(id)!.text, proposed: labels(byId.get(id)!, p.ids), value: p.ids, because: p.because })),
      disputes,
      acknowledged,
      staleAcknowledgements: stale,
    },
  };
}

function contradicts(entry: EvidenceEntry, ids: string[]): boolean {
  const c = entry.contradicts;
  if (!c) return false;
  return 'anyOf' in c ? c.anyOf.some((x) => ids.includes(x)) : !ids.includes(c.missing);
}

/**
 * What the evidence says the answer really is. Multi-select: the contradicted practices go, the
 * missing tools come in. One choice: the lowest-scored answer any contradicting entry implies.
 */
function impliedAnswer(q: ResolvedQuestion, claimed: string[], entries: EvidenceEntry[]): string[] {
  const order = (id: string) => q.choices.findIndex((c) => c.id === id);
  if (q.type === 'multi') {
    const ids = new Set(claimed);
    for (const e of entries) {
      if (!e.contradicts) continue;
      if ('anyOf' in e.contradicts) for (const id of e.contradicts.anyOf) ids.delete(id);
      else {
        for (const c of q.choices) if (c.exclusive) ids.delete(c.id);
        ids.add(e.contradicts.missing);
      }
    }
    return [...ids].sort((a, b) => order(a) - order(b));
  }
  const score = (id: string) => q.choices.find((c) => c.id === id)?.score ?? 0;
  const implied = entries.map((e) => e.implies!).filter(Boolean);
  // Context choices carry no score: keep the map's order, so the first entry decides.
  const lowest = q.context ? implied[0]! : implied.reduce((a, b) => (score(b) < score(a) ? b : a));
  return [lowest];
}

function addProposal(proposals: Map<string, { ids: string[]; because: string[] }>, q: ResolvedQuestion, proposes: string | string[], because: string): void {
  const p = proposals.get(q.id) ?? { ids: [], because: [] };
  const proposed = Array.isArray(proposes) ? proposes : [proposes];
  p.ids = q.type === 'multi' ? [...new Set([...p.ids, ...proposed])] : p.ids.length ? p.ids : proposed;
  p.because = [...new Set([...p.because, because])];
  proposals.set(q.id, p);
}

function labels(q: ResolvedQuestion, ids: string[]): string {
  return ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ') || 'None selected';
}

function dedupeBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}
