// Every format, from every example result, against a committed snapshot. A change to a template
// or a renderer shows up here as a reviewable diff (update with `npx vitest run -u`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/pipeline.js';
import { readResult } from '../../src/report/read-result.js';
import { repoRoot } from '../helpers/cli.js';

describe.each(['not-ready', 'pilot-ready', 'scale-ready'])('examples/%s.report.json', (name) => {
  const file = `${repoRoot}/examples/${name}.report.json`;
  const result = readResult(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${name}: invalid result`);
  it.each([['md'], ['html'], ['json'], ['csv']])('renders %s as its snapshot', async (format) => {
    await expect(await renderReport(result.report, format)).toMatchFileSnapshot(`../__snapshots__/${name}.${format}`);
  });
});
