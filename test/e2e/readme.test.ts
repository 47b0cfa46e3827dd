// The README is the first thing a user copies from: its answers example must be valid, and its
// first two commands must be the ones CI and a fresh clone rely on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('is a way in, under 200 lines, with the exit codes near the top', () => {
    expect(readme.split('\n').length).toBeLessThan(200);
    expect(readme.indexOf('## Exit codes and gates')).toBeLessThan(readme.length / 2);
    for (const page of ['verdict', 'questionnaire', 'ci', 'respondents', 'portfolio', 'reports', 'scanner', 'history', 'reference', 'internals'])
      expect(readme).toContain(`(docs/${page}.md)`);
  });

  it('opens with the install-and-assess command and the test command', () => {
    const first = /```sh\n(.+)\n(.+)\n```/.exec(readme)!;
    expect(first[1]).toMatch(/^npm ci && npx rollout-check assess --answers examples\/\S+\.yaml/);
    expect(first[2]).toBe('npm test');
    // CI runs the README's test command, then prints the start-up budget, which cannot fail it.
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/\nnpm test\n(?:#[^\n]*\n)*node bench\/budget\.mjs \|\| true\n?$/);
  });

  it('shows an answers file (docs/reference.md) that validates against the built-in checklist', () => {
    const reference = readFileSync(join(repoRoot, 'docs', 'reference.md'), 'utf8');
    const block = /```yaml\n(checklist:[\s\S]*?)```/.exec(reference)![1]!;
    const file = join(tempDir(), 'answers.yaml');
    writeFileSync(file, block);
    expect(runCli(['validate', file])).toMatchObject({ code: 0, stdout: `ok ${file}\n` });
  });
});
