// An agent the scanner does not know by name: an action handed a model provider's key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/cli.js';

const workflow = (ifLine: string, key: string) => `on:
  issue_comment:
    types: [created]
permissions:
  contents: write
jobs:
  fix:
${ifLine}    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
      - uses: ./.github/actions/ai-fix
        with:
          ${key}
`;
const scanWorkflow = async (text: string) => {
  const dir = tempDir();
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, '.github/workflows/fix.yml'), text);
  return (await scanRepository(dir)).findings.filter((f) => f.id.startsWith('github.agent')).map((f) => `${f.id} ${f.severity} :${f.line}`);
};

describe('in-house agents', () => {
  it('judges an action fed a provider key on comments anyone can write like any agent', async () => {
    const found = await scanWorkflow(workflow('', 'api-key: ${{ secrets.ANTHROPIC_API_KEY }}'));
    expect(found).toContain('github.agent-workflow info :11');
    expect(found).toContain('github.agent-untrusted-trigger high :2');
  });

  it('credits a member check before it, and ignores actions given no model key', async () => {
    const gated = await scanWorkflow(workflow("    if: github.event.comment.author_association == 'MEMBER'\n", 'api-key: ${{ secrets.OPENAI_API_KEY }}'));
    expect(gated.some((f) => f.startsWith('github.agent-untrusted-trigger'))).toBe(false);
    expect(gated).toContain('github.agent-member-gate info :8');
    expect(await scanWorkflow(workflow('', 'token: ${{ secrets.NPM_TOKEN }}'))).toEqual([]);
  });
});
