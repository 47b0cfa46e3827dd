// A scan result holding only the given findings: what the evidence weigher reads from a scan.
import type { Finding, ScanResult } from '../../src/detectors/types.js';

export const scanResultOf = (findings: Finding[]): ScanResult => ({
  schemaVersion: '1',
  root: 'repo',
  tools: [],
  findings,
  notObservable: [],
  skipped: [],
  notActive: { excludes: [], findings: [], unmatched: [] },
});
