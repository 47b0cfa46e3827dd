// `npm run bench`: times commands against a baseline measured in the same run and prints ratios.
// Targets are ratios, never absolute times, so the numbers mean the same on any machine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 15);

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
  const samples = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { label, median: samples[Math.floor(samples.length / 2)] };
}

function row(r, base) {
  return `${r.label.padEnd(44)} ${r.median.toFixed(1).padStart(8)} ms   ${(r.median / base.median).toFixed(2)}x`;
}

const node = time('node -e 0 (baseline)', process.execPath, ['-e', '0']);
const version = time('rollout-check --version', process.execPath, [bin, '--version']);
const assess = time('rollout-check assess (pilot example)', process.execPath, [bin, 'assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'md']);
console.log(`median of ${runs} runs each, ratios against bare Node start-up`);
for (const r of [node, version, assess]) console.log(row(r, node));
const ratio = assess.median / node.median;
console.log(`assess / node start-up: ${ratio.toFixed(2)}x (target: within 2x) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`);
