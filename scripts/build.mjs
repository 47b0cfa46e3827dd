// `npm run build`: bundles the CLI into one file, precompiles the built-in checklists and
// templates, and primes V8's code cache. Start-up time matters for a CLI that CI jobs and hooks
// run on every change: one bundled file loaded from the code cache, a checklist that is already
// validated and templates that are already compiled make `assess` a fraction of what loading and
// parsing everything on every run would cost. Type-checking is `tsc --noEmit`, run before this.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const run = (args, env = {}) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 3);
  }
};

rmSync(`${root}dist`, { recursive: true, force: true });
for (const [entry, outfile] of [
  ['src/cli/main.ts', 'dist/cli/rollout-check.cjs'],
  ['src/build/compile-assets.ts', 'dist/build/compile-assets.cjs'],
]) {
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    // Prefer packages' ES module builds: some UMD builds (jsonc-parser) cannot be bundled.
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // Smaller source is less for V8 to read and check against its code cache on every start.
    minify: true,
    // The sources are ES modules that find their files from import.meta.url.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}
run(['dist/build/compile-assets.cjs']);
run(['bin/rollout-check.cjs', 'assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'md', '--quiet'], { ROLLOUT_CHECK_WRITE_CODE_CACHE: '1' });
