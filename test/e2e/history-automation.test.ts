// History on real git repositories made here (issue 29): automation apart from agents and people,
// markers an agent's app leaves on a person's commit, and partial clones that must not download
// the past behind the user's back. Through the built binary.
import { execFileSync } from 'node:child_process';
import { gitAs } from '../helpers/git.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

interface Row {
  id: string;
  kind: string;
  commits: number;
  pushedDirectly: number;
  linesAdded: number;
}

function repo(commits: { author: string; message: string; file?: string }[]): string {
  const dir = join(tempDir('rollout-check-auto-'), 'repo');
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  commits.forEach((c, i) => {
    writeFileSync(join(dir, c.file ?? `f${i}.txt`), `line ${i}\n`.repeat(i + 1));
    execFileSync('git', ['-C', dir, 'add', '-A']);
    const date = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`;
    gitAs(dir, c.author, date, ['commit', '-q', '-m', c.message]);
  });
  return dir;
}

const person = 'Dana Lee <dana@example.com>';
const history = (dir: string, ...extra: string[]) => {
  const r = runCli(['history', dir, '--all', '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { tools: Row[]; attribution: { agentCommits: number }; limits: string[]; commits: number };
};

describe('automation is its own kind', () => {
  const commits = [
    { author: person, message: 'feat: first' },
    { author: 'GitHub Actions <actions@github.com>', message: 'chore: bump version to 1.0.1' },
    { author: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>', message: 'chore: update dist' },
    { author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>', message: 'Bump yaml from 2.8.0 to 2.9.1' },
    { author: 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>', message: 'chore(deps): update node' },
    { author: 'release-please[bot] <55107282+release-please[bot]@users.noreply.github.com>', message: 'chore: release 1.1.0' },
    { author: person, message: 'fix: second\n\nCo-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>' },
    // The Claude app committing through the Actions app's address is Claude Code, not automation.
    { author: 'claude[bot] <41898282+github-actions[bot]@users.noreply.github.com>', message: 'feat: third' },
    // A bot that takes a person's name is judged by its address, and a person named Claude is a person.
    { author: 'Dana Lee <49699333+dependabot[bot]@users.noreply.github.com>', message: 'Bump x' },
    { author: 'Claude Monet <claude@example.com>', message: 'docs: water lilies' },
    { author: person, message: 'feat: fourth' },
  ];

  it('counts bots on their own row, outside the people and the pushed-directly signal', () => {
    const dir = repo(commits);
    const h = history(dir);
    const row = (id: string) => h.tools.find((t) => t.id === id)!;
    expect(row('automation')).toMatchObject({ kind: 'automation', commits: 6, pushedDirectly: 6 });
    expect(row('claude-code')).toMatchObject({ kind: 'agent', commits: 2 });
    expect(row('human')).toMatchObject({ kind: 'people', commits: 3 });
    expect(h.tools.map((t) => t.id)).toEqual(['claude-code', 'automation', 'human']);
    expect(h.attribution.agentCommits).toBe(2);
    // In the report, a bot's direct pushes are not a person or an agent bypassing review.
    const answers = join(tempDir(), 'a.yaml');
    writeFileSync(answers, 'checklist: { id: ai-coding-rollout, version: 1.2.0 }\nmetadata: { date: 2026-11-01 }\nanswers:\n  fm3.human-review: all\n');
    const report = JSON.parse(runCli(['assess', '--answers', answers, '--history', dir, '--all', '--format', 'json']).stdout);
    const signal = report.history.signals.find((s: { id: string }) => s.id === 'history.agent-pushed-directly');
    expect(signal.message).toMatch(/^2 of 2 agent commits reached main pushed directly/);
    const text = runCli(['history', dir, '--all']).stdout;
    expect(text).toContain('2 commits attributed to agents, 6 to automation;');
  });

  it('a .mailmap cannot turn a bot into a person: identities are read as committed', () => {
    const dir = repo(commits);
    writeFileSync(
      join(dir, '.mailmap'),
      'Dana Lee <dana@example.com> <49699333+dependabot[bot]@users.noreply.github.com>\nDana Lee <dana@example.com> <actions@github.com>\n',
    );
    execFileSync('git', ['-C', dir, 'add', '.mailmap']);
    gitAs(dir, 'Dana Lee <dana@example.com>', '2026-10-29T12:00:00Z', ['commit', '-q', '-m', 'mailmap']);
    expect(history(dir).tools.find((t) => t.id === 'automation')?.commits).toBe(6);
  });

  it("--attribution adds a bot of the team's own as automation, without repeating the kind", () => {
    const dir = repo([...commits, { author: 'Nightly <ci@corp.example>', message: 'chore: nightly snapshot' }]);
    const extra = join(tempDir(), 'ours.yaml');
    writeFileSync(
      extra,
      'version: 1\ntools:\n  - id: automation\n    name: Automation\n    rules:\n      - author: "<ci@corp\\\\.example>$"\n        source: our nightly job\n',
    );
    const h = history(dir, '--attribution', extra);
    expect(h.tools.find((t) => t.id === 'automation')).toMatchObject({ kind: 'automation', commits: 7 });
    const own = join(tempDir(), 'own.yaml');
    writeFileSync(
      own,
      'version: 1\ntools:\n  - id: nightly\n    name: Nightly job\n    kind: automation\n    rules:\n      - author: "<ci@corp\\\\.example>$"\n        source: our nightly job\n',
    );
    expect(history(dir, '--attribution', own).tools.find((t) => t.id === 'nightly')).toMatchObject({ kind: 'automation', commits: 1 });
  });

  it("reads a co-author line followed by a tool's own trailer paragraph", () => {
    const dir = repo([
      { author: person, message: 'perf: faster\n\nBody.\n\nCo-authored-by: Copilot <198982749+Copilot@users.noreply.github.com>\n\nSession: abc' },
      { author: person, message: 'chore: plain\n\nNot-a-trailer line\nSigned-off-by: Dana Lee <dana@example.com>' },
    ]);
    const h = history(dir);
    expect(h.tools.find((t) => t.id === 'copilot')?.commits).toBe(1);
    expect(h.tools.find((t) => t.id === 'human')?.commits).toBe(1);
  });
});

describe('a partial clone', () => {
  it('is read from what is local, never downloaded, and names the limit', () => {
    const source = repo(Array.from({ length: 12 }, (_, i) => ({ author: i % 3 ? person : 'Cursor Agent <cursoragent@cursor.com>', message: `change ${i}` })));
    execFileSync('git', ['-C', source, 'config', 'uploadpack.allowFilter', 'true']);
    const clone = join(tempDir('rollout-check-partial-'), 'clone');
    execFileSync('git', ['clone', '-q', '--no-local', '--filter=blob:none', `file://${source}`, clone]);
    // Any download would now fail: the remote is gone.
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `file://${source}-gone`]);
    const before = execFileSync('git', ['-C', clone, 'count-objects', '-v'], { encoding: 'utf8' });
    const h = history(clone);
    const full = history(source);
    expect(h.commits).toBe(full.commits);
    expect(h.tools.map((t) => [t.id, t.commits])).toEqual(full.tools.map((t) => [t.id, t.commits]));
    expect(h.tools.every((t) => t.linesAdded === 0)).toBe(true);
    expect(h.limits.join('\n')).toMatch(/^This is a partial clone \(`git clone --filter`\): .*Run in a full clone/m);
    expect(full.limits.join('\n')).not.toContain('partial clone');
    expect(execFileSync('git', ['-C', clone, 'count-objects', '-v'], { encoding: 'utf8' })).toBe(before);
  });
});
