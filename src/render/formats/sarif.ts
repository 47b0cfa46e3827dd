// SARIF 2.1.0, for GitHub code scanning and every other SARIF reader. Unmet musts, high risks,
// disputed answers and history disagreements point at the answer's line in the answers file;
// repository findings point at their file and line. Accepted risks are reported as suppressed,
// with their reason. Fingerprints leave out line numbers, so a result keeps its identity when the
// file around it is edited.
import { createHash } from 'node:crypto';
import type { Report, ReportQuestion } from '../../report/model.js';
import { problemOf, stepFor } from '../../scoring/problem.js';
import type { ReportFormat } from './types.js';

type Level = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  name: string;
  short: string;
  full: string;
  help: string;
  failureMode: string;
  level: Level;
}

export interface SarifResult {
  rule: SarifRule;
  message: string;
  uri: string;
  line?: number;
  /** What identifies the result across runs: never the line. */
  identity: string;
  suppression?: string;
}

const informationUri = 'https://www.npmjs.com/package/rollout-check';
const severityLevel = { high: 'error', medium: 'warning', low: 'note', info: 'note' } as const;

/** PascalCase of an id, as SARIF readers like rule names: "fm3.human-review" -> "Fm3HumanReview". */
const nameOf = (id: string): string => id.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** The results of an assessment, in a stable order: questions in checklist order, then findings. */
export function assessmentResults(r: Report): SarifResult[] {
  const uri = r.answers.path || r.answers.file;
  const results: SarifResult[] = [];
  const questionRule = (q: ReportQuestion, level: Level): SarifRule => ({
    id: q.id,
    name: nameOf(q.id),
    short: sentence(q.text),
    full: sentence(`${q.text} ${q.why}`),
    help: sentence(stepFor(r.nextSteps, q.id) ?? q.why),
    failureMode: q.failureModes.map((f) => f.id).join(' ') || 'context',
    level,
  });
  for (const q of r.questions) {
    const unmetMust = q.obligation === 'must' && q.met === false;
    const high = q.risk === 'high';
    const suppression = q.accepted && !q.accepted.expired ? `Accepted by ${q.accepted.owner} until ${q.accepted.until}: ${q.accepted.reason}` : undefined;
    if (unmetMust || high) {
      const why = unmetMust ? 'a must that is not met' : 'a high risk';
      const step = stepFor(r.nextSteps, q.id);
      results.push({
        rule: questionRule(q, 'error'),
        message: sentence(`${q.text} ${capitalise(problemOf(q))} (${why}).${step ? ` Next step: ${step}` : ''}`),
        uri,
        line: r.answers.lines[q.id],
        identity: `${q.id}|answer`,
        suppression,
      });
    }
    if (q.dispute)
      results.push({
        rule: {
          ...questionRule(q, 'warning'),
          id: `${q.id}/disputed`,
          name: `${nameOf(q.id)}Disputed`,
          short: sentence(`The repository disputes the answer to ${q.id}`),
        },
        message: sentence(`Answered ${q.dispute.claimed}; the repository shows otherwise (${q.dispute.findings.join(', ')}) and ${q.answer} is scored`),
        uri,
        line: r.answers.lines[q.id],
        identity: `${q.id}|disputed`,
      });
  }
  for (const d of r.history?.disagreements ?? []) {
    const q = r.questions.find((x) => x.id === d.question)!;
    results.push({
      rule: {
        ...questionRule(q, 'warning'),
        id: `${d.signal}/${d.question}`,
        name: `${nameOf(d.signal)}${nameOf(d.question)}`,
        short: sentence(`The git history disagrees with the answer to ${d.question}`),
      },
      message: sentence(`Answered ${d.claimed}; the history shows: ${d.message}`),
      uri,
      line: r.answers.lines[d.question],
      identity: `${d.signal}|${d.question}`,
    });
  }
  for (const f of r.evidence?.findings ?? []) {
    if (f.kind !== 'risk') continue;
    // A platform setting is in no file: it is shown at the answer it disputes, or at the top of
    // the answers file, the file the assessment is about.
    if (f.where.startsWith('platform:')) {
      const disputed = r.evidence!.disputes.find((d) => d.findings.some((x) => x.key === f.key));
      results.push({ ...findingResult({ ...f, path: uri }), line: (disputed && r.answers.lines[disputed.question]) || 1 });
      continue;
    }
    results.push(findingResult({ ...f, ...splitWhere(f.where) }));
  }
  return results;
}

/** A repository risk at its file and line: the same result from `scan` and from `assess --scan`. */
export function findingResult(f: {
  id: string;
  key: string;
  failureMode: string;
  severity: keyof typeof severityLevel;
  message: string;
  recommendation?: string | null;
  path: string;
  line?: number;
}): SarifResult {
  return {
    rule: {
      id: f.id,
      name: nameOf(f.id),
      short: sentence(f.message),
      full: sentence(`${f.failureMode}: ${f.message}`),
      help: sentence(f.recommendation ?? f.message),
      failureMode: f.failureMode,
      level: severityLevel[f.severity],
    },
    message: sentence(f.message),
    uri: f.path,
    line: f.line,
    identity: f.key,
  };
}

function splitWhere(where: string): { path: string; line?: number } {
  const m = /^(.*):(\d+)$/.exec(where);
  return m ? { path: m[1]!, line: Number(m[2]) } : { path: where };
}

/** Pure: a SARIF log of one run. */
export function sarifLog(version: string, results: SarifResult[], properties?: Record<string, string>): string {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  for (const r of results) if (!index.has(r.rule.id)) index.set(r.rule.id, rules.push(r.rule) - 1);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rollout-check',
            version,
            semanticVersion: version,
            informationUri,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.full },
              help: { text: rule.help },
              helpUri: informationUri,
              defaultConfiguration: { level: rule.level },
              properties: { tags: [...rule.failureMode.split(' '), 'ai-agents'] },
            })),
          },
        },
        results: results.map((r) => ({
          ruleId: r.rule.id,
          ruleIndex: index.get(r.rule.id),
          level: r.rule.level,
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.uri.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                // A finding about a whole file (or one that should exist and does not) is shown at its top.
                region: { startLine: r.line || 1 },
              },
            },
          ],
          partialFingerprints: { 'rolloutCheck/v1': createHash('sha256').update(`${r.rule.id}|${r.uri}|${r.identity}`).digest('hex').slice(0, 32) },
          ...(r.suppression ? { suppressions: [{ kind: 'external', justification: r.suppression }] } : {}),
        })),
        columnKind: 'utf16CodeUnits',
        ...(properties ? { properties } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export const sarif: ReportFormat = {
  id: 'sarif',
  extension: '.sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning: unmet musts, high risks and disputes at their answer, repository risks at their file and line.',
  // The verdict and what it rests on travel with the run, for a dashboard reading the log.
  render: (report) => sarifLog(report.tool.version, assessmentResults(report), { verdict: report.verdict.id, verdictBasis: report.overall.basis ?? 'n/a' }),
};
