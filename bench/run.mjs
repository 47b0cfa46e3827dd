// `npm run bench`: times commands against a baseline measured in the same run and prints ratios.
// Targets are ratios, never absolute times, so the numbers mean the same on any machine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { budgetTable } from './budget.mjs';
import { buildRepo, cleanup, peakMemory } from './scan.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 15);
let runsOverride;

/** Median wall time in ms of `runs` executions (after one warm-up). */
export function time(label, cmd, args, opts = {}) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  once();
  const samples = Array.from({ length: runsOverride ?? runs }, once).sort((a, b) => a - b);
  return { label, median: samples[Math.floor(samples.length / 2)] };
}

function row(r, base) {
  return `${r.label.padEnd(44)} ${r.median.toFixed(1).padStart(8)} ms   ${(r.median / base.median).toFixed(2)}x`;
}

// The start-up budget: every command a CI job or a lead runs, against `node -e 0` (bench/budget.mjs).
console.log(budgetTable());
console.log('');

// The scanner on a synthetic 100,000-file repository.
const repo = buildRepo();
try {
  const scanRuns = Number(process.env.BENCH_SCAN_RUNS ?? 7);
  const timeN = (label, cmd, args) => {
    const saved = runsOverride;
    runsOverride = scanRuns;
    try {
      return time(label, cmd, args, { cwd: repo.dir, maxBuffer: 1 << 30 });
    } finally {
      runsOverride = saved;
    }
  };
  const gitLs = timeN('git ls-files', 'git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  const node2 = timeN('node -e 0', process.execPath, ['-e', '0']);
  const scan = timeN(`rollout-check scan (${repo.files} files)`, process.execPath, [bin, 'scan', repo.dir, '--format', 'json']);
  const base = { label: 'git ls-files + node start-up', median: gitLs.median + node2.median };
  console.log('');
  console.log(`scanner: median of ${scanRuns} runs each, ratios against git ls-files + bare Node start-up`);
  for (const r of [gitLs, node2, base, scan]) console.log(row(r, base));
  const scanRatio = scan.median / base.median;
  console.log(`scan / (git ls-files + node start-up): ${scanRatio.toFixed(2)}x (target: within 1.5x) ${scanRatio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
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
