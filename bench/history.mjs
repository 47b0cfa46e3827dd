// The history reader on a generated repository of 100,000 commits (scripts/history-fixture.mjs,
// built with git fast-import): time against `git log --numstat` over the same range piped to
// /dev/null, measured in the same run, and this process's own peak memory (git's is its own).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeHistoryRepo } from '../scripts/history-fixture.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');
const probe = join(root, 'bench', 'rss-probe.cjs');

function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stderr: r.stderr };
}

export async function historyBench(commits = Number(process.env.BENCH_HISTORY_COMMITS ?? 100_000), runs = Number(process.env.BENCH_HISTORY_RUNS ?? 3)) {
  const dir = join(mkdtempSync(join(tmpdir(), 'rollout-check-history-bench-')), 'repo');
  try {
    const t0 = Date.now();
    await makeHistoryRepo(dir, { commits, seed: 3, hoursApart: 0.6 });
    const built = ((Date.now() - t0) / 1000).toFixed(1);
    const git = [];
    const ours = [];
    let peak = 0;
    // Interleaved, so a noisy neighbour slows both alike.
    for (let i = 0; i < runs; i++) {
      git.push(timed('git', ['-C', dir, 'log', '--numstat', 'HEAD']).ms);
      const r = timed(process.execPath, ['-r', probe, bin, 'history', dir, '--all', '--format', 'json']);
      ours.push(r.ms);
      peak = Math.max(peak, Number(/peak-rss-kib (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(ours) / median(git);
    return [
      `history: ${commits} generated commits (built with git fast-import in ${built} s), median of ${runs} interleaved runs`,
      `git log --numstat > /dev/null                ${median(git).toFixed(0).padStart(8)} ms   1.00x`,
      `rollout-check history --all                  ${median(ours).toFixed(0).padStart(8)} ms   ${ratio.toFixed(2)}x`,
      `history / git log --numstat: ${ratio.toFixed(2)}x (target: within 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`,
      `history peak memory (its own process): ${peak.toFixed(1)} MiB (target: at most 150 MiB) ${peak <= 150 ? 'OK' : 'OVER TARGET'}`,
    ].join('\n');
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}
