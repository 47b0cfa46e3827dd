// Where this package is installed, and its version: all the start of a run needs from disk, kept
// apart from io/files.ts so that parsing the command line loads nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder this package is installed in (holds policies/ and templates/). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export function readPackageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
