// A skill's `allowed-tools` is Claude Code's field: Codex reads only a skill's name and description.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/cli.js';

const withSkill = (linkForClaude: boolean): string => {
  const dir = tempDir();
  mkdirSync(join(dir, '.agents/skills/review'), { recursive: true });
  writeFileSync(
    join(dir, '.agents/skills/review/SKILL.md'),
    '---\nname: review\ndescription: Review a change\nallowed-tools: Bash, WebFetch\n---\nReview it.\n',
  );
  if (linkForClaude) {
    mkdirSync(join(dir, '.claude'));
    symlinkSync('../.agents/skills', join(dir, '.claude/skills'));
  }
  return dir;
};
const toolGrants = async (dir: string) =>
  (await scanRepository(dir)).findings.filter((f) => f.id.endsWith('command-broad-tools')).map((f) => `${f.path}:${f.line} ${f.message}`);

describe('allowed-tools in a shared skills folder', () => {
  it('grants nothing to Codex, which does not read the field', async () => {
    expect(await toolGrants(withSkill(false))).toEqual([]);
  });

  it('is a broad grant when Claude Code reads the folder through a .claude/skills link', async () => {
    expect(await toolGrants(withSkill(true))).toEqual([
      '.agents/skills/review/SKILL.md:4 Claude Code reads this skill through the .claude/skills link: allowed-tools pre-approves Bash whenever this runs: far more than one command',
    ]);
  });
});
