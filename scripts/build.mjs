// `npm run build`: bundles the CLI into one file, precompiles the built-in checklists and
// templates, and primes V8's code cache. Start-up time matters for a CLI that CI jobs and hooks
// run on every change: one bundled file loaded from the code cache, a checklist that is already
// validated and templates that are already compiled make `assess` a fraction of what loading and
// parsing everything on every run would cost. Type-checking is `tsc --noEmit`, run before this.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
const bundled = new Set();
for (const [entry, outfile] of [
  ['src/cli/main.ts', 'dist/cli/rollout-check.cjs'],
  ['src/build/compile-assets.ts', 'dist/build/compile-assets.cjs'],
]) {
  const result = await build({
    metafile: true,
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
  if (outfile === 'dist/cli/rollout-check.cjs')
    for (const input of Object.keys(result.metafile.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) bundled.add(m[1]);
    }
}
writeThirdPartyNotices([...bundled].sort());

/**
 * The CLI bundle carries its dependencies, so the package installs none of them; their licences
 * travel with it in dist/THIRD_PARTY_NOTICES.md, made from what esbuild actually bundled.
 */
function writeThirdPartyNotices(packages) {
  const sections = packages.map((name) => {
    const dir = join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `Licensed under ${pkg.license ?? 'see the package'}.`;
    return `## ${name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n${text}\n`;
  });
  writeFileSync(join(root, 'dist', 'THIRD_PARTY_NOTICES.md'), `# Third-party notices\n\nrollout-check bundles these packages into dist/cli/rollout-check.cjs.\n\n${sections.join('\n')}`);
}
run(['dist/build/compile-assets.cjs']);
run(['bin/rollout-check.cjs', 'assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'md', '--quiet'], { ROLLOUT_CHECK_WRITE_CODE_CACHE: '1' });
