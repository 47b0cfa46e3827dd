import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.js';
import type { Detector } from '../../src/detectors/types.js';
import { maxFileBytes } from '../../src/scan/read-file.js';
import { listFiles, mergeListings, searchUntrackedAhead } from '../../src/scan/list-files.js';
import { scanRepository } from '../../src/scan/scan.js';
import { maskSecrets } from '../../src/detectors/shared/secrets.js';
import { fixture, repoRoot, tempDir } from '../helpers/cli.js';
import { repoWith } from '../helpers/repo.js';

const summary = async (dir: string) => {
  const r = await scanRepository(dir);
  return {
    tools: r.tools.map((t) => t.id),
    findings: r.findings.map((f) => [f.id, f.kind, f.severity, f.failureMode, f.line ? `${f.path}:${f.line}` : f.path]),
  };
};

describe('detectors', () => {
  const ids = readdirSync(fixture('repos'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  it('has one registered detector per file, named after it, each with its own fixture folder', () => {
    const files = readdirSync(join(repoRoot, 'src/detectors'))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f))
      .map((f) => f.slice(0, -3));
    expect(detectors.map((d) => d.id)).toEqual([...files].sort());
    expect(ids).toEqual(detectors.map((d) => d.id));
  });

  it.each(ids)('finds what the %s fixture holds', async (id) => {
    const expected = JSON.parse(readFileSync(fixture('repos', `${id}.expected.json`), 'utf8'));
    expect(await summary(fixture('repos', id))).toEqual(expected);
  });

  it('gives every finding a failure mode, severity, kind and a relative path, in a stable order', async () => {
    for (const id of ids) {
      const r = await scanRepository(fixture('repos', id));
      for (const f of r.findings) {
        expect(f.failureMode).toMatch(/^FM[1-7]$/);
        expect(['high', 'medium', 'low', 'info']).toContain(f.severity);
        expect(['risk', 'protective', 'fact']).toContain(f.kind);
        expect(f.path.startsWith('/')).toBe(false);
      }
      expect(JSON.stringify(await scanRepository(fixture('repos', id)))).toBe(JSON.stringify(r));
    }
  });
});

