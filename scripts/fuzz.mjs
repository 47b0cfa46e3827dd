// `npm run fuzz`: the fuzzing suite with a fresh random seed and more runs than `npm test` gives
// it. FUZZ_SEED=N replays a seed; FUZZ_SCALE=K multiplies the runs (default 5). The seed is
// printed first and again on failure, so a failure can always be replayed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31));
const scale = process.env.FUZZ_SCALE ?? '5';
console.log(`fuzz: seed ${seed}, scale ${scale}`);
const r = spawnSync('npx', ['vitest', 'run', 'test/fuzz'], { stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_SCALE: scale } });
if (r.status !== 0) console.log(`\nfuzz FAILED with seed ${seed}: replay with FUZZ_SEED=${seed} FUZZ_SCALE=${scale} npm run fuzz`);
process.exit(r.status ?? 1);
