// Where this package is installed, and its version: all the start of a run needs from disk, kept
// apart from io/files.ts so that parsing the command line loads nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder this package is installed in (holds policies/ and templates/). From the folder name
 * when there is one (the bundle has __dirname): a file URL parsed and turned back into a path costs
 * a short run half a millisecond.
 */
export const packageRoot = import.meta.dirname ? join(import.meta.dirname, '..', '..') : fileURLToPath(new URL('../../', import.meta.url));

let version: string | undefined;

/** The version in package.json, read once per run (the parser, the report and its renderers all ask). */
export function readPackageVersion(): string {
  return (version ??= (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version);
}
