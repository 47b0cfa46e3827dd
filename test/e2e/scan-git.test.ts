// The scanner on a real git repository made in a temp folder, through the built binary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const secrets = [
  'ghp_R3alLookingTokenAbcdefghijklmnopqrstu',
  'sk-ant-api03-ZZZZyyyyXXXXwwwwVVVVuuuu1234',
  'AKIAJ7EXAMPLEKEY1234',
  'xoxb-998877665544-SlackTokenValueHere',
  'hunter2-in-a-url',
  'BearerValueAbc123456789',
];

function gitRepo(files: Record<string, string>): string {
  const dir = tempDir('rollout-check-git-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return dir;
}

const repoFiles = {
  '.gitignore': '.claude/settings.local.json\n',
  'CLAUDE.md': '# Notes\nNever push to main.\n',
  '.claude/settings.json': JSON.stringify({ permissions: { defaultMode: 'bypassPermissions' }, env: { GITHUB_TOKEN: secrets[0] } }, null, 2),
  '.mcp.json': JSON.stringify(
    {
      mcpServers: {
        db: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2', `postgres://app:${secrets[4]}@db.internal/app`] },
        api: { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: `Bearer ${secrets[5]}` } },
        slack: { command: 'npx', args: ['-y', 'slack-mcp@1.0.0'], env: { SLACK_BOT_TOKEN: secrets[3], AWS_ACCESS_KEY_ID: secrets[2] } },
      },
    },
    null,
    2,
  ),
  '.codex/config.toml': `sandbox_mode = "danger-full-access"\n[mcp_servers.x]\ncommand = "x"\nenv = { ANTHROPIC_API_KEY = "${secrets[1]}" }\n`,
  '.github/workflows/automerge.yml': 'on: pull_request_target\njobs:\n  m:\n    if: github.actor == \'copilot-swe-agent[bot]\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr merge --auto --squash "$URL"\n',
};

describe('scan on a real git repository', () => {
  it('lists files from git: .gitignore respected, untracked files included, links out of the folder not followed', () => {
    const dir = gitRepo(repoFiles);
    writeFileSync(join(dir, '.claude', 'settings.local.json'), '{"permissions":{"defaultMode":"bypassPermissions"}}');
    writeFileSync(join(dir, 'AGENTS.md'), '# Untracked but not ignored\n');
    const outside = tempDir();
    writeFileSync(join(outside, 'cli.json'), '{"permissions":{"allow":["Shell(bash)"]}}');
    mkdirSync(join(dir, '.cursor'));
    symlinkSync(join(outside, 'cli.json'), join(dir, '.cursor', 'cli.json'));
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const scan = JSON.parse(r.stdout);
    const files = scan.tools.flatMap((t: { files: string[] }) => t.files);
    expect(files).not.toContain('.claude/settings.local.json');
    expect(files).toContain('AGENTS.md');
    expect(scan.skipped).toEqual([{ path: '.cursor/cli.json', reason: 'symbolic link out of the scanned folder: not followed' }]);
    expect(scan.findings.some((f: { id: string }) => f.id === 'cursor.broad-allow')).toBe(false);
    expect(scan.tools.map((t: { id: string }) => t.id)).toEqual(['claude-code', 'codex', 'cursor', 'github']);
    for (const f of scan.findings) expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['failureMode', 'id', 'kind', 'message', 'path', 'severity', 'tool']));
    expect(scan.notObservable.map((n: { id: string }) => n.id)).toContain('github.branch-protection');
  });

  it('never prints a planted secret, in any scan or report format', () => {
    const dir = gitRepo(repoFiles);
    const outputs = [
      ...['text', 'md', 'json'].map((format) => runCli(['scan', dir, '--format', format])),
      ...['md', 'json', 'html', 'csv'].map((format) => runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--scan', dir, '--format', format])),
    ];
    for (const o of outputs) {
      expect(o.code, o.stderr).toBe(0);
      for (const s of secrets) {
        expect(o.stdout).not.toContain(s);
        expect(o.stderr).not.toContain(s);
      }
    }
    const text = outputs[0]!.stdout;
    expect(text).toContain('literal secret');
    expect(text).toContain('(value masked)');
  });

  it('assess --scan shows where the answers and the configuration disagree, and proposes answers for unknowns', () => {
    const dir = gitRepo(repoFiles);
    const md = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--scan', dir]).stdout;
    expect(md).toContain('## Repository evidence');
    expect(md).toContain('answered: Yes; .github/workflows/automerge.yml:7: merges or approves pull requests automatically');
    expect(md).toContain('answered: Disabled in committed settings; allowed only in throwaway sandboxes; .claude/settings.json:3: permissions.defaultMode is bypassPermissions');
    expect(md).toContain('answered: In a sandbox, container or VM; .codex/config.toml:1: sandbox_mode is danger-full-access');
    expect(md).toMatch(/answered: GitHub Copilot coding agent; Claude Code \(terminal, IDE or GitHub Actions\); \.codex\/config\.toml: OpenAI Codex is configured/);
    // The same answers with the two questions left unknown: the evidence proposes, never overrides.
    const answers = join(tempDir(), 'a.yaml');
    writeFileSync(answers, 'checklist: { id: ai-coding-rollout, version: 1.0.0 }\nanswers:\n  ctx.agents: unknown\n  fm3.agents-cannot-merge: unknown\n');
    const json = JSON.parse(runCli(['assess', '--answers', answers, '--scan', dir, '--format', 'json']).stdout);
    const proposed = Object.fromEntries(json.evidence.proposals.map((p: { question: string; value: string[] }) => [p.question, p.value]));
    expect(proposed['ctx.agents']).toEqual(['claude-code', 'codex']);
    expect(proposed['fm3.agents-cannot-merge']).toEqual(['no']);
    expect(proposed['fm4.execution-environment']).toEqual(['laptop-open']);
    expect(json.evidence.disagreements).toEqual([]);
    expect(json.questions.find((q: { id: string }) => q.id === 'fm3.agents-cannot-merge').status).toBe('unknown');
  });

  it('rejects a folder that does not exist (exit 2)', () => {
    const r = runCli(['scan', '/nonexistent/repo']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: /nonexistent/repo: not a folder to scan');
  });
});
