// `npm run bench`: times commands against a baseline measured in the same run and prints ratios.
// Targets are ratios, never absolute times, so the numbers mean the same on any machine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { budgetTable } from './budget.mjs';
import { buildRepo, cleanup, peakMemory } from './scan.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');

function row(r, base) {
  return `${r.label.padEnd(44)} ${r.median.toFixed(1).padStart(8)} ms   ${(r.median / base.median).toFixed(2)}x`;
}

// The start-up budget: every command a CI job or a lead runs, against `node -e 0` (bench/budget.mjs).
console.log(budgetTable());
console.log('');

// The scanner on a synthetic 100,000-file repository.
const repo = buildRepo();
try {
  // Interleaved rounds (git, node, scan, then again), each giving its own ratio, as in the budget
  // table: on a shared machine a busy stretch then slows both sides of a round alike, where
  // medians of separate batches can each catch a different stretch.
  const rounds = Number(process.env.BENCH_SCAN_RUNS ?? 11);
  const timeOnce = (cmd, args) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: repo.dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const gitArgs = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  const scanArgs = [bin, 'scan', repo.dir, '--format', 'json'];
  timeOnce('git', gitArgs);
  timeOnce(process.execPath, scanArgs);
  const own = { git: [], node: [], scan: [] };
  const ratios = [];
  for (let i = 0; i < rounds; i++) {
    const git = timeOnce('git', gitArgs);
    const node = timeOnce(process.execPath, ['-e', '0']);
    const scan = timeOnce(process.execPath, scanArgs);
    own.git.push(git);
    own.node.push(node);
    own.scan.push(scan);
    ratios.push(scan / (git + node));
  }
  const mid = (xs, p = 0.5) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const base = { label: 'git ls-files + node start-up', median: mid(own.git) + mid(own.node) };
  console.log('');
  console.log(`scanner: ${rounds} interleaved rounds (git ls-files, node -e 0, scan); median times, and the median of the per-round ratios`);
  for (const r of [
    { label: 'git ls-files', median: mid(own.git) },
    { label: 'node -e 0', median: mid(own.node) },
    base,
    { label: `rollout-check scan (${repo.files} files)`, median: mid(own.scan) },
  ])
    console.log(row(r, base));
  const scanRatio = mid(ratios);
  console.log(
    `scan / (git ls-files + node start-up): ${scanRatio.toFixed(2)}x (spread ${mid(ratios, 0.25).toFixed(2)}-${mid(ratios, 0.75).toFixed(2)}; target: within 1.5x) ${scanRatio <= 1.5 ? 'OK' : 'OVER TARGET'}`,
  );
  const mem = peakMemory(process.execPath, [bin, 'scan', repo.dir, '--format', 'json'], repo.dir);
  const memGit = peakMemory('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repo.dir);
  if (mem !== undefined) console.log(`peak memory: scan ${mem.toFixed(1)} MiB, git ls-files ${memGit?.toFixed(1)} MiB`);
} finally {
  cleanup(repo.dir);
}

// The history reader on 100,000 generated commits.
const { historyBench } = await import('./history.mjs');
console.log('');
console.log(await historyBench());

// The portfolio roll-up over 10,000 generated results.
const { aggregateBench } = await import('./aggregate.mjs');
console.log('');
console.log(aggregateBench());

// A team assessment of 500 respondents.
const { respondentsBench } = await import('./respondents.mjs');
console.log('');
console.log(respondentsBench());
