// The scanner on a real git repository made in a temp folder, through the built binary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
  '.github/workflows/automerge.yml':
    'on: pull_request_target\njobs:\n  m:\n    if: github.actor == \'copilot-swe-agent[bot]\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr merge --auto --squash "$URL"\n',
};

// What the team faced: settings that bypass approvals, project MCP servers approved
// wholesale and unpinned, and a workflow that merges agent pull requests.
const contradicting = {
  '.claude/settings.json': '{\n  "permissions": { "defaultMode": "bypassPermissions" },\n  "enableAllProjectMcpServers": true\n}\n',
  '.mcp.json': '{\n  "mcpServers": {\n    "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }\n  }\n}\n',
  '.github/workflows/automerge.yml': repoFiles['.github/workflows/automerge.yml'],
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
    for (const f of scan.findings)
      expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['failureMode', 'id', 'kind', 'message', 'path', 'severity', 'tool']));
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

  it('assess --scan disputes the answers the configuration contradicts, and proposes answers for unknowns', () => {
    const dir = gitRepo(repoFiles);
    const md = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--scan', dir]).stdout;
    expect(md).toContain('## Evidence');
    expect(md).toContain('answers disputed by the repository.**');
    expect(md).toContain('Answered: Yes · scored as: No<br>\n  `.github/workflows/automerge.yml:7`: merges or approves pull requests automatically');
    expect(md).toContain('Answered: Disabled in committed settings; allowed only in throwaway sandboxes · scored as: Discouraged');
    expect(md).toContain('`.claude/settings.json:3`: permissions.defaultMode is bypassPermissions');
    expect(md).toContain('Answered: In a sandbox, container or VM · scored as: On developer machines with permission prompts or rules');
    // The tool list gains Codex, which the answers left out.
    expect(md).toMatch(
      /Answered: GitHub Copilot coding agent; Claude Code \(terminal, IDE or GitHub Actions\) · scored as: GitHub Copilot coding agent; Claude Code \(terminal, IDE or GitHub Actions\); OpenAI Codex/,
    );
    // The same answers with the two questions left unknown: the evidence proposes, never overrides.
    const answers = join(tempDir(), 'a.yaml');
    writeFileSync(answers, 'checklist: { id: ai-coding-rollout, version: 1.0.0 }\nanswers:\n  ctx.agents: unknown\n  fm3.agents-cannot-merge: unknown\n');
    const json = JSON.parse(runCli(['assess', '--answers', answers, '--scan', dir, '--format', 'json']).stdout);
    const proposed = Object.fromEntries(json.evidence.proposals.map((p: { question: string; value: string[] }) => [p.question, p.value]));
    expect(proposed['ctx.agents']).toEqual(['claude-code', 'codex']);
    expect(proposed['fm3.agents-cannot-merge']).toEqual(['no']);
    expect(proposed['fm4.execution-environment']).toEqual(['laptop-open']);
    expect(json.evidence.disputes).toEqual([]);
    expect(json.questions.find((q: { id: string }) => q.id === 'fm3.agents-cannot-merge').status).toBe('unknown');
  });

  it('a repository that contradicts the scale-ready answers brings the verdict below scale, with the disputes on the first screen of every format', () => {
    const dir = gitRepo(contradicting);
    const base = ['assess', '--answers', 'examples/scale-ready.yaml'];
    expect(runCli(base).stderr).toMatch(/^Verdict: SCALE/);
    const terminal = runCli([...base, '--scan', dir, '--out', join(tempDir(), 'r.md')]);
    expect(terminal.code).toBe(0);
    const lines = terminal.stdout.split('\n');
    expect(lines[0]).toMatch(/^Verdict: TIGHTEN/);
    expect(lines[1]).toMatch(/^Evidence: \d+% of the weight (corroborated|disputed)/);
    expect(lines[3]).toMatch(/^The answers score 97\.6% as claimed, before the repository's evidence\.$/);
    expect(lines[5]).toMatch(/^\d+ answers disputed by the repository:$/);
    expect(lines[6]).toMatch(/^- \.claude\/settings\.json:2: How are approval-bypass modes/);

    const md = runCli([...base, '--scan', dir]).stdout;
    const top = md.slice(0, md.indexOf('Why this verdict'));
    expect(top).toContain('## Verdict: 🛑 TIGHTEN');
    expect(top).toMatch(/> \*\*\d+ answers disputed by the repository\.\*\*/);
    expect(top).toContain('> - `.claude/settings.json:3`: Which controls apply to the tools MCP servers expose?');
    expect(top).toMatch(/> - and \d+ more/);

    const html = runCli([...base, '--scan', dir, '--format', 'html']).stdout;
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('<h3>Why</h3>'));
    expect(summary).toMatch(/<div class="notice disputed"><strong>\d+ answers disputed by the repository\.<\/strong>/);
    expect(summary).toContain('<code>.claude/settings.json:2</code>');

    const json = JSON.parse(runCli([...base, '--scan', dir, '--format', 'json']).stdout);
    expect(json.verdict.id).toBe('tighten');
    expect(json.contradictions).toEqual([]);
    expect(json.overall.claimedScore).toBe(97.6);
    expect(json.overall.score).toBeLessThan(97.6);
    expect(json.disputed.count).toBeGreaterThanOrEqual(3);
    expect(json.disputed.first).toHaveLength(3);
    expect(json.disputed.first[0].where).toBe('.claude/settings.json:2');
    expect(json.questions.find((q: { id: string }) => q.id === 'fm1.bypass-modes').dispute).toMatchObject({
      claimed: expect.stringContaining('Blocked'),
      findings: ['claude-code.bypass-permissions@.claude/settings.json'],
    });

    const csv = runCli([...base, '--scan', dir, '--format', 'csv']).stdout;
    expect(csv).toMatch(/\nfm1\.bypass-modes,.*,Discouraged.*,Blocked by managed settings.*,claude-code\.bypass-permissions@\.claude\/settings\.json,/);

    // Gates read the evidence-adjusted answers.
    const gated = runCli([...base, '--scan', dir, '--fail-on', 'disputed', '--quiet']);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/gate failed: --fail-on disputed: \d+ answers disputed by the repository and not acknowledged \(fm1\.bypass-modes, /);
    expect(runCli([...base, '--scan', dir, '--fail-on', 'must', '--quiet']).stderr).toMatch(/gate failed: --fail-on must: /);
  });

  it('a contradicted scope claim brings the questions it removed back, as unknown, and says why', () => {
    const dir = gitRepo({
      ...contradicting,
      '.github/workflows/claude.yml':
        'on: [issue_comment]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n',
    });
    const answers = join(tempDir(), 'scope.yaml');
    writeFileSync(
      answers,
      readFileSync('examples/scale-ready.yaml', 'utf8')
        .replace(/^  ctx\.mcp: .*$/m, '  ctx.mcp: "no"')
        .replace(/^  ctx\.autonomy: .*$/m, '  ctx.autonomy: chat'),
    );
    // Without a scan the other answers already contradict the claims (the agents listed imply
    // them): the same mechanism, from a second source.
    const claimed = JSON.parse(runCli(['assess', '--answers', answers, '--format', 'json']).stdout);
    expect(claimed.contradictions.map((c: { question: string }) => c.question)).toEqual(['ctx.autonomy', 'ctx.mcp']);
    expect(claimed.questions.find((q: { id: string }) => q.id === 'fm2.inventory')).toMatchObject({ status: 'unknown', reopenedBy: 'ctx.mcp' });
    expect(runCli(['assess', '--answers', answers]).stdout).toContain('brought back into scope: the other answers contradict the answer to ctx.mcp');
    // With the scan, the repository settles them first, and nothing is left for the answers to contradict.
    const json = JSON.parse(runCli(['assess', '--answers', answers, '--scan', dir, '--format', 'json']).stdout);
    const byId = new Map(json.evidence.disputes.map((d: { question: string }) => [d.question, d]));
    expect(byId.get('ctx.mcp')).toMatchObject({ claimed: 'No', implied: 'Yes', context: true, reopened: expect.arrayContaining(['fm2.inventory']) });
    expect(byId.get('ctx.autonomy')).toMatchObject({
      implied: 'Agents that work in the background and open pull requests',
      reopened: expect.arrayContaining(['fm3.agents-cannot-merge']),
    });
    const inventory = json.questions.find((q: { id: string }) => q.id === 'fm2.inventory');
    expect(inventory).toMatchObject({ status: 'unknown', reopenedBy: 'ctx.mcp' });
    expect(json.verdict.id).toBe('tighten');
    const md = runCli(['assess', '--answers', answers, '--scan', dir]).stdout;
    expect(md).toContain('brought back into scope: the repository disputes the answer to ctx.mcp');
    expect(md).toContain('Back in scope: fm2.inventory');
  });

  it('acknowledging a finding settles its dispute on the record; a stale acknowledgement is a warning in assess and an error in validate', () => {
    const dir = gitRepo(contradicting);
    const answers = join(tempDir(), 'acked.yaml');
    const text = readFileSync('examples/scale-ready.yaml', 'utf8').replace(
      /^  fm3\.agents-cannot-merge: .*$/m,
      '  fm3.agents-cannot-merge:\n    answer: "yes"\n    acknowledge:\n      - { finding: github.auto-merge-agent-prs@.github/workflows/automerge.yml, reason: "Only Dependabot pull requests; agents are excluded by the actor check" }\n      - { finding: github.auto-merge-agent-prs@.github/workflows/gone.yml, reason: "Old workflow" }',
    );
    writeFileSync(answers, text);
    const r = runCli(['assess', '--answers', answers, '--scan', dir, '--format', 'json']);
    expect(r.stderr).toContain(
      `warning: ${answers}: fm3.agents-cannot-merge acknowledges "github.auto-merge-agent-prs@.github/workflows/gone.yml", which is not a finding in ${dir}`,
    );
    const json = JSON.parse(r.stdout);
    expect(json.evidence.disputes.map((d: { question: string }) => d.question)).not.toContain('fm3.agents-cannot-merge');
    expect(json.evidence.acknowledged).toMatchObject([
      { question: 'fm3.agents-cannot-merge', reason: 'Only Dependabot pull requests; agents are excluded by the actor check' },
    ]);
    const md = runCli(['assess', '--answers', answers, '--scan', dir]).stdout;
    expect(md).toContain('### Acknowledged findings');
    expect(md).toContain('Accepted because: Only Dependabot pull requests; agents are excluded by the actor check');

    const v = runCli(['validate', answers, '--scan', dir]);
    expect(v.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('gone.yml')) + 1;
    expect(v.stderr.trim()).toMatch(
      new RegExp(
        `^error: ${answers.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:\\d+: fm3\\.agents-cannot-merge: no finding "github\\.auto-merge-agent-prs@\\.github/workflows/gone\\.yml" in the scanned repository`,
      ),
    );
  });

  it('rejects a folder that does not exist (exit 2)', () => {
    const r = runCli(['scan', '/nonexistent/repo']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: /nonexistent/repo: not a folder to scan');
  });
});

