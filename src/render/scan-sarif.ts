// Scan output as SARIF, for code scanning. Pure.
import { findingKey } from '../checklist/finding-key.js';
import { findingResult, sarifLog } from './formats/sarif.js';
import type { ScanResult } from '../detectors/types.js';

/** Risks only: protections and facts are not problems to fix. Paths are relative to the scan root. */
export function scanSarif(r: ScanResult, version: string): string {
  return sarifLog(
    version,
    r.findings.filter((f) => f.kind === 'risk').map((f) => findingResult({ ...f, key: findingKey(f) })),
  );
}