describe('scanner robustness', () => {
  it.each([
    ['json', '.claude/settings.json:1', 'claude-code.malformed-file', /invalid JSON/],
    ['json', '.mcp.json:4', 'claude-code.malformed-file', /invalid JSON: CommaExpected/],
    ['yaml', '.aider.conf.yml:1', 'aider.malformed-file', /invalid YAML: Nested mappings/],
    ['toml', '.codex/config.toml:2', 'codex.malformed-file', /invalid TOML/],
  ])('survives malformed %s with a finding naming %s', async (kind, where, id, message) => {
    const r = await scanRepository(fixture('malformed', kind));
    const f = r.findings.find((x) => `${x.path}:${x.line}` === where);
    expect(f).toMatchObject({ id, kind: 'risk' });
    expect(f!.message).toMatch(message);
  });

  it('grades a broken settings file medium (its rules stop holding) and a broken workflow low (GitHub will not run it)', async () => {
    const r = await scanRepository(
      repoWith({ '.claude/settings.json': '{"permissions": {"deny": ["Read(.env)"]', '.github/workflows/agent.yml': 'on: push\njobs: {a: [\n' }),
    );
    const broken = r.findings.filter((f) => f.id.endsWith('.malformed-file')).map((f) => `${f.id} ${f.severity}`);
    expect(broken).toEqual(['claude-code.malformed-file medium', 'github.malformed-file low']);
    expect(r.findings.find((f) => f.id === 'github.malformed-file')!.message).toMatch(/refuses to run this file$/);
  });

  it('skips large and binary files with a note, and never follows a link out of the folder', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'settings.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    mkdirSync(join(dir, '.claude'));
    symlinkSync(join(outside, 'settings.json'), join(dir, '.claude', 'settings.json'));
    writeFileSync(join(dir, 'CLAUDE.md'), `# big\n${'x'.repeat(maxFileBytes + 10)}`);
    writeFileSync(join(dir, '.mcp.json'), Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
    mkdirSync(join(dir, 'node_modules', 'pkg', '.claude'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', '.claude', 'settings.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    const r = await scanRepository(dir);
    expect(r.skipped).toEqual([
      { path: '.claude/settings.json', reason: 'symbolic link out of the scanned folder: not followed' },
      { path: '.mcp.json', reason: 'binary file: skipped' },
      { path: 'CLAUDE.md', reason: 'larger than 1024 KiB: skipped' },
    ]);
    expect(r.findings.some((f) => f.id === 'claude-code.bypass-permissions')).toBe(false);
    expect(r.tools.find((t) => t.id === 'claude-code')!.files).toEqual(['.claude/settings.json', '.mcp.json', 'CLAUDE.md']);
  });

  it('turns a detector that throws into a finding for that tool alone', async () => {
    const broken: Detector = {
      id: 'aider',
      name: 'Broken',
      docsUrl: 'https://example.invalid',
      patterns: ['.aider.conf.yml'],
      inspect: () => {
        throw new Error('boom');
      },
    };
    const r = await scanRepository(fixture('repos', 'aider'), [broken, ...detectors.filter((d) => d.id !== 'aider')]);
    expect(r.findings.find((f) => f.id === 'aider.detector-error')!.message).toBe('the Broken detector failed: boom');
  });

  it.each([
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'sk-proj-abcdefghijklmnopqrstuv',
    'AKIAIOSFODNN7EXAMPLE',
    'xoxb-123456789012-abcdefghijklmnop',
    'https://admin:hunter2secret@db.internal/app',
    'Authorization: Bearer abc.def.ghijklmnopqrstu',
  ])('masks %s', (secret) => {
    const masked = maskSecrets(`value ${secret} end`);
    expect(masked).toContain('****');
    for (const part of [
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'hunter2secret',
      'IOSFODNN7EXAMPLE',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'abcdefghijklmnop',
      'ghijklmnopqrstu',
      'abcdefghijklmnopqrstuv',
    ])
      expect(masked).not.toContain(part);
  });

  it('reads awkward workflows and hook settings, or names why not: anchors, matrices, reusable and composite workflows, odd claude_args, missing and binary hook scripts', async () => {
    const dir = tempDir();
    const put = (path: string, text: string | Buffer) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    put(
      '.github/workflows/anchors.yml',
      [
        'on: { issue_comment: { types: [created] } }',
        'x-perms: &perms { contents: read }',
        'jobs:',
        '  a:',
        '    permissions: *perms',
        '    strategy: { matrix: { os: [ubuntu-latest, macos-latest] } }',
        '    runs-on: ${{ matrix.os }}',
        '    steps:',
        '      - uses: anthropics/claude-code-action@v1',
        '        with:',
        '          claude_args: |',
        "            --allowedTools 'Bash(npm test:*),Read' \\",
        '            --some-future-flag "with \\"quotes\\"" --model claude-x',
        '  b:',
        '    uses: ./.github/workflows/reusable.yml',
        '  c:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: ./.github/actions/composite',
        '      - uses: anthropics/claude-code-action@v1',
        '        with: { claude_args: "--allowedTools \\"unterminated" }',
        '',
      ].join('\n'),
    );
    put(
      '.github/workflows/reusable.yml',
      'on: workflow_call\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p "fix it" --dangerously-skip-permissions\n',
    );
    put('.github/actions/composite/action.yml', 'runs: { using: composite, steps: [] }\n');
    put(
      '.claude/settings.json',
      JSON.stringify({
        permissions: { deny: ['Read(./.env)'] },
        hooks: {
          PreToolUse: [
            {
              matcher: 'Bash',
              hooks: [
                { type: 'command', command: '"$CLAUDE_PROJECT_DIR"/.claude/hooks/missing.sh' },
                { type: 'command', command: './scripts/guard.bin.sh' },
                { type: 'command', command: 'python3 .claude/hooks/deny.py' },
              ],
            },
          ],
        },
      }),
    );
    put('scripts/guard.bin.sh', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    put('.claude/hooks/deny.py', 'import json, sys\nprint(json.dumps({"hookSpecificOutput": {"permissionDecision": "deny"}}))\nsys.exit(0)\n');
    const r = await scanRepository(dir);
    const where = (id: string) => r.findings.filter((f) => f.id === id).map((f) => `${f.path}:${f.line ?? '-'} ${f.message}`);
    // The anchor and the matrix read as YAML; the quoted, continued claude_args split like a shell would.
    expect(where('github.agent-read-only-token')).toEqual([
      '.github/workflows/anchors.yml:5 the agent job "a" has a read-only token; Claude Code acts with its own GitHub App\'s token (no github_token given), whose rights the App\'s installation decides',
    ]);
    expect(where('github.agent-narrow-tools')[0]).toContain("anchors.yml:11 the agent's extra tools are listed one by one (Bash(npm test:*), Read)");
    // The reusable workflow runs with its caller's trigger; its run: step bypasses permissions.
    expect(where('github.agent-bypass-flag')[0]).toMatch(/^\.github\/workflows\/reusable\.yml:6 Claude Code runs with --dangerously-skip-permissions/);
    expect(where('github.agent-untrusted-trigger')[0]).toContain('through .github/workflows/anchors.yml, which calls this workflow');
    // A composite action in the repository is not an agent; an unterminated quote is still split.
    expect(r.findings.filter((f) => f.path === '.github/workflows/anchors.yml' && f.id === 'github.agent-workflow')).toHaveLength(2);
    // Hooks: a missing script and a binary one are named, never guessed; a deny decision blocks.
    expect(where('claude-code.hook-unread')).toEqual([
      '.claude/settings.json:1 PreToolUse hook .claude/hooks/missing.sh: not in the repository, so whether it blocks is not assessed',
      '.claude/settings.json:1 PreToolUse hook scripts/guard.bin.sh: binary file, so whether it blocks is not assessed',
    ]);
    expect(where('claude-code.hook-blocks')).toEqual([
      '.claude/settings.json:1 PreToolUse hook .claude/hooks/deny.py can stop a call (it exits 2 or answers deny): an enforced boundary',
    ]);
  });
});

describe('listing a large repository', () => {
  it('lists exactly what one git ls-files does, while searching for untracked files apart', async () => {
    const dir = tempDir();
    const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 28 });
    git(['init', '-q']);
    // An index of over a mebibyte without writing the files: 12,000 entries sharing one blob.
    const blob = git(['hash-object', '-w', '--stdin'], 'export {};\n').trim();
    const entries = Array.from(
      { length: 12_000 },
      (_, i) => `100644 ${blob} 0\tpackages/group-${String(i % 40).padStart(2, '0')}/module-${String(i).padStart(5, '0')}-with-a-long-name.ts`,
    );
    // A file in conflict: three stages, one path (git's --deduplicate lists it once).
    for (const stage of [1, 2, 3]) entries.push(`100644 ${blob} ${stage}\tconflicted.ts`);
    git(['update-index', '--index-info'], `${entries.join('\n')}\n`);
    writeFileSync(join(dir, '.gitignore'), 'ignored/\n');
    mkdirSync(join(dir, 'ignored', '.claude'), { recursive: true });
    writeFileSync(join(dir, 'ignored', '.claude', 'settings.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    mkdirSync(join(dir, 'untracked', '.claude'), { recursive: true });
    writeFileSync(join(dir, 'untracked', '.claude', 'settings.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    writeFileSync(join(dir, 'AGENTS.md'), '# Agents\n');

    const ahead = searchUntrackedAhead(dir);
    expect(ahead).toBeDefined();
    const listing = listFiles(dir, ahead);
    const listed = mergeListings(listing.first.all(), (await listing.rest).all());
    const byGit = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']).split('\0').filter(Boolean).sort();
    expect(listed).toEqual(byGit);
    expect(listed.filter((p) => p === 'conflicted.ts')).toHaveLength(1);
    expect(listed).toContain('untracked/.claude/settings.json');
    expect(listed).not.toContain('ignored/.claude/settings.json');
    // A separate search that failed is run again the plain way: nothing untracked goes missing.
    const retried = listFiles(dir, Promise.resolve(undefined));
    expect(mergeListings(retried.first.all(), (await retried.rest).all())).toEqual(byGit);

    const r = await scanRepository(dir);
    expect(r.findings.filter((f) => f.id === 'claude-code.bypass-permissions').map((f) => f.path)).toEqual(['untracked/.claude/settings.json']);
    // A small repository is listed by one git process.
    expect(searchUntrackedAhead(fixture('repos', 'aider'))).toBeUndefined();
  });
});

describe('what an MCP server can do is read (issue 24, pattern 5)', () => {
  const scanServers = async (servers: Record<string, unknown>) => {
    const dir = tempDir();
    writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: servers }, null, 2));
    return (await scanRepository(dir)).findings.filter((f) => /mcp-(read-only|write-capable)$/.test(f.id)).map((f) => `${f.id}: ${f.message}`);
  };

  it.each([
    [
      "GitHub's read-only endpoint",
      { type: 'http', url: 'https://api.githubcopilot.com/mcp/readonly' },
      'its endpoint is read-only (https://api.githubcopilot.com/mcp/readonly)',
    ],
    [
      'the X-MCP-Readonly header',
      { type: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: { 'X-MCP-Readonly': 'true' } },
      'it sends X-MCP-Readonly',
    ],
    ['a --read-only flag', { command: 'docker', args: ['run', '-i', 'ghcr.io/github/github-mcp-server', '--read-only'] }, 'it runs with --read-only'],
    ['GITHUB_READ_ONLY', { command: 'github-mcp-server', args: ['stdio'], env: { GITHUB_READ_ONLY: '1' } }, 'GITHUB_READ_ONLY is set'],
  ])('%s: read-only, not "can act on outside systems"', async (_label, server, because) => {
    expect(await scanServers({ github: server })).toEqual([`claude-code.mcp-read-only: MCP server "github" can only read: ${because}`]);
  });

  it('the same server without them can act on outside systems (the control)', async () => {
    expect(await scanServers({ github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' } })).toEqual([
      'claude-code.mcp-write-capable: MCP server "github" can act on outside systems and no tool allowlist limits it',
    ]);
    expect(await scanServers({ github: { type: 'http', url: 'https://example.com/readonly-docs/mcp' } })).toHaveLength(1);
  });
});

describe('a job switched off with if: false (issue 24)', () => {
  const workflow = (condition: string) =>
    [
      'on: issue_comment',
      'permissions: { contents: write, pull-requests: write }',
      'jobs:',
      '  agent:',
      `    if: ${condition}`,
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with: { anthropic_api_key: "${{ secrets.ANTHROPIC_API_KEY }}" }',
      '',
    ].join('\n');
  const risks = async (condition: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'claude.yml'), workflow(condition));
    return (await scanRepository(dir)).findings.filter((f) => f.kind === 'risk' && f.path.endsWith('claude.yml')).map((f) => f.id);
  };

  it.each(["false && contains(github.event.comment.body, '@claude')", "${{ false && github.event_name == 'issue_comment' }}", 'false'])(
    'if: %s reaches nothing',
    async (condition) => {
      expect(await risks(condition)).toEqual([]);
    },
  );

  it('the same job when it can run is a risk (the control)', async () => {
    expect((await risks("contains(github.event.comment.body, '@claude')")).length).toBeGreaterThan(0);
  });
});

describe('what is missing', () => {
  it('no CODEOWNERS beside agent configuration is reported even when nothing else of GitHub is there; not for set-aside files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'AGENTS.md'), '# Rules\n');
    expect((await scanRepository(dir)).findings.map((f) => f.id)).toContain('github.no-codeowners');
    const empty = tempDir();
    writeFileSync(join(empty, 'README.md'), '# Nothing for agents\n');
    expect((await scanRepository(empty)).findings).toEqual([]);
  });
});

