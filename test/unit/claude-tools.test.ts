import { describe, expect, it } from 'vitest';
import { anyShell, broadClaudeTool, openFetch } from '../../src/detectors/shared/claude-tools.js';

// A grant is broad when it names a program that runs whatever it is given, with any arguments.
describe('broad Claude Code tool grants', () => {
  it.each([
    'Bash(yarn:*)',
    'Bash(uv run:*)',
    'Bash(npx:*)',
    'Bash(npm exec:*)',
    'Bash(make:*)',
    'Bash(docker:*)',
    'Bash(python:*)',
    'Bash(npm run:*)',
    'Bash(pnpm dlx *)',
    'Bash(node)',
    'Bash(*)',
    'Bash(find:*)',
    'Bash(awk *)',
  ])('%s pre-approves arbitrary commands', (tool) => expect(broadClaudeTool(tool)).toBe(true));

  // Editing and writing files is what most agent tasks are: no command runs by it.
  it.each([
    'Bash(pnpm build:*)',
    'Bash(cargo test:*)',
    'Bash(npm test:*)',
    'Bash(make lint)',
    'Bash(git status:*)',
    'Read',
    'Bash(uvx ruff:*)',
    'Edit',
    'Write',
  ])('%s names one command and stays narrow', (tool) => expect(broadClaudeTool(tool)).toBe(false));

  // Fetching any address is an egress grant, judged apart: it runs no command.
  it.each(['WebFetch', 'WebFetch(*)', 'WebFetch(domain:*)'])('%s fetches any address and is no command grant', (tool) => {
    expect(openFetch(tool)).toBe(true);
    expect(broadClaudeTool(tool)).toBe(false);
  });

  it.each(['WebFetch(domain:docs.python.org)', 'Read', 'Bash(curl:*)', 'WebSearch'])('%s is not an open fetch', (tool) => expect(openFetch(tool)).toBe(false));

  it('only a whole shell counts as any command at all', () => {
    expect(anyShell('Bash')).toBe(true);
    expect(anyShell('Bash(npx:*)')).toBe(false);
  });
});
