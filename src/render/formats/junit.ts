// JUnit XML, for the test dashboards of GitLab, Jenkins and Azure DevOps: one test suite per
// failure mode, one test case per question, in the suite of its first (primary) failure mode, so
// one problem is one failure; the other failure modes it informs are named in its output
// (junit-4.xsd allows no properties on a test case). A failure is an unmet must or a high risk;
// N/A and out-of-scope questions are skipped with the reason; an unknown answer is skipped with a
// message that starts "Unknown", so it shows; an accepted risk is skipped with its owner and date
// until it expires. Written with xmlbuilder2, which escapes text and drops characters XML 1.0
// cannot hold. No timestamps: the same report gives the same bytes.
import { create } from 'xmlbuilder2';
import type { Report, ReportQuestion } from '../../report/model.js';
import { problemOf } from '../../scoring/problem.js';
import type { ReportFormat } from './types.js';

type Outcome = { kind: 'pass' } | { kind: 'failure'; type: string; message: string } | { kind: 'skipped'; message: string };

function outcome(q: ReportQuestion): Outcome {
  if (q.status === 'na') return { kind: 'skipped', message: `N/A: ${q.naReason ?? ''}` };
  if (q.status === 'not-asked' || q.status === 'out-of-scope') return { kind: 'skipped', message: `Not applicable: ${q.notAskedReason ?? q.status}` };
  // As for the gates: accepting a risk is not accepting that the evidence contradicts the answer.
  if (q.obligation === 'must' && q.dispute)
    return {
      kind: 'failure',
      type: 'disputed-must',
      message: `Must disputed by evidence: answered ${q.dispute.claimed}, scored as ${q.answer} (${q.dispute.findings.join(', ')})`,
    };
  if (q.accepted && !q.accepted.expired && (q.risk === 'high' || (q.obligation === 'must' && q.met === false)))
    return { kind: 'skipped', message: `Accepted risk: ${q.accepted.owner} until ${q.accepted.until}: ${q.accepted.reason}` };
  if (q.obligation === 'must' && q.met === false) return { kind: 'failure', type: 'unmet-must', message: `Must not met: ${problemOf(q)}` };
  if (q.risk === 'high') return { kind: 'failure', type: 'high-risk', message: `High risk: ${problemOf(q)}` };
  if (q.status === 'unknown' || q.status === 'unanswered')
    return { kind: 'skipped', message: `Unknown: not answered, so it earns nothing${q.obligation === 'must' ? ' (a must: unverified)' : ''}` };
  return { kind: 'pass' };
}

export function junitXml(r: Report): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const byMode = r.failureModes.map((fm) => ({ fm, cases: r.questions.filter((q) => q.failureModes[0]?.id === fm.id).map((q) => ({ q, o: outcome(q) })) }));
  const count = (kind: Outcome['kind']) => byMode.reduce((s, m) => s + m.cases.filter((c) => c.o.kind === kind).length, 0);
  const root = doc.ele('testsuites', {
    name: `rollout-check: ${[r.metadata.organization ?? r.metadata.client, r.metadata.team].filter(Boolean).join(' / ') || r.checklist.title}`,
    tests: String(byMode.reduce((s, m) => s + m.cases.length, 0)),
    failures: String(count('failure')),
    errors: '0',
    time: '0',
  });
  for (const { fm, cases } of byMode) {
    const suite = root.ele('testsuite', {
      name: `${fm.id} ${fm.title}`,
      tests: String(cases.length),
      failures: String(cases.filter((c) => c.o.kind === 'failure').length),
      errors: '0',
      skipped: String(cases.filter((c) => c.o.kind === 'skipped').length),
      time: '0',
    });
    suite
      .ele('properties')
      .ele('property', { name: 'score', value: fm.score === null ? 'n/a' : String(fm.score) })
      .up()
      .ele('property', { name: 'verdict', value: r.verdict.id })
      .up()
      .ele('property', { name: 'verdict-basis', value: r.overall.basis ?? 'n/a' })
      .up()
      .ele('property', { name: 'corroborated', value: fm.evidence.corroborated === null ? 'n/a' : `${fm.evidence.corroborated}%` });
    for (const { q, o } of cases) {
      const tc = suite.ele('testcase', { name: `${q.id}: ${q.text}`, classname: `rollout-check.${fm.id}`, time: '0' });
      if (o.kind === 'failure') tc.ele('failure', { message: o.message, type: o.type }).txt(`${q.text}\nAnswer: ${q.answer}\nWhy it matters: ${q.why}`);
      // junit-4.xsd gives <skipped> text, not a message attribute.
      if (o.kind === 'skipped') tc.ele('skipped').txt(o.message);
      tc.ele('system-out').txt(
        `Answer: ${q.answer}${q.score === null ? '' : ` (score ${Math.round(q.score * 100)}%)`}\nFailure modes: ${q.failureModes.map((f) => f.id).join(', ')}\nProvenance: ${q.provenance.status}${q.provenance.sources.length ? ` (${q.provenance.sources.join(', ')})` : ''}`,
      );
    }
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}

export const junit: ReportFormat = {
  id: 'junit',
  extension: '.xml',
  description: 'JUnit XML: a test suite per failure mode, each question once under its primary failure mode (failures: unmet musts and high risks).',
  render: (report) => junitXml(report),
};
