// The edge of the scanner: checks the folder exists, then scans it.
import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { scanRepository } from './scan.js';
import type { ScanResult } from './types.js';

export function scanDirectory(dir: string): ScanResult {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`${dir}: not a folder to scan`);
  return scanRepository(dir);
}
