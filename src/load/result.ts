// Reads a saved result (assess --format json) from disk: the one loader that `report`, `compare`
// and `assess --baseline` share. Imported on use: the result schema (zod) and the YAML reader it
// may need stay out of runs that read no result.
import { InputError } from '../errors.js';
import type { Report } from '../report/model.js';
import { readResult } from '../report/read-result.js';
import { readUserFile } from '../io/files.js';

export function loadResult(file: string): Report {
  const result = readResult(file, readUserFile(file));
  if (!result.ok) throw new InputError(result.problems);
  return result.report;
}
