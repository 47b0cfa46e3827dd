#!/usr/bin/env node
'use strict';
// Starts the CLI from its bundled pieces, each through V8's code cache.
//
// The build splits the CLI into a small entry (argument parsing) and chunks that each command
// loads only when it runs, so `assess --format md` never reads the prompts, the scanner or the
// HTML and PDF code. Every chunk is loaded here rather than by Node's require so that its code
// cache is used: the build runs the commands once and saves each chunk's compiled code beside it,
// and later runs skip most of the parsing and compiling, a large share of a short command's time.
// A missing cache, or one V8 rejects (another Node version, a rebuilt chunk), only means the chunk
// is compiled as usual.
const { closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync } = require('node:fs');
const { basename, dirname, isAbsolute, join, sep } = require('node:path');

// `--version` alone needs no bundle: CI jobs and scripts ask it often, so it answers from
// package.json directly, exactly as the full CLI would; and with one plain write, as the commands
// print (src/cli/std-streams.ts), since Node's stream for stdout costs more than the rest of it.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const version = `${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`;
  try {
    writeSync(1, version);
  } catch (err) {
    // A pipe someone made non-blocking and left full: Node's stream waits for it. A reader that
    // went away (EPIPE) has no use for the answer.
    if (err.code !== 'EPIPE') process.stdout.write(version);
  }
  return;
}

const Module = require('node:module');
const vm = require('node:vm');

const dir = join(__dirname, '..', 'dist', 'cli');
const entry = join(dir, 'rollout-check.cjs');

const nodeRequire = Module.createRequire(entry);
// The build's other generated CommonJS files (precompiled templates) load with a code cache too.
const built = join(__dirname, '..', 'dist') + sep;
const isBuilt = (id) => isAbsolute(id) && id.startsWith(built) && id.endsWith('.cjs');
const chunks = new Map();
const scripts = new Map();
const modulePaths = Module._nodeModulePaths(dir);
const isChunk = (file) => dirname(file) === dir;
// A chunk names another as "./NAME.cjs": joined by hand, since path.join, cold, costs a run about a
// millisecond over the hundred-odd requires between chunks.
const chunkRequire = (id) => (id.startsWith('./') ? loadChunk(dir + sep + id.slice(2)) : isBuilt(id) ? loadChunk(id) : nodeRequire(id));
chunkRequire.resolve = nodeRequire.resolve;
chunkRequire.cache = nodeRequire.cache;
// The build primes the caches by running the common commands one after another. Each run starts
// from the caches the earlier ones wrote and writes them back with what it compiled besides, so a
// chunk's cache ends up holding the code of every command that used it.
const primeCaches = process.env.ROLLOUT_CHECK_WRITE_CODE_CACHE === '1';

// Every generated file and code cache is read into one buffer, used again for the next: memory a
// process touches for the first time costs it a page fault per 4 KiB, and on a virtual machine
// those add up to milliseconds over the megabyte or two a run reads. V8 is done with a cache once
// the script is compiled, and a source is copied into a string, so neither keeps the buffer.
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** The whole of `file`, in the shared buffer: valid until the next read. */
function readWhole(file) {
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const larger = Buffer.allocUnsafeSlow(scratch.length * 2);
        scratch.copy(larger);
        scratch = larger;
      }
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) return scratch.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads and compiles one generated file, with its code cache when there is a usable one. */
function compile(file, wrap) {
  const source = readWhole(file).toString('utf8');
  let cachedData;
  try {
    cachedData = readWhole(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap ? Module.wrap(source) : source, { filename: file, cachedData });
  scripts.set(file, script);
  return script;
}

// The small chunks of the common path come in one file (see packCommonChunks in scripts/build.mjs):
// chunk name -> the chunk's function, run when the chunk is first required.
const packedFile = join(dir, 'common-chunks.cjs');
let packed;
try {
  packed = compile(packedFile, false).runInThisContext();
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
  packed = {};
}

/** Loads one chunk (a CommonJS file in dist/cli, or one packed) once; chunks name each other as "./NAME.cjs". */
function loadChunk(file) {
  const known = chunks.get(file);
  if (known) return known.exports;
  const run = isChunk(file) && Object.hasOwn(packed, basename(file)) ? packed[basename(file)] : runnable(file);
  const chunk = new Module(file, module);
  chunk.filename = file;
  chunk.paths = modulePaths;
  // Registered before it runs: a chunk that is still loading is not loaded twice.
  chunks.set(file, chunk);
  run.call(chunk.exports, chunk.exports, chunkRequire, chunk, file, dirname(file));
  chunk.loaded = true;
  return chunk.exports;
}

/** The function a chunk file holds: chunks are written already wrapped by the build; other generated files are wrapped here. */
function runnable(file) {
  return compile(file, !isChunk(file)).runInThisContext();
}

if (primeCaches)
  // Written at exit, so the functions this run compiled lazily are in the cache too.
  process.on('exit', () => {
    for (const [file, script] of scripts) writeFileSync(`${file}.cache`, script.createCachedData());
  });

try {
  loadChunk(entry);
} catch (err) {
  if (err.code !== 'ENOENT' || err.path !== entry) throw err;
  process.stderr.write('internal error: rollout-check is not built (dist/ is missing): run `npm run build`\n');
  process.exit(3);
}
