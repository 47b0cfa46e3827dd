// The start-up budget: every command a CI job or a lead runs, each timed in pairs interleaved with
// `node -e 0` (command, node, command, node, ...) so that a noisy machine slows both sides of a
// pair alike. Each row is the median of the per-pair ratios, with the spread (25th to 75th
// percentile) beside it, and the target.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');

function wall(args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** How long a git command takes, for a command whose real floor is Node plus the git it runs. */
function gitWall(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('git', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Paired, interleaved ratios of a command against `node -e 0`, plus `floor` (the git a command must
 * run, timed in the same round) when given.
 */
export function paired(args, pairs, cwd = root, floor = () => 0) {
  wall(args, cwd);
  wall(['-e', '0'], cwd);
  floor();
  const ratios = [];
  const own = [];
  for (let i = 0; i < pairs; i++) {
    const a = wall(args, cwd);
    const b = wall(['-e', '0'], cwd) + floor();
    ratios.push(a / b);
    own.push(a);
  }
  ratios.sort((x, y) => x - y);
  own.sort((x, y) => x - y);
  return { median: q(ratios, 0.5), p25: q(ratios, 0.25), p75: q(ratios, 0.75), ms: q(own, 0.5) };
}

/** A small repository for `scan`: a few agent files, committed to git. */
function smallRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-check-budget-'));
  const put = (p, t) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  };
  put('.claude/settings.json', '{ "permissions": { "deny": ["Read(./.env)"] } }\n');
  put('CLAUDE.md', '# Rules\nSee AGENTS.md\n');
  put('AGENTS.md', '# Agents\nNever push to main.\n');
  put(
    '.github/workflows/claude.yml',
    'on: issue_comment\npermissions: { contents: read }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n',
  );
  spawnSync('git', ['init', '-q'], { cwd: dir });
  spawnSync('git', ['add', '-A'], { cwd: dir });
  // A few commits, for `history`.
  spawnSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.com', 'commit', '-q', '-m', 'start\n\nCo-Authored-By: Claude <noreply@anthropic.com>'], {
    cwd: dir,
  });
  return dir;
}

export function budgetTable(pairs = Number(process.env.BENCH_PAIRS ?? 25)) {
  const repo = smallRepo();
  const out = join(mkdtempSync(join(tmpdir(), 'rollout-check-out-')), 'r');
  const rows = [
    ['--version', ['--version'], 1.15],
    ['explain fm1.work-split', ['explain', 'fm1.work-split'], 1.5],
    ['validate examples/pilot-ready.yaml', ['validate', 'examples/pilot-ready.yaml'], 1.5],
    ['assess --format md --out', ['assess', '--answers', 'examples/pilot-ready.yaml', '--out', `${out}.md`], 1.5],
    ['assess --format json --out', ['assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'json', '--out', `${out}.json`], 1.5],
    ['assess --format html --out', ['assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'html', '--out', `${out}.html`], 1.5],
    ['scan (small repository)', ['scan', repo, '--format', 'json'], 1.5],
    // history must start git: its floor is Node's start-up plus the `git log` it runs (issue 26).
    [
      'history (small repository)',
      ['history', repo, '--all', '--format', 'json'],
      1.5,
      () => gitWall(['-C', repo, 'log', '--reverse', '-z', '--numstat', '-M', '--format=%H', 'HEAD']),
    ],
    ['aggregate (the ten-team portfolio)', ['aggregate', 'examples/portfolio/results', '--format', 'md'], 1.5],
  ];
  const lines = [
    `start-up budget: ${pairs} pairs per command, interleaved with node -e 0 (history: node -e 0 plus its git log; median ratio, spread p25-p75); ${availableParallelism()} cores, Node ${process.version}`,
  ];
  let over = 0;
  for (const [label, args, target, floor] of rows) {
    const r = paired([bin, ...args], pairs, root, floor);
    const ok = r.median <= target;
    if (!ok) over++;
    lines.push(
      `${label.padEnd(38)} ${r.ms.toFixed(0).padStart(5)} ms  ${r.median.toFixed(2)}x  (${r.p25.toFixed(2)}-${r.p75.toFixed(2)})  target ${target.toFixed(2)}x  ${ok ? 'OK' : 'OVER'}`,
    );
  }
  rmSync(repo, { recursive: true, force: true });
  lines.push(over ? `${over} command(s) over budget` : 'every command within budget');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(budgetTable());
