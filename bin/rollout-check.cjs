#!/usr/bin/env node
'use strict';
// Starts the bundled CLI through V8's code cache. The build runs the CLI once and saves the
// compiled code beside the bundle; later runs skip most of the parsing and compiling of the
// bundle, which is a large share of a short command's time. A cache from another Node version
// is rejected by V8 and the bundle is simply compiled as usual.
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

// `--version` alone needs no bundle: CI jobs and scripts ask it often, so it answers from
// package.json directly, exactly as the full CLI would.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
  return;
}

const file = join(__dirname, '..', 'dist', 'cli', 'rollout-check.cjs');
const cacheFile = `${file}.cache`;
let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write('internal error: rollout-check is not built (dist/ is missing): run `npm run build`\n');
  process.exit(3);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (process.env.ROLLOUT_CHECK_WRITE_CODE_CACHE === '1') {
  // Written at exit, so the functions this run compiled lazily are in the cache too.
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(dirname(file));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
