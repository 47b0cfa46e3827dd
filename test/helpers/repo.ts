// A real repository folder in a temp directory, written from a map of relative paths to contents,
// for tests that scan what a team would commit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { scanRepository } from '../../src/scan/scan.js';
import { tempDir } from './cli.js';

export function repoWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Each finding of a scan as `id severity path:line`, in the scanner's order. */
export async function scanLines(files: Record<string, string>): Promise<string[]> {
  return (await scanRepository(repoWith(files))).findings.map((f) => `${f.id} ${f.severity} ${f.path}:${f.line ?? '-'}`);
}