describe('Claude Code settings', () => {
  it('name every broad grant in one finding, at the first; the missing secret deny at the deny list', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.claude'), { recursive: true });
    writeFileSync(
      join(dir, '.claude/settings.json'),
      '{\n  "permissions": {\n    "allow": [\n      "Bash(find:*)",\n      "Bash(git status)",\n      "Bash(yarn:*)"\n    ],\n    "deny": []\n  }\n}\n',
    );
    const found = (await scanRepository(dir)).findings.map((f) => `${f.id} ${f.severity} :${f.line ?? ''} ${f.message}`);
    expect(found.filter((f) => f.startsWith('claude-code.broad-allow'))).toEqual([
      'claude-code.broad-allow medium :4 permissions.allow has "Bash(find:*)", "Bash(yarn:*)": broad grants that cover far more than one workflow needs',
    ]);
    expect(found.some((f) => f.startsWith('claude-code.no-secret-deny low :8'))).toBe(true);
  });
});

describe('Copilot custom agents', () => {
  it('are judged by the tools their front matter lists', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.github/agents'), { recursive: true });
    const agent = (name: string, front: string) =>
      writeFileSync(join(dir, `.github/agents/${name}.agent.md`), `---\ndescription: ${name}\n${front}---\nDo the work.\n`);
    agent('a-reader', 'tools: [read, search, web/fetch]\n');
    agent('b-runner', "tools: ['read', 'execute/runInTerminal']\n");
    agent('c-unlisted', '');
    agent('d-server', "tools: ['read', 'github/*']\n");
    const found = (await scanRepository(dir)).findings.filter((f) => f.path.includes('.agent.md') && f.id.startsWith('copilot.agent-'));
    expect(found.map((f) => `${f.id} ${f.severity} ${f.path.split('/').pop()}:${f.line}`)).toEqual([
      'copilot.agent-narrow-tools info a-reader.agent.md:3',
      'copilot.agent-shell low b-runner.agent.md:3',
      'copilot.agent-all-tools low c-unlisted.agent.md:1',
      'copilot.agent-all-tools low d-server.agent.md:3',
    ]);
  });
});

