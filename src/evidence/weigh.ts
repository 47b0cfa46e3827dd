// Holds repository evidence against the answers: proposes answers where the team said nothing or
// "unknown", and reports every disagreement as a finding of its own. Never changes an answer.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { Answers } from '../answers/model.js';
import type { ReportEvidence } from '../report/model.js';
import type { Finding, ScanResult } from '../scan/types.js';
import type { EvidenceMap } from './map.js';

const where = (f: Finding) => (f.line ? `${f.path}:${f.line}` : f.path);

export function weighEvidence(checklist: LoadedChecklist, answers: Answers, scan: ScanResult, map: EvidenceMap | undefined): ReportEvidence {
  const byId = new Map(checklist.questions.map((q) => [q.id, q]));
  const proposals = new Map<string, { ids: string[]; because: string[] }>();
  const disagreements: ReportEvidence['disagreements'] = [];
  for (const entry of map?.entries ?? []) {
    const q = byId.get(entry.question);
    if (!q) continue;
    for (const f of scan.findings.filter((x) => x.id === entry.finding)) {
      const given = answers.answers[q.id]?.value;
      const ids = given?.kind === 'choices' ? given.ids : undefined;
      if (!given || given.kind === 'unknown') {
        if (entry.proposes === undefined) continue;
        const p = proposals.get(q.id) ?? { ids: [], because: [] };
        const proposed = Array.isArray(entry.proposes) ? entry.proposes : [entry.proposes];
        p.ids = q.type === 'multi' ? [...new Set([...p.ids, ...proposed])] : p.ids.length ? p.ids : proposed;
        p.because = [...new Set([...p.because, `${where(f)}: ${f.message}`])];
        proposals.set(q.id, p);
        continue;
      }
      if (!ids) continue;
      const c = entry.contradicts;
      const contradicted = 'anyOf' in c ? c.anyOf.some((x) => ids.includes(x)) : !ids.includes(c.missing);
      if (contradicted)
        disagreements.push({
          question: q.id,
          questionText: q.text,
          answer: labels(q, ids),
          finding: f.id,
          where: where(f),
          message: `answered: ${labels(q, ids)}; ${where(f)}: ${f.message}`,
        });
    }
  }
  return {
    root: scan.root,
    tools: scan.tools.map((t) => ({ id: t.id, name: t.name, files: t.files })),
    findings: scan.findings.map((f) => ({ id: f.id, tool: f.tool, failureMode: f.failureMode, severity: f.severity, kind: f.kind, where: where(f), message: f.message, recommendation: f.recommendation ?? null })),
    notObservable: scan.notObservable.map((n) => ({ failureMode: n.failureMode, message: n.message })),
    proposals: [...proposals.entries()]
      .sort(([a], [b]) => byId.get(a)!.index - byId.get(b)!.index)
      .map(([id, p]) => ({ question: id, questionText: byId.get(id)!.text, proposed: labels(byId.get(id)!, p.ids), value: p.ids, because: p.because })),
    disagreements: dedupe(disagreements),
  };
}

function labels(q: ResolvedQuestion, ids: string[]): string {
  return ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ');
}

function dedupe<T extends { message: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.message) ? false : (seen.add(x.message), true)));
}
