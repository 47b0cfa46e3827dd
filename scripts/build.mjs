// `npm run build`: bundles the CLI into an entry and the chunks its commands load on use,
// precompiles the built-in checklists, rules and templates, and primes V8's code caches. Start-up
// time matters for a CLI that CI jobs and hooks run on every change: a command that loads only its
// own code, from the code cache, with a checklist already validated and templates already compiled,
// costs a fraction of loading and parsing everything on every run. Type-checking is
// `tsc --noEmit`, run before this.
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
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
// PROFILE_BUILD=1 keeps names readable, for a CPU profile (`node --cpu-prof`) of a command.
const minify = process.env.PROFILE_BUILD !== '1';
const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser) cannot be bundled.
  mainFields: ['module', 'main'],
  target: 'node20',
  logLevel: 'warning',
  // Smaller source is less for V8 to read and check against its code cache on every start.
  minify,
  // The sources are ES modules that find their files from import.meta: in CommonJS, __dirname, or
  // a URL made from __filename when one is asked for (making it costs a chunk that never needs it
  // half a millisecond as it loads).
  define: { 'import.meta.url': '__importMeta.url', 'import.meta.dirname': '__dirname' },
};
// The result schema's shape, which the JSON format writes reports in (src/report/shape.ts), is
// worked out here from the schema and carried by the bundle as a constant.
await build({ ...shared, entryPoints: ['src/build-steps/result-shape.ts'], outfile: 'dist/build/result-shape.cjs', format: 'cjs' });
const shape = spawnSync(process.execPath, ['dist/build/result-shape.cjs'], { cwd: root, encoding: 'utf8' });
if (shape.status !== 0) {
  process.stderr.write(shape.stderr);
  process.exit(shape.status ?? 3);
}
shared.define.__RESULT_SHAPE__ = shape.stdout;
// What import.meta.url becomes in CommonJS: given only to the chunks that use it.
const importMetaUrl = "const __importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };";

