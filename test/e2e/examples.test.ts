// The bundled examples: each gives the verdict its name promises, and the committed reports are
// exactly what the built binary produces today (regenerate with `npm run examples`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

describe.each([
  ['not-ready', 'TIGHTEN'],
  ['pilot-ready', 'PILOT'],
  ['scale-ready', 'SCALE'],
])('examples/%s.yaml', (name, verdict) => {
  it(`assesses to ${verdict}`, () => {
    const r = runCli(['assess', '--answers', `examples/${name}.yaml`, '--quiet']);
    expect(r.code).toBe(0);
    // --quiet: one line on stdout, no report anywhere (there is no --out).
    expect(r.stdout).toMatch(new RegExp(`^Verdict: ${verdict} · overall [\\d.]+[^\\n]*\\n$`));
    expect(r.stderr).toBe('');
  });

  it('matches its committed Markdown and JSON reports byte for byte', () => {
    for (const format of ['md', 'json']) {
      const r = runCli(['assess', '--answers', `examples/${name}.yaml`, '--format', format]);
      expect(r.stdout).toBe(readFileSync(`${repoRoot}/examples/${name}.report.${format}`, 'utf8'));
    }
  });
});

describe('the built-in checklist', () => {
  it('validates, and asks at least four scored questions per failure mode', () => {
    expect(runCli(['validate', 'policies/ai-coding-rollout.yaml']).code).toBe(0);
    const result = JSON.parse(runCli(['assess', '--answers', 'examples/scale-ready.yaml', '--format', 'json']).stdout);
    for (const fm of result.failureModes) expect(fm.applicable, fm.id).toBeGreaterThanOrEqual(4);
    expect(result.preScale).toHaveLength(6);
    expect(result.characteristics).toHaveLength(5);
  });
});
