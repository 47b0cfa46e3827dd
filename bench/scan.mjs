// Scanner benchmark: a synthetic git repository of 100,000 files with agent configuration
// scattered through nested packages. Times `scan` against `git ls-files` and bare Node start-up,
// in the same run, and reports peak memory. Generating the repository is not timed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function buildRepo(totalFiles = Number(process.env.BENCH_SCAN_FILES ?? 100_000)) {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-check-bench-'));
  const perPackage = 100;
  const packages = Math.ceil(totalFiles / perPackage);
  let written = 0;
  const write = (path, text) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    written++;
  };
  write('AGENTS.md', '# Standards\nNever push to main.\n');
  write('.github/CODEOWNERS', '/.github/ @platform\n');
  write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
  for (let p = 0; p < packages && written < totalFiles; p++) {
    const pkg = `packages/group-${String(Math.floor(p / 50)).padStart(2, '0')}/pkg-${String(p).padStart(4, '0')}`;
    // Every 25th package carries agent configuration of its own.
    if (p % 25 === 0) {
      write(`${pkg}/CLAUDE.md`, 'See @AGENTS.md\n');
      write(`${pkg}/.claude/settings.json`, JSON.stringify({ permissions: { deny: ['Read(./.env)'] }, sandbox: { enabled: true, failIfUnavailable: true } }));
      write(`${pkg}/.cursor/rules/style.mdc`, '---\ndescription: style\n---\nSmall functions.\n');
    }
    for (let f = 0; written < totalFiles && f < perPackage; f++) write(`${pkg}/src/module-${f}.ts`, `export const value${f} = ${f};\n`);
  }
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore', maxBuffer: 1 << 30 });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic');
  return { dir, files: written };
}

/** Peak resident memory in MiB of one run, from GNU time when present. */
export function peakMemory(cmd, args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return m ? Number(m[1]) / 1024 : undefined;
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}
