// Defects found in review, each pinned by the input that showed it.
import { execFileSync } from 'node:child_process';
import { gitAs } from '../helpers/git.js';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('found in review', () => {
  it.each(['2026-13-45', '2026-02-31'])('an answers file dated %s is a located error (exit 2), with or without --history', (date) => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, readFileSync('examples/pilot-ready.yaml', 'utf8').replace('date: 2026-11-09', `date: "${date}"`));
    for (const extra of [[], ['--history', '.']]) {
      const r = runCli(['assess', '--answers', file, ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/a\.yaml:\d+:\d+: .*(no such day|YYYY-MM-DD)/);
    }
  });

  it('a history ending at the answers date reads the branch as it stood then: a later merge is not a direct push', () => {
    const dir = tempDir();
    const at = (day: number) => `${Date.UTC(2026, 9, day) / 1000} +0000`;
    const git = (day: number, ...args: string[]) => gitAs(dir, 'Ada <ada@example.com>', at(day), args);
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    writeFileSync(join(dir, 'a.txt'), '1\n');
    git(1, 'add', '-A');
    git(1, 'commit', '-q', '-m', 'start');
    git(2, 'checkout', '-q', '-b', 'claude/x');
    for (const day of [5, 6]) {
      writeFileSync(join(dir, `c${day}.txt`), 'x\n');
      git(day, 'add', '-A');
      git(day, 'commit', '-q', '-m', `agent ${day}\n\nCo-Authored-By: Claude <noreply@anthropic.com>`);
    }
    git(7, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'b.txt'), '2\n');
    git(7, 'add', '-A');
    git(7, 'commit', '-q', '-m', 'human push');
    git(10, 'merge', '-q', '--no-ff', 'claude/x', '-m', "Merge branch 'claude/x'");
    const answers = (date: string) => {
      const file = join(tempDir(), 'a.yaml');
      writeFileSync(file, readFileSync('examples/pilot-ready.yaml', 'utf8').replace('date: 2026-11-09', `date: ${date}`));
      return file;
    };
    const tools = (date: string) =>
      JSON.parse(runCli(['assess', '--answers', answers(date), '--history', dir, '--format', 'json']).stdout).history.tools as {
        id: string;
        commits: number;
        pushedDirectly: number;
        reachedByMerge: number;
      }[];
    const before = tools('2026-10-08');
    expect(before.find((t) => t.id === 'claude-code')).toBeUndefined();
    expect(before.find((t) => t.id === 'human')).toMatchObject({ commits: 2, pushedDirectly: 2 });
    const after = tools('2026-10-12');
    expect(after.find((t) => t.id === 'claude-code')).toMatchObject({ commits: 2, pushedDirectly: 0, reachedByMerge: 2 });
    expect(after.find((t) => t.id === 'human')).toMatchObject({ commits: 2, pushedDirectly: 2 });
  });

  it('portfolio Markdown escapes every string from result files, and sorts the same in every locale', () => {
    const dir = tempDir();
    const seed = JSON.parse(readFileSync('examples/portfolio/results/honest-small-pilot.json', 'utf8'));
    const evil = '<img src=x onerror=alert(1)>`';
    for (const [i, team] of ['Zeta', 'Ärzte', 'alpha'].entries())
      writeFileSync(
        join(dir, `${i}.json`),
        JSON.stringify({
          ...seed,
          metadata: { ...seed.metadata, team, date: `2026-11-0${i + 1}${i === 0 ? evil : ''}` },
          nextSteps: seed.nextSteps.map((s: { id: string }) => ({ ...s, id: `${s.id}${evil}` })),
        }),
      );
    const md = runCli(['aggregate', dir], { env: { LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' } });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toContain('<img');
    expect(md.stdout).toBe(runCli(['aggregate', dir], { env: { LANG: 'C', LC_ALL: 'C' } }).stdout);
  });

  it('aggregate can write its portfolio into the folder it reads, again and again', () => {
    const dir = tempDir();
    for (const f of readdirSync('examples/portfolio/results').slice(0, 2)) copyFileSync(join('examples/portfolio/results', f), join(dir, f));
    mkdirSync(join(dir, 'x'));
    for (let i = 0; i < 2; i++) expect(runCli(['aggregate', dir, '--format', 'json', '--out', join(dir, 'portfolio.json')]).code).toBe(0);
  });

  it('a history with nothing to go on disagrees with nothing', () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    writeFileSync(join(dir, 'a.txt'), '1\n');
    execFileSync('git', ['-C', dir, 'add', '-A']);
    execFileSync('git', ['-C', dir, '-c', 'user.name=A', '-c', 'user.email=a@example.com', 'commit', '-q', '-m', 'one']);
    const json = JSON.parse(runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--history', dir, '--all', '--format', 'json']).stdout);
    expect(json.history.disagreements).toEqual([]);
  });
});
