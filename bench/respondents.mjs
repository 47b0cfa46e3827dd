// A team assessment of 500 respondents (the example team's four files, each under another name)
// against Node reading and YAML-parsing the same files, measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');

export function respondentsBench(count = Number(process.env.BENCH_RESPONDENTS ?? 500), runs = Number(process.env.BENCH_RESPONDENTS_RUNS ?? 5)) {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-check-respondents-bench-'));
  try {
    const seeds = ['engineer', 'lead', 'platform', 'security'].map((n) => readFileSync(join(root, 'examples', 'team', `${n}.yaml`), 'utf8'));
    for (let i = 0; i < count; i++) {
      const text = seeds[i % seeds.length].replace(/respondent: \{ name: [^,]+,/, `respondent: { name: Person ${i},`);
      writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.yaml`), text);
    }
    const yamlPath = createRequire(import.meta.url).resolve('yaml');
    const readAll = `const fs=require('fs'),p=require('path'),y=require(${JSON.stringify(yamlPath)});const d=${JSON.stringify(dir)};for(const f of fs.readdirSync(d))y.parse(fs.readFileSync(p.join(d,f),'utf8'));`;
    const timed = (args) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], encoding: 'utf8' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const base = [];
    const ours = [];
    timed(['-e', readAll]);
    for (let i = 0; i < runs; i++) {
      base.push(timed(['-e', readAll]));
      ours.push(timed([bin, 'assess', '--answers', dir, '--format', 'json']));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(ours) / median(base);
    return [
      `respondents: ${count} answers files merged into one assessment, median of ${runs} interleaved runs`,
      `node: read and YAML-parse every file           ${median(base).toFixed(0).padStart(8)} ms   1.00x`,
      `rollout-check assess --answers DIR --format json ${median(ours).toFixed(0).padStart(6)} ms   ${ratio.toFixed(2)}x`,
      `merge / read and parse: ${ratio.toFixed(2)}x (target: under 2x) ${ratio < 2 ? 'OK' : 'OVER TARGET'}`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
