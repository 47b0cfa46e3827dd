// The edge of the scanner: checks the folder exists, then scans it. In a large repository git
// starts looking for untracked files before the scanner's code is even loaded: that search is the
// longest part of such a scan.
import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { searchUntrackedAhead } from './list-files.js';
import type { ScanResult } from '../detectors/types.js';

export async function scanDirectory(dir: string, exclude: readonly string[] = []): Promise<ScanResult> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`${dir}: not a folder to scan`);
  const untracked = searchUntrackedAhead(dir);
  const { scanRepository } = await import('./scan.js');
  return scanRepository(dir, undefined, untracked, { exclude });
}
