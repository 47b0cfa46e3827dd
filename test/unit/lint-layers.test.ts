// The layer rule of eslint.config.js, tried on code it must refuse and code it must accept: only
// the edges (io, load, cli, git and file readers) may touch disk, processes or the terminal.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const eslint = new ESLint({ cwd: repoRoot });
const problems = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.ruleId));

describe('the layer rule', () => {
  it('refuses disk, process and terminal access in a pure module', async () => {
    expect(await problems('src/scoring/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await problems('src/report/x.ts', "import { spawn } from 'child_process';\nexport const x = spawn;\n")).toContain('no-restricted-imports');
    expect(await problems('src/render/x.ts', "export const x = () => process.stdout.write('x');\n")).toContain('no-restricted-properties');
  });

  it('accepts them at the edges', async () => {
    expect(await problems('src/io/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
    expect(await problems('src/cli/x.ts', "export const x = () => process.stdout.write('x');\n")).toEqual([]);
  });
});
