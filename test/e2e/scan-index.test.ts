// Listing a small repository without git (src/scan/list-files.ts, listedByIndex, reading the index
// with src/scan/git-index.ts) must list exactly what git does, on real repositories made in temp
// folders: whenever it answers at all, its answer is git's, and whatever it is unsure of is left to
// git. Generated repositories cover what a work tree and an index can hold; the named cases cover
// what the reader must refuse.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIndex } from '../../src/scan/git-index.js';
import { listFiles, listedByIndex } from '../../src/scan/list-files.js';
import { tempDir } from '../helpers/cli.js';

const git = (dir: string, args: string[], input?: string) =>
  execFileSync('git', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
const byGit = (dir: string) => git(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']).split('\0').filter(Boolean).sort();

function newRepo(): string {
  const dir = tempDir('rollout-check-index-');
  git(dir, ['init', '-q']);
  git(dir, ['config', 'user.email', 'a@example.com']);
  git(dir, ['config', 'user.name', 'A']);
  return dir;
}

function write(dir: string, path: string, text = `${path}\n`): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const name = fc.constantFrom('a', 'b', 'CLAUDE.md', '.mcp.json', 'é', 'x y', '.claude', 'settings.json', 'AGENTS.md', 'ü-long-name-of-a-file.md');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const change = fc.oneof(
  fc.record({ kind: fc.constant('untracked' as const), path }),
  fc.record({ kind: fc.constant('ignored' as const), path }),
  fc.record({ kind: fc.constant('deleted' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('intent' as const), path }),
  fc.record({ kind: fc.constant('skip' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('empty-folder' as const), path }),
  fc.record({ kind: fc.constant('symlink' as const), path }),
  fc.record({ kind: fc.constant('nested-repo' as const), path }),
);

describe('listing a small repository from its index', () => {
  it('lists what git lists whenever it answers, and answers for a clean work tree', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(path, { minLength: 1, maxLength: 8 }),
        fc.array(change, { maxLength: 2 }),
        fc.constantFrom(2, 3, 4),
        (paths, changes, version) => {
          runs++;
          const dir = newRepo();
          // A file and a folder of the same name cannot both be tracked: keep the first of each clash.
          const kept = paths.filter(
            (p) => !paths.some((q) => q !== p && (q.startsWith(`${p}/`) || p.startsWith(`${q}/`)) && paths.indexOf(q) < paths.indexOf(p)),
          );
          for (const p of kept) write(dir, p);
          git(dir, ['add', '-A']);
          git(dir, ['commit', '-qm', 'files']);
          for (const c of changes) {
            try {
              if (c.kind === 'untracked') write(dir, `new/${c.path}`);
              else if (c.kind === 'ignored') {
                write(dir, '.git/info/exclude', 'ignored/\n');
                write(dir, `ignored/${c.path}`);
              } else if (c.kind === 'deleted') rmSync(join(dir, kept[c.at % kept.length]!), { force: true });
              else if (c.kind === 'intent') {
                write(dir, `added/${c.path}`);
                git(dir, ['add', '-N', `added/${c.path}`]);
              } else if (c.kind === 'skip') git(dir, ['update-index', '--skip-worktree', kept[c.at % kept.length]!]);
              else if (c.kind === 'empty-folder') mkdirSync(join(dir, 'empty', c.path), { recursive: true });
              else if (c.kind === 'symlink') symlinkSync('CLAUDE.md', join(dir, `link-${c.path.replace(/\//g, '-')}`));
              else git(dir, ['init', '-q', join('nested', c.path)]);
            } catch {
              // A change the generated tree cannot take (a file where a folder would go): skipped.
            }
          }
          git(dir, ['update-index', `--index-version=${version}`]);
          const expected = byGit(dir);
          const listed = listedByIndex(dir);
          if (listed !== undefined) {
            answered++;
            expect([...listed].sort()).toEqual(expected);
          }
          // With or without git, the listing is git's.
          expect(listFiles(dir).first.all()).toEqual(expected);
          if (!changes.length) expect(listed).toBeDefined();
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
    // Enough of the generated repositories were read from the index for the comparison to mean something.
    expect(answered).toBeGreaterThan(runs / 4);
  });

  it('lists a path in conflict once, and a submodule as git does', () => {
    const dir = newRepo();
    const blob = git(dir, ['hash-object', '-w', '--stdin'], 'x\n').trim();
    const commit = git(dir, ['commit-tree', git(dir, ['write-tree']).trim(), '-m', 'empty']).trim();
    git(
      dir,
      ['update-index', '--index-info'],
      [1, 2, 3].map((stage) => `100644 ${blob} ${stage}\tconflicted.md`).join('\n') + `\n160000 ${commit} 0\tvendor/sub\n`,
    );
    write(dir, 'conflicted.md');
    mkdirSync(join(dir, 'vendor', 'sub'), { recursive: true });
    expect(listedByIndex(dir)).toEqual(byGit(dir));
    expect(byGit(dir)).toEqual(['conflicted.md', 'vendor/sub']);
  });

  it('leaves to git an index it does not know: split, SHA-256, a required extension, bytes out of place', () => {
    const split = newRepo();
    write(split, 'CLAUDE.md');
    git(split, ['add', '-A']);
    git(split, ['update-index', '--split-index']);
    expect(listedByIndex(split)).toBeUndefined();
    expect(listFiles(split).first.all()).toEqual(['CLAUDE.md']);

    const sha256 = tempDir('rollout-check-index-');
    git(sha256, ['init', '-q', '--object-format=sha256']);
    write(sha256, 'CLAUDE.md');
    git(sha256, ['add', '-A']);
    expect(listedByIndex(sha256)).toBeUndefined();
    expect(listFiles(sha256).first.all()).toEqual(['CLAUDE.md']);

    const plain = newRepo();
    write(plain, 'AGENTS.md');
    git(plain, ['add', '-A']);
    const bytes = readFileSync(join(plain, '.git', 'index'));
    expect(readIndex(bytes)).toEqual([{ path: 'AGENTS.md', gitlink: false }]);
    // A required extension (lowercase name) before the checksum.
    const required = Buffer.concat([bytes.subarray(0, bytes.length - 20), Buffer.from('link\0\0\0\0'), bytes.subarray(bytes.length - 20)]);
    expect(readIndex(required)).toBeUndefined();
    // One entry more than the index holds; a path git would refuse.
    const more = Buffer.from(bytes);
    more.writeUInt32BE(2, 8);
    expect(readIndex(more)).toBeUndefined();
    const refused = Buffer.from(bytes.toString('latin1').replace('AGENTS.md', '../GENTS.md'), 'latin1');
    expect(readIndex(refused)).toBeUndefined();
  });

  it('leaves to git a repository git would refuse, or one whose settings move it', () => {
    const moved = newRepo();
    write(moved, 'CLAUDE.md');
    git(moved, ['add', '-A']);
    expect(listedByIndex(moved)).toEqual(['CLAUDE.md']);
    git(moved, ['config', 'core.worktree', moved]);
    expect(listedByIndex(moved)).toBeUndefined();

    const elsewhere = newRepo();
    write(elsewhere, 'CLAUDE.md');
    git(elsewhere, ['add', '-A']);
    process.env.GIT_INDEX_FILE = join(elsewhere, '.git', 'other-index');
    try {
      expect(listedByIndex(elsewhere)).toBeUndefined();
    } finally {
      delete process.env.GIT_INDEX_FILE;
    }
    expect(listedByIndex(elsewhere)).toEqual(['CLAUDE.md']);

    // Owned by someone else: git refuses the repository (safe.directory) and the folder is walked.
    if (process.getuid?.() === 0) {
      const foreign = newRepo();
      write(foreign, 'CLAUDE.md');
      git(foreign, ['add', '-A']);
      chownSync(foreign, 65534, 65534);
      chownSync(join(foreign, '.git'), 65534, 65534);
      expect(listedByIndex(foreign)).toBeUndefined();
      expect(listFiles(foreign).fromGit).toBe(false);
    }
  });
});