describe('configuration counts where the tool reads it (issue 24, item 3)', () => {
  const bypass = '{ "permissions": { "defaultMode": "bypassPermissions" } }\n';
  const files = {
    '.claude/settings.json': '{ "permissions": { "deny": ["Read(./.env)"] } }\n',
    'test/fixtures/planted/.claude/settings.json': bypass,
    'vendor/tool/.claude/settings.json': bypass,
  };
  type Json = { findings: { path: string }[]; notActive: { excludes: string[]; findings: { path: string; id: string }[]; unmatched: string[] } };

  it('sets aside what .rollout-check-ignore and --exclude name: counted apart, never weighed, warned when they match nothing', () => {
    const dir = gitRepo({ ...files, '.rollout-check-ignore': '# fixtures are not ours\ntest/fixtures/\n' });
    const scan = (...extra: string[]) => runCli(['scan', dir, '--format', 'json', ...extra]);
    const plain = JSON.parse(scan().stdout) as Json;
    expect(plain.findings.some((f) => f.path.startsWith('test/'))).toBe(false);
    expect(plain.findings.some((f) => f.path.startsWith('vendor/'))).toBe(true);
    expect(plain.notActive.excludes).toEqual(['test/fixtures/']);
    expect(plain.notActive.findings.map((f) => f.id)).toContain('claude-code.bypass-permissions');
    const both = scan('--exclude', 'vendor/', '--exclude', 'nowhere/');
    const json = JSON.parse(both.stdout) as Json;
    expect(json.findings.every((f) => !f.path.startsWith('vendor/') && !f.path.startsWith('test/'))).toBe(true);
    expect(json.notActive.unmatched).toEqual(['nowhere/']);
    expect(both.stderr).toBe(`warning: "nowhere/" (--exclude or .rollout-check-ignore) matches no configuration file in ${dir}\n`);
    expect(runCli(['scan', dir, '--exclude', 'vendor/']).stdout).toMatch(
      /Not active here: \d+ findings in paths the ignore file or --exclude set aside \(test\/fixtures\/, vendor\/\)/,
    );
    // Set aside, a planted bypass mode disputes nothing; in play, it would.
    const answers = 'examples/scale-ready.yaml';
    const disputes = (...extra: string[]) =>
      JSON.parse(runCli(['assess', '--answers', answers, '--scan', dir, '--format', 'json', ...extra]).stdout).evidence.disputes.map(
        (d: { question: string }) => d.question,
      );
    expect(disputes()).toContain('fm1.bypass-modes');
    expect(disputes('--exclude', 'vendor/')).not.toContain('fm1.bypass-modes');
    expect(runCli(['assess', '--answers', answers, '--exclude', 'vendor/']).stderr).toBe('error: --exclude only applies with --scan\n');
  });

  it('this repository, with the ignore file it commits, reports no fixture finding as its own and disputes nothing because of them', () => {
    const scan = JSON.parse(runCli(['scan', '.', '--format', 'json']).stdout) as Json;
    expect(scan.findings.filter((f) => f.path.startsWith('test/'))).toEqual([]);
    expect(scan.notActive.findings.length).toBeGreaterThan(20);
    const result = JSON.parse(runCli(['assess', '--answers', 'examples/scale-ready.yaml', '--scan', '.', '--format', 'json']).stdout);
    expect(result.evidence.disputes).toEqual([]);
    expect(result.verdict.id).toBe('scale');
  });

  it('an instruction to commit with --no-verify disputes "enforced everywhere", citing the line', () => {
    const dir = gitRepo({ 'AGENTS.md': '# Working here\n\nIf the hooks are slow, commit with --no-verify.\n' });
    const result = JSON.parse(runCli(['assess', '--answers', 'examples/scale-ready.yaml', '--scan', dir, '--format', 'json']).stdout);
    const dispute = result.evidence.disputes.find((d: { question: string }) => d.question === 'fm1.enforced-in-config');
    expect(JSON.stringify(dispute)).toContain('AGENTS.md:3');
    expect(result.verdict.id).not.toBe('scale');
  });
});
