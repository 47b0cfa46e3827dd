// Instruction files as evidence: what is shared, what drifts, and which sentences are rules.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/cli.js';

const repo = (files: Record<string, string>, links: Record<string, string> = {}): string => {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(dir, path));
  return dir;
};
const ids = async (dir: string): Promise<string[]> => (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.path}${f.line ? `:${f.line}` : ''}`);

describe('instruction files', () => {
  it('credits a committed AGENTS.md, and reports a rule once when CLAUDE.md is a link to it', async () => {
    const found = await ids(repo({ 'AGENTS.md': '# Rules\n\nNever push to main.\n' }, { 'CLAUDE.md': 'AGENTS.md' }));
    expect(found).toContain('codex.instructions-committed AGENTS.md');
    expect(found).toContain('claude-code.instructions-shared CLAUDE.md:1');
    expect(found.filter((f) => f.includes('instruction-not-enforced'))).toEqual(['codex.instruction-not-enforced AGENTS.md:3']);
  });

  it('calls nothing drift when the AGENTS.md it would drift from is in another package', async () => {
    const found = await ids(repo({ 'packages/a/AGENTS.md': '# Package a\n', 'CLAUDE.md': '# Whole repository\n' }));
    expect(found.some((f) => f.includes('instructions-divergent'))).toBe(false);
  });

  it('takes path-scoped files and files AGENTS.md lists as part of the shared source', async () => {
    const found = await ids(
      repo({
        'AGENTS.md': '# Rules\n\nCopilot also reads .github/copilot-instructions.md.\n',
        '.github/copilot-instructions.md': '# Copilot\n',
        '.github/instructions/tests.instructions.md': '---\napplyTo: "test/**"\n---\nUse vitest.\n',
        '.cursor/rules/ui.mdc': '---\nglobs: src/ui/**\n---\nUse the design system.\n',
        '.cursor/rules/all.mdc': '---\nalwaysApply: true\n---\nBe brief.\n',
        '.github/skills/triage/SKILL.md': '---\nname: triage\ndescription: triage issues\n---\nLabel it.\n',
        'GEMINI.md': '# Gemini\n\nUse pnpm.\n',
      }),
    );
    expect(found).toContain('copilot.instructions-shared .github/copilot-instructions.md');
    // A card in a rules folder or a skill adds to the shared source; a second whole-repository file drifts.
    expect(found.filter((f) => f.includes('instructions-divergent'))).toEqual(['gemini-cli.instructions-divergent GEMINI.md']);
    expect(found.some((f) => f.includes('SKILL.md') && f.includes('instructions-'))).toBe(false);
  });

  it('takes a file that only points at another document as shared, and drift as a low risk', async () => {
    const dir = repo({
      'AGENTS.md': '# Rules\n\nUse pnpm.\n',
      '.github/copilot-instructions.md': 'Use the review instructions in .claude/skills/review/SKILL.md\n',
      'GEMINI.md': '# Gemini\n\nUse npm.\n',
    });
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} ${f.path}`);
    expect(found).toContain('copilot.instructions-shared info .github/copilot-instructions.md');
    expect(found).toContain('gemini-cli.instructions-divergent low GEMINI.md');
  });

  it('reads a sentence that exempts as no rule, and one that tells agents to skip hooks as a risk', async () => {
    const found = await ids(
      repo({
        'AGENTS.md': '# Rules\n\nYou do not need to push; the maintainers merge.\nWhen hooks are slow, commit with --no-verify.\n',
        'packages/b/AGENTS.md': '# Rules\n\nNever use --no-verify.\n',
      }),
    );
    expect(found.some((f) => f.includes('instruction-not-enforced'))).toBe(false);
    expect(found.filter((f) => f.includes('skips-hooks'))).toEqual(['codex.instruction-skips-hooks AGENTS.md:4']);
  });

  it('credits a committed whole-repository file without AGENTS.md; a personal or path-scoped one earns nothing', async () => {
    const found = await ids(
      repo({
        'CLAUDE.md': '# Team rules\n',
        'CLAUDE.local.md': '# Mine\n',
        '.github/copilot-instructions.md': '# Copilot\n',
        '.github/instructions/db.instructions.md': '---\napplyTo: "db/**"\n---\nUse migrations.\n',
        '.windsurf/rules/api.md': '---\ntrigger: glob\nglobs: api/**\n---\nValidate input.\n',
      }),
    );
    expect(found.filter((f) => f.includes('instructions-committed')).sort()).toEqual([
      'claude-code.instructions-committed CLAUDE.md',
      'copilot.instructions-committed .github/copilot-instructions.md',
    ]);
  });
});
