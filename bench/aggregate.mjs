// `aggregate` over 10,000 generated results (the example results, each under another team name
// and with its scores shifted) against Node reading and JSON-parsing the same files, measured in
// the same run; and the peak memory of aggregate's own process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');
const probe = join(root, 'bench', 'rss-probe.cjs');

export function aggregateBench(count = Number(process.env.BENCH_AGGREGATE_RESULTS ?? 10_000), runs = Number(process.env.BENCH_AGGREGATE_RUNS ?? 5)) {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-check-aggregate-bench-'));
  try {
    const seeds = readdirSync(join(root, 'examples', 'portfolio', 'results')).map((f) =>
      JSON.parse(readFileSync(join(root, 'examples', 'portfolio', 'results', f), 'utf8')),
    );
    for (let i = 0; i < count; i++) {
      const seed = seeds[i % seeds.length];
      const shift = (i % 17) - 8;
      const r = {
        ...seed,
        metadata: { ...seed.metadata, team: `Team ${String(i).padStart(5, '0')}` },
        failureModes: seed.failureModes.map((f) => ({ ...f, score: f.score === null ? null : Math.max(0, Math.min(100, f.score + shift)) })),
      };
      writeFileSync(join(dir, `result-${String(i).padStart(5, '0')}.json`), JSON.stringify(r));
    }
    const readAll = `const fs=require('fs'),p=require('path');const d=${JSON.stringify(dir)};let n=0;for(const f of fs.readdirSync(d)){if(f.endsWith('.json')){JSON.parse(fs.readFileSync(p.join(d,f),'utf8'));n++}}`;
    const timed = (args) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stderr: r.stderr };
    };
    const base = [];
    const ours = [];
    let peak = 0;
    timed(['-e', readAll]); // warm the page cache for both
    for (let i = 0; i < runs; i++) {
      base.push(timed(['-e', readAll]).ms);
      const r = timed(['-r', probe, bin, 'aggregate', dir, '--format', 'json']);
      ours.push(r.ms);
      peak = Math.max(peak, Number(/peak-rss-kib (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(ours) / median(base);
    return [
      `aggregate: ${count} generated results, median of ${runs} interleaved runs`,
      `node: read and JSON.parse every file          ${median(base).toFixed(0).padStart(8)} ms   1.00x`,
      `rollout-check aggregate --format json         ${median(ours).toFixed(0).padStart(8)} ms   ${ratio.toFixed(2)}x`,
      `aggregate / read and parse: ${ratio.toFixed(2)}x (target: under 2x) ${ratio < 2 ? 'OK' : 'OVER TARGET'}`,
      `aggregate peak memory: ${peak.toFixed(1)} MiB (one result held at a time)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
