// CODEOWNERS as GitHub reads it: the last matching rule wins, and a rule with no owner un-owns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/cli.js';
import { scanLines } from '../helpers/repo.js';

const scanWith = async (codeowners: string) => {
  const dir = tempDir();
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  mkdirSync(join(dir, '.claude'));
  writeFileSync(join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n');
  writeFileSync(join(dir, '.claude/settings.json'), '{ "permissions": { "deny": ["Read(.env)"] } }\n');
  writeFileSync(join(dir, '.github/CODEOWNERS'), codeowners);
  return (await scanRepository(dir)).findings.filter((f) => f.id.startsWith('github.codeowners')).map((f) => `${f.id}:${f.line}`);
};

describe('CODEOWNERS over agent configuration', () => {
  it('cites the rule that owns the agent files', async () => {
    expect(await scanWith('# owners\n*.md @docs\n/.github/ @platform\n/.claude/ @platform\n')).toEqual(['github.codeowners-agent-paths:3']);
  });

  it('takes a later rule with no owner as taking ownership away, and cites it', async () => {
    expect(await scanWith('* @everyone\n/.github/workflows/\n')).toEqual(['github.codeowners-missing-agent-paths:2']);
  });
});

describe('no CODEOWNERS at all', () => {
  const workflow = (run: string) => `on: issues\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
  it('is a gap where a workflow runs an agent, even with no other agent configuration', async () => {
    expect(await scanLines({ '.github/workflows/triage.yml': workflow('claude -p "label this issue"') })).toContain(
      'github.no-codeowners low .github/CODEOWNERS:-',
    );
    expect((await scanLines({ '.github/workflows/ci.yml': workflow('npm test') })).some((l) => l.startsWith('github.no-codeowners'))).toBe(false);
  });
});
