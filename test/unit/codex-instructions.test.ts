// Codex reads AGENTS.md only up to project_doc_max_bytes: what follows never reaches it.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const long = Array.from({ length: 800 }, (_, k) => `- rule ${k}: ${'x'.repeat(40)}`).join('\n');

describe('an AGENTS.md longer than Codex reads', () => {
  it('is said where Codex is in use, at the line of the cut', async () => {
    const found = await scanLines({ 'AGENTS.md': long, '.codex/config.toml': 'model = "gpt-5"\n' });
    const cut = found.find((l) => l.startsWith('codex.instructions-truncated'));
    // 10 lines of 51 bytes, 90 of 52, then 53 each: byte 32,768 falls on line 621.
    expect(cut).toBe('codex.instructions-truncated low AGENTS.md:621');
  });

  it('is not said when config.toml raises the limit, or where nothing shows Codex in use', async () => {
    const raised = await scanLines({ 'AGENTS.md': long, '.codex/config.toml': 'project_doc_max_bytes = 65536\n' });
    expect(raised.some((l) => l.includes('truncated'))).toBe(false);
    const alone = await scanLines({ 'AGENTS.md': long });
    expect(alone.some((l) => l.includes('truncated'))).toBe(false);
  });
});

describe('nested AGENTS.md files', () => {
  it('add to the root one: the shared source is credited once, at the root', async () => {
    const found = await scanLines({ 'AGENTS.md': '# Repo\nUse pnpm.\n', 'packages/a/AGENTS.md': '# a\nRun its tests.\n', 'packages/b/AGENTS.md': '# b\n' });
    expect(found.filter((l) => l.startsWith('codex.instructions-committed'))).toEqual(['codex.instructions-committed info AGENTS.md:-']);
    const noRoot = await scanLines({ 'packages/a/AGENTS.md': '# a\nRun its tests.\n' });
    expect(noRoot.filter((l) => l.startsWith('codex.instructions-committed'))).toEqual(['codex.instructions-committed info packages/a/AGENTS.md:-']);
  });
});
