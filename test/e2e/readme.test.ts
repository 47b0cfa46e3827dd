// The README is the first thing a user copies from: its answers example must be valid, and its
// first two commands must be the ones CI and a fresh clone rely on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the install-and-assess command and the test command', () => {
    const first = /```sh\n(.+)\n(.+)\n```/.exec(readme)!;
    expect(first[1]).toMatch(/^npm ci && npx rollout-check assess --answers examples\/\S+\.yaml/);
    expect(first[2]).toBe('npm test');
    // CI runs the README's test command, then prints the start-up budget, which cannot fail it.
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/\nnpm test\n(?:#[^\n]*\n)*node bench\/budget\.mjs \|\| true\n?$/);
  });

  it('shows an answers file that validates against the built-in checklist', () => {
    const block = /```yaml\n(checklist:[\s\S]*?)```/.exec(readme)![1]!;
    const file = join(tempDir(), 'answers.yaml');
    writeFileSync(file, block);
    expect(runCli(['validate', file])).toMatchObject({ code: 0, stdout: `ok ${file}\n` });
  });
});
