import type { ReportFormat } from './types.js';

export const json: ReportFormat = {
  id: 'json',
  extension: '.json',
  description: 'The full result as JSON: the contract other tools read, and what `report` re-renders.',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
