// zod's reading of an answers file: the authority, and the only one that words a problem. A plain,
// sound file never needs it (quick-check.ts), so the build loads this module, and zod with it, on
// first use only (loadedOnUse in scripts/build.mjs).
import type { LocatedDocument } from '../yaml/located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';
import { AnswersFile } from './schema.js';

export function checkAnswersFile(doc: LocatedDocument): ReturnType<typeof parseTolerantly<typeof AnswersFile>> {
  return parseTolerantly(doc, AnswersFile);
}
