// One row per question, for clients who live in spreadsheets. RFC 4180 quoting, CRLF line ends.
import type { ReportFormat } from './types.js';

// `answer`, `score` and `risk` are what is scored (evidence-adjusted under --scan); a disputed
// answer keeps the team's claim in `claimed_answer` and the findings behind it in `disputed_by`;
// `history_disagrees` lists what the git history (`--history`) shows against the answer.
const columns = [
  'question_id',
  'question',
  'failure_modes',
  'answer',
  'status',
  'score',
  'risk',
  'obligation',
  'claimed_answer',
  'disputed_by',
  'history_disagrees',
  'provenance',
  'provenance_sources',
  'accepted',
  'note',
  'owasp_agentic',
] as const;

// A team assessment adds who answered, how far apart, and each respondent's answer.
const teamColumns = ['respondents', 'spread', 'divergent', 'responses'] as const;

export const csv: ReportFormat = {
  id: 'csv',
  extension: '.csv',
  description:
    'One row per question: question, failure modes, answer, score, risk, obligation, claimed answer and disputing findings, what the history disagrees with, note, OWASP agentic risks; for a team, how many answered, how far apart (points) and who said what.',
  render: (report) => {
    const disagreements = (id: string) =>
      (report.history?.disagreements ?? [])
        .filter((d) => d.question === id)
        .map((d) => `${d.signal}: ${d.message}`)
        .join(' | ');
    const team = report.respondents.length > 1;
    const divergent = new Set(report.divergent.items.map((d) => d.question));
    const spread = (scores: (number | null)[]) => {
      const xs = scores.filter((s): s is number => s !== null);
      return xs.length > 1 ? String(Math.round((Math.max(...xs) - Math.min(...xs)) * 100)) : '';
    };
    const rows = report.questions.map((q) => [
      q.id,
      q.text,
      q.failureModes.map((f) => f.id).join(' ') || 'context',
      q.answer,
      q.status,
      q.score === null ? '' : String(Math.round(q.score * 100)),
      q.risk ?? '',
      q.obligation ?? 'context',
      q.dispute?.claimed ?? '',
      q.dispute?.findings.join(' ') ?? '',
      disagreements(q.id),
      q.provenance.status,
      q.provenance.sources.join(' '),
      q.accepted ? `${q.accepted.expired ? 'expired' : 'accepted'} until ${q.accepted.until} by ${q.accepted.owner}: ${q.accepted.reason}` : '',
      q.note ?? '',
      q.references.owaspAgentic.map((o) => o.id).join(' '),
      ...(team
        ? [
            String(q.responses.length),
            spread(q.responses.map((r) => r.score)),
            divergent.has(q.id) ? 'yes' : 'no',
            q.responses.map((r) => `${r.name} (${r.role}): ${r.answer}`).join('; '),
          ]
        : []),
    ]);
    return [[...columns, ...(team ? teamColumns : [])] as readonly string[], ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  },
};

export function cell(value: string): string {
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula: keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
