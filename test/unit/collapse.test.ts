// One decision copied into several tools' files is one risk, cited nearest the root; one finding
// said twice at one line is one finding.
import { describe, expect, it } from 'vitest';
import { collapseCopies } from '../../src/scan/collapse.js';
import type { Finding } from '../../src/detectors/types.js';

const f = (tool: Finding['tool'], path: string, kind: Finding['kind'] = 'risk', message = 'MCP server "x" runs "npx x" without a pinned version'): Finding => ({
  id: `${tool}.mcp-unpinned`,
  tool,
  failureMode: 'FM2',
  severity: kind === 'risk' ? 'medium' : 'info',
  kind,
  path,
  line: 3,
  message,
});

describe('copies of one risk across tools', () => {
  it('fold into the copy nearest the root, which names the others', () => {
    const out = collapseCopies([f('codex', '.codex/config.toml'), f('cursor', '.cursor/mcp.json'), f('claude-code', '.mcp.json')]);
    expect(out.map((x) => `${x.id} ${x.path}`)).toEqual(['claude-code.mcp-unpinned .mcp.json']);
    expect(out[0]!.message).toMatch(/\(the same in \.codex\/config\.toml, \.cursor\/mcp\.json\)$/);
  });

  it('leave protections, facts, different wording and one tool’s own findings alone', () => {
    const protections = [f('claude-code', 'CLAUDE.md', 'protective'), f('copilot', '.github/copilot-instructions.md', 'protective')];
    expect(collapseCopies(protections)).toEqual(protections);
    const facts = [f('claude-code', '.mcp.json', 'fact'), f('cursor', '.cursor/mcp.json', 'fact')];
    expect(collapseCopies(facts)).toEqual(facts);
    const different = [f('claude-code', '.mcp.json'), f('cursor', '.cursor/mcp.json', 'risk', 'MCP server "y" runs "npx y" without a pinned version')];
    expect(collapseCopies(different)).toEqual(different);
    const sameTool = [f('claude-code', '.mcp.json'), f('claude-code', 'sub/.mcp.json')];
    expect(collapseCopies(sameTool)).toEqual(sameTool);
  });
});

describe('one finding said twice', () => {
  it('word for word at one line is kept once; at another line it is another finding', () => {
    const once = f('claude-code', '.mcp.json');
    expect(collapseCopies([once, { ...once }])).toEqual([once]);
    const elsewhere = { ...once, line: 9 };
    expect(collapseCopies([once, elsewhere])).toEqual([once, elsewhere]);
  });
});

describe('instruction files pointing at AGENTS.md', () => {
  const shared = (path: string): Finding => ({
    id: 'claude-code.instructions-shared',
    tool: 'claude-code',
    failureMode: 'FM5',
    severity: 'info',
    kind: 'protective',
    path,
    line: 1,
    message: 'imports, links or is listed by AGENTS.md: one shared source of instructions',
  });
  it('are credited once per tool, at the one nearest the root, naming how many more', () => {
    const out = collapseCopies([shared('packages/a/CLAUDE.md'), shared('CLAUDE.md'), shared('packages/b/CLAUDE.md')]);
    expect(out.map((x) => `${x.path} ${x.message}`)).toEqual([
      'CLAUDE.md imports, links or is listed by AGENTS.md: one shared source of instructions (and 2 more files like it)',
    ]);
    expect(collapseCopies([shared('CLAUDE.md')]).map((x) => x.message)).toEqual([
      'imports, links or is listed by AGENTS.md: one shared source of instructions',
    ]);
  });
});