describe('Claude Code subagents', () => {
  it('one described as a reviewer that can edit or run commands holds more than its role; a writer is not judged', async () => {
    const dir = repoWith({
      '.claude/agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews code. Never modifies code.\ntools: *\n---\nReview.\n',
      '.claude/agents/checker.md': '---\nname: checker\ndescription: Read-only checker\ntools: Read, Grep, Glob\n---\nCheck.\n',
      '.claude/agents/writer.md': '---\nname: writer\ndescription: Writes the code\n---\nWrite.\n',
    });
    const found = (await scanRepository(dir)).findings.filter((f) => f.id === 'claude-code.subagent-tools-exceed-role');
    expect(found.map((f) => `${f.path}:${f.line} ${f.message}`)).toEqual([
      '.claude/agents/reviewer.md:4 a subagent described as reviewing or read-only can change things: every tool (*)',
    ]);
  });
});

describe('plugins', () => {
  it('enabled plugins are a fact; a marketplace taken from a repository with no ref is a risk, low in the editor and medium in CI', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.claude'), { recursive: true });
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.claude/settings.json'),
      '{\n  "extraKnownMarketplaces": {\n    "team": { "source": { "source": "github", "repo": "example/skills" } },\n    "pinned": { "source": { "source": "github", "repo": "example/other", "ref": "v1.2.0" } }\n  },\n  "enabledPlugins": { "review@team": true }\n}\n',
    );
    writeFileSync(
      join(dir, '.github/workflows/r.yml'),
      'on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          plugin_marketplaces: "https://github.com/example/skills.git"\n          plugins: "review@skills"\n',
    );
    const found = (await scanRepository(dir)).findings.filter((f) => /plugin/.test(f.id)).map((f) => `${f.id} ${f.severity} ${f.path}:${f.line}`);
    expect(found).toEqual([
      'claude-code.plugin-unpinned low .claude/settings.json:3',
      'claude-code.plugins-enabled info .claude/settings.json:6',
      'github.agent-plugin-unpinned medium .github/workflows/r.yml:10',
    ]);
  });
});

describe('Codex skill metadata', () => {
  it('allow_implicit_invocation: false keeps a skill to when a person names it', async () => {
    const dir = repoWith({
      '.agents/skills/release/SKILL.md': '---\nname: release\ndescription: Cut a release\n---\nSteps.\n',
      '.agents/skills/release/agents/openai.yaml': 'interface:\n  display_name: Release\npolicy:\n  allow_implicit_invocation: false\n',
    });
    const found = (await scanRepository(dir)).findings.filter((f) => f.id === 'codex.skill-manual-only').map((f) => `${f.path}:${f.line}`);
    expect(found).toEqual(['.agents/skills/release/agents/openai.yaml:4']);
  });
});
