// Holds evidence against the answers: the repository's files (scan) and its platform settings (a
// saved `gh api` bundle), under one set of rules. Pure. Where the team said nothing or "unknown",
// the evidence proposes an answer (listed, not scored). Where it contradicts an answer, the answer
// is disputed: the claim is kept for the record and the answer the evidence implies is what gets
// scored, unless the answer acknowledges that finding with a reason. Where it bears an answer out,
// the answer is corroborated.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { Answers, ResolvedAnswer } from '../answers/model.js';
import type { ReportEvidence } from './model.js';
import type { Finding, ScanResult, Severity } from '../detectors/types.js';
import { findingKey } from '../checklist/finding-key.js';
import { reopenScope } from './reopen.js';
import type { EvidenceEntry, EvidenceMap } from '../checklist/evidence-map.js';
import type { PlatformEvidence } from '../platform/signals.js';

export interface Weighed {
  evidence: ReportEvidence;
  /** The answers with every unsettled dispute replaced by what the evidence implies. */
  adjusted: Answers;
}

type Dispute = ReportEvidence['disputes'][number];
type Acknowledgement = ReportEvidence['acknowledged'][number];
type Corroboration = ReportEvidence['corroborations'][number];

const where = (f: Finding) => (f.line ? `${f.path}:${f.line}` : f.path);
const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

/** The evidence to weigh: the repository's files, its platform settings, or both. */
export interface EvidenceSources {
  scan?: ScanResult;
  platform?: PlatformEvidence;
}

export function weighEvidence(checklist: LoadedChecklist, answers: Answers, sources: EvidenceSources, map: EvidenceMap | undefined): Weighed {
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const proposals = new Map<string, { ids: string[]; because: string[]; where: string[] }>();
  const against = new Map<string, { entry: EvidenceEntry; finding: Finding }[]>();
  const acknowledged: Acknowledgement[] = [];
  const corroborations: Corroboration[] = [];
  // Each source is read through its own section of the map; from here on they are alike.
  const pairs = [
    ...(map?.entries ?? []).map((entry) => ({ entry, findings: sources.scan?.findings ?? [] })),
    ...(map?.platform ?? []).map((entry) => ({ entry, findings: sources.platform?.findings ?? [] })),
  ];
  for (const { entry, findings: all } of pairs) {
    const q = byId.get(entry.question);
    if (!q) continue;
    for (const f of all.filter((x) => x.id === entry.finding)) {
      const given = answers.answers[q.id];
      const value = given?.value;
      if (!value || value.kind === 'unknown') {
        if (entry.proposes !== undefined) addProposal(proposals, q, entry.proposes, where(f), f.message);
        continue;
      }
      if (value.kind === 'choices' && entry.corroborates?.anyOf.some((id) => value.ids.includes(id)))
        corroborations.push({ question: q.id, questionText: q.text, finding: findingKey(f), where: where(f), message: f.message });
      if (value.kind !== 'choices' || !contradicts(entry, value.ids)) continue;
      if (entry.disputesFrom && severityRank[f.severity] < severityRank[entry.disputesFrom]) continue;
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

  const allFindings = [...(sources.scan?.findings ?? []), ...(sources.platform?.findings ?? [])];
  const keys = new Set(allFindings.map(findingKey));
  const stale = checklist.questions.flatMap((q) =>
    (answers.answers[q.id]?.acknowledge ?? []).filter((a) => !keys.has(a.finding)).map((a) => ({ question: q.id, finding: a.finding, reason: a.reason })),
  );
  return {
    adjusted,
    evidence: {
      root: sources.scan?.root ?? null,
      tools: (sources.scan?.tools ?? []).map((t) => ({ id: t.id, name: t.name, files: t.files })),
      findings: allFindings.map((f) => ({
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
      // What the files cannot show; a platform bundle that shows it takes the line's place.
      notObservable: (sources.scan?.notObservable ?? [])
        .filter((n) => !sources.platform?.shows.includes(n.id))
        .map((n) => ({ failureMode: n.failureMode, message: n.message })),
      skipped: (sources.scan?.skipped ?? []).map((s) => ({ path: s.path, reason: s.reason })),
      notActive: sources.scan
        ? { excludes: sources.scan.notActive.excludes, count: sources.scan.notActive.findings.length, unmatched: sources.scan.notActive.unmatched }
        : { excludes: [], count: 0, unmatched: [] },
      platform: sources.platform
        ? {
            repository: sources.platform.repository,
            branch: sources.platform.branch,
            collectedAt: sources.platform.collectedAt,
            unreadable: sources.platform.unreadable,
          }
        : null,
      corroborations: dedupeBy(corroborations, (c) => `${c.question}|${c.finding}`),
      proposals: [...proposals.entries()]
        .sort(([a], [b]) => byId.get(a)!.index - byId.get(b)!.index)
        .map(([id, p]) => ({
          question: id,
          questionText: byId.get(id)!.text,
          proposed: labels(byId.get(id)!, p.ids),
          value: p.ids,
          because: p.because,
          where: p.where,
        })),
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

function addProposal(
  proposals: Map<string, { ids: string[]; because: string[]; where: string[] }>,
  q: ResolvedQuestion,
  proposes: string | string[],
  at: string,
  message: string,
): void {
  const p = proposals.get(q.id) ?? { ids: [], because: [], where: [] };
  const proposed = Array.isArray(proposes) ? proposes : [proposes];
  p.ids = q.type === 'multi' ? [...new Set([...p.ids, ...proposed])] : p.ids.length ? p.ids : proposed;
  p.because = [...new Set([...p.because, `${at}: ${message}`])];
  p.where = [...new Set([...p.where, at])];
  proposals.set(q.id, p);
}

function labels(q: ResolvedQuestion, ids: string[]): string {
  return ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ') || 'None selected';
}

function dedupeBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}
