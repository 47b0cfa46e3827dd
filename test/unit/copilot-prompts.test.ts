// Copilot prompt files (.github/prompts/*.prompt.md): tasks a person runs by name, shared by the team.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

describe('Copilot prompt files', () => {
  it('are a shared pattern, and their prose rules are read like any instructions', async () => {
    const found = await scanLines({
      '.github/prompts/release.prompt.md': '---\ndescription: Cut a release\n---\nPrepare the changelog.\n- Never publish the package yourself.\n',
      '.github/prompts/notes.md': 'Not a prompt file: no .prompt.md suffix.\n',
    });
    expect(found).toContain('copilot.shared-prompts info .github/prompts/release.prompt.md:-');
    expect(found).toContain('copilot.instruction-not-enforced info .github/prompts/release.prompt.md:5');
    expect(found.some((l) => l.includes('notes.md'))).toBe(false);
  });
});
