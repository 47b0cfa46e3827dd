import { conform, type Shape } from '../../report/shape.js';
import type { ReportFormat } from './types.js';

// The result schema's shape (src/report/shape.ts), worked out from the schema when the bundle is
// built (scripts/build.mjs) and when the tests start (vitest.config.ts).
declare const __RESULT_SHAPE__: Shape;

export const json: ReportFormat = {
  id: 'json',
  extension: '.json',
  description: 'The full result as JSON: the contract other tools read, and what `report` re-renders.',
  // Written in the published schema's shape (its key order and defaults), so a result re-rendered
  // from a saved file is byte-identical to the first one.
  render: (report) => `${JSON.stringify(conform(report, __RESULT_SHAPE__), null, 2)}\n`,
};