// commander requires child_process at load for a feature we do not use (executable subcommands);
// it is handed a stand-in that loads the real module only if it is ever called, so that every
// run does not pay for loading it (and the network modules it brings).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...a) => require('node:child_process').spawn(...a) };",
      loader: 'js',
    }));
  },
};
// jsonc-parser fills a cache of indentation strings for its formatter when it loads, over a thousand
// of them: we only parse, and the scanner reads JSONC on every run. Declared free of side effects,
// the module goes when nothing uses what it exports.
const unusedCaches = {
  name: 'unused-caches',
  setup(b) {
    b.onResolve({ filter: /\/string-intern(\.js)?$/ }, (args) =>
      args.importer.includes('/node_modules/jsonc-parser/')
        ? { path: join(args.resolveDir, args.path.replace(/(\.js)?$/, '.js')), sideEffects: false }
        : undefined,
    );
  },
};
// Modules a clean run never calls, loaded on their first use and synchronously, where the code that
// imports them cannot wait for an `await import()`: the `yaml` reader behind the quick one is only
// needed for a problem, a column or an unusual document; zod, for a file that is not plainly right.
// Each is built as an entry of its own, and every import of it becomes a stand-in whose functions
// require that entry when first called (through bin/rollout-check.cjs, with its code cache). Such a
// module exports functions only. In the tests (vitest runs the sources) it is an ordinary import.
const loadedOnUse = {
  'src/yaml/parse-fully.ts': 'on-use-yaml',
  // zod: an answers file or a saved result that passes its quick check, and the evidence map the
  // build validated, need none.
  'src/answers/check-fully.ts': 'on-use-answers-schema',
  'src/checklist/evidence-map.ts': 'on-use-evidence-map',
  'src/portfolio/summary-schema.ts': 'on-use-result-fields',
};
const onUse = {
  name: 'loaded-on-use',
  setup(b) {
    const entries = new Map(Object.entries(loadedOnUse).map(([file, entry]) => [join(root, file), entry]));
    const names = [...entries.keys()].map((f) => basename(f, '.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`/(${names.join('|')})\\.js$`) }, (args) => {
      const file = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return args.kind !== 'entry-point' && entries.has(file) ? { path: file, namespace: 'on-use' } : undefined;
    });
    b.onResolve({ filter: /^\.\/on-use-[\w-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'on-use' }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (/^export (?!(async )?function |type |interface )/m.test(source)) throw new Error(`${args.path}: a module loaded on use may export functions only`);
      const fns = [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
      const load = `const load = () => require(${JSON.stringify(`./${entries.get(args.path)}.cjs`)});`;
      return {
        contents: [load, ...fns.map((f) => `export function ${f}(...args) { return load().${f}(...args); }`)].join('\n'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};
// The CLI: one small entry and the chunks its commands load on use (see bin/rollout-check.cjs).
// esbuild splits only ES modules, so each piece is then turned into CommonJS, the form V8's code
// cache can be used with from Node 20; chunks then name each other as "./NAME.cjs".
const cli = await build({
  ...shared,
  plugins: [lazyChildProcess, unusedCaches, onUse],
  entryPoints: { 'rollout-check': 'src/cli/main.ts', ...Object.fromEntries(Object.entries(loadedOnUse).map(([file, entry]) => [entry, file])) },
  outdir: 'dist/cli',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  metafile: true,
  write: false,
});
mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
// The same text bin/rollout-check.cjs recognises.
const chunkWrapper = '(function (exports, require, module, __filename, __dirname) {';
for (const piece of cli.outputFiles) {
  const { code } = await transform(piece.text, { format: 'cjs', target: 'node20', minify, supported: { 'dynamic-import': false } });
  // Written already wrapped as the function bin/rollout-check.cjs calls: V8 then compiles the text
  // as read, with no wrapped copy of every chunk to build and collect. Strict, as ES modules are.
  const body = code.replace(/require\("\.\/(chunk-\w+)\.js"\)/g, 'require("./$1.cjs")');
  const banner = body.includes('__importMeta.url') ? importMetaUrl : '';
  writeFileSync(piece.path.replace(/\.js$/, '.cjs'), `${chunkWrapper}'use strict';${banner}${body}\n})`);
}
// Which chunk holds what: `ROLLOUT_CHECK_METAFILE=meta.json npm run build`, then read its outputs.
if (process.env.ROLLOUT_CHECK_METAFILE) writeFileSync(process.env.ROLLOUT_CHECK_METAFILE, JSON.stringify(cli.metafile));
const bundled = new Set();
for (const input of Object.keys(cli.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) bundled.add(m[1]);
}
await build({
  ...shared,
  banner: { js: importMetaUrl },
  entryPoints: ['src/build-steps/compile-assets.ts'],
  outfile: 'dist/build/compile-assets.cjs',
  format: 'cjs',
});
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
  writeFileSync(
    join(root, 'dist', 'THIRD_PARTY_NOTICES.md'),
    `# Third-party notices\n\nrollout-check bundles these packages into dist/cli/.\n\n${sections.join('\n')}`,
  );
}
run(['dist/build/compile-assets.cjs']);
packCommonChunks();
primeCodeCaches();

/**
 * Splitting leaves dozens of small chunks, and a short command read each one and its code cache
 * as two files: on a virtual machine the file calls alone came to several milliseconds. The
 * small chunks that `assess --format md` (the most common run) loads travel instead in one file,
 * dist/cli/common-chunks.cjs, with one code cache; bin/rollout-check.cjs runs each of them only
 * when it is required, as before. Chunks of the optional parts (prompts, scanner, HTML, PDF) are
 * not among them, so a Markdown assessment still reads none of their code.
 */
function packCommonChunks() {
  const dir = join(root, 'dist', 'cli');
  const work = mkdtempSync(join(tmpdir(), 'rollout-check-pack-'));
  const hook = join(work, 'record.cjs');
  const record = join(work, 'loaded.json');
  writeFileSync(
    hook,
    `const vm = require('node:vm'); const Script = vm.Script; const seen = [];
vm.Script = function (source, options) { seen.push(options.filename); return new Script(source, options); };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(seen)));`,
  );
  run(['-r', hook, 'bin/rollout-check.cjs', 'assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'md', '--out', join(work, 'r.md')]);
  // Large chunks (the YAML parser, zod, commander) stay files of their own: packing them too saved
  // nothing measurable for assess and made explain and scan read them.
  const maxPacked = 16 * 1024;
  const common = JSON.parse(readFileSync(record, 'utf8'))
    .filter((f) => dirname(f) === dir && /^chunk-\w+\.cjs$/.test(basename(f)))
    .map((f) => basename(f))
    .filter((name) => readFileSync(join(dir, name)).length < maxPacked)
    .sort();
  const entries = common.map((name) => `${JSON.stringify(name)}: ${readFileSync(join(dir, name), 'utf8').trimEnd()},`);
  writeFileSync(join(dir, 'common-chunks.cjs'), `({\n${entries.join('\n')}\n})\n`);
  for (const name of common) rmSync(join(dir, name));
  rmSync(work, { recursive: true, force: true });
}

/**
 * Runs the commands CI jobs and leads run most, so that each chunk's code cache holds what they
 * compile: each run adds what it compiled to the caches of the chunks it loaded. Outputs go to a
 * temporary folder; `history` reads this repository when it is one.
 */
function primeCodeCaches() {
  const out = mkdtempSync(join(tmpdir(), 'rollout-check-build-'));
  const answers = 'examples/pilot-ready.yaml';
  const commands = [
    ['assess', '--answers', answers, '--format', 'md', '--out', join(out, 'r.md')],
    ['assess', '--answers', answers, '--format', 'json', '--out', join(out, 'r.json')],
    ['assess', '--answers', answers, '--format', 'html', '--out', join(out, 'r.html')],
    ['assess', '--answers', answers, '--format', 'csv', '--out', join(out, 'r.csv')],
    ['assess', '--answers', answers, '--format', 'sarif', '--out', join(out, 'r.sarif')],
    ['assess', '--answers', answers, '--format', 'junit', '--out', join(out, 'r.xml')],
    ['validate', answers],
    ['explain', 'fm1.work-split'],
    ['scan', 'examples', '--format', 'json'],
    ['aggregate', 'examples/portfolio/results', '--format', 'md'],
    ['compare', join(out, 'r.json'), join(out, 'r.json')],
    ['report', join(out, 'r.json'), '--format', 'md'],
    ['init', '--out', join(out, 'a.yaml')],
    ['schema', 'answers'],
    ['--help'],
    ...(existsSync(join(root, '.git')) ? [['history', '.', '--since', '30d', '--format', 'json']] : []),
  ];
  for (const args of commands) run(['bin/rollout-check.cjs', ...args], { ROLLOUT_CHECK_WRITE_CODE_CACHE: '1' });
  rmSync(out, { recursive: true, force: true });
}
