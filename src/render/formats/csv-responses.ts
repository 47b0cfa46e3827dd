// The long CSV of a team assessment: one row per respondent and question, for pivot tables. Its
// columns are those `import` reads (respondent.*, metadata.*, question_id, value), so exporting it
// and importing it again gives back each respondent's answers.
import { cell } from './csv.js';
import type { ReportFormat } from './types.js';

export const responseColumns = [
  'respondent.name',
  'respondent.role',
  'metadata.organization',
  'metadata.team',
  'metadata.date',
  'question_id',
  'question',
  'failure_modes',
  'value',
  'answer',
  'score',
  'merged_answer',
  'divergent',
] as const;

export const csvResponses: ReportFormat = {
  id: 'csv-responses',
  extension: '.csv',
  description: 'CSV, one row per respondent and question (assess or report --format csv --csv-layout responses); import reads it back.',
  render: (report) => {
    const m = report.metadata;
    const divergent = new Set(report.divergent.items.map((d) => d.question));
    const rows = report.questions.flatMap((q) =>
      q.responses.map((r) => [
        r.name,
        r.role,
        m.organization ?? '',
        m.team ?? '',
        m.date ?? '',
        q.id,
        q.text,
        q.failureModes.map((f) => f.id).join(' ') || 'context',
        r.value,
        r.answer,
        r.score === null ? '' : String(Math.round(r.score * 100)),
        q.answer,
        divergent.has(q.id) ? 'yes' : 'no',
      ]),
    );
    return [responseColumns as readonly string[], ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  },
};
