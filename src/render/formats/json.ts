import { Report } from '../../report/model.js';
import type { ReportFormat } from './types.js';

export const json: ReportFormat = {
  id: 'json',
  extension: '.json',
  description: 'The full result as JSON: the contract other tools read, and what `report` re-renders.',
  // Parsing through the published schema checks the contract and fixes the key order, so a
  // result re-rendered from a saved file is byte-identical to the first one.
  render: (report) => `${JSON.stringify(Report.parse(report), null, 2)}\n`,
};
