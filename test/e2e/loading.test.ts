// How the built CLI loads: each command reads only the chunks it needs, through the code caches the
// build primed, and a missing, corrupt, stale or foreign cache only means compiling as usual.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';

// Loaded with -r: records every file the CLI compiles, and whether V8 took its cache.
const recorder = `
const vm = require('node:vm');
const Script = vm.Script;
const seen = [];
vm.Script = function (source, options) {
  const s = new Script(source, options);
  seen.push({ file: options.filename, cached: Boolean(options.cachedData), rejected: s.cachedDataRejected === true });
  return s;
};
process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_TO, JSON.stringify(seen)));
`;

interface Loaded {
  file: string;
  cached: boolean;
  rejected: boolean;
}

function run(pkg: string, args: string[], extraNodeArgs: string[] = [], env: Record<string, string> = {}) {
  const dir = tempDir('rollout-check-load-');
  const hook = join(dir, 'record.cjs');
  writeFileSync(hook, recorder);
  const record = join(dir, 'loaded.json');
  const r = spawnSync(process.execPath, [...extraNodeArgs, '-r', hook, join(pkg, 'bin', 'rollout-check.cjs'), ...args], {
    cwd: pkg,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', RECORD_TO: record, ...env },
    encoding: 'utf8',
  });
  const loaded = JSON.parse(readFileSync(record, 'utf8')) as Loaded[];
  rmSync(dir, { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

/** A copy of the built package, as npm would install it. */
function installedCopy(): string {
  const pkg = tempDir('rollout-check-pkg-');
  for (const part of ['bin', 'dist', 'policies', 'templates', 'package.json']) cpSync(join(repoRoot, part), join(pkg, part), { recursive: true });
  cpSync(join(repoRoot, 'examples', 'pilot-ready.yaml'), join(pkg, 'answers.yaml'));
  return pkg;
}

const caches = (pkg: string) =>
  ['cli', 'templates'].flatMap((d) =>
    readdirSync(join(pkg, 'dist', d))
      .filter((f) => f.endsWith('.cache'))
      .map((f) => join(pkg, 'dist', d, f)),
  );
const chunksOf = (pkg: string) =>
  ['cli', 'templates'].flatMap((d) =>
    readdirSync(join(pkg, 'dist', d))
      .filter((f) => f.endsWith('.cjs'))
      .map((f) => join(pkg, 'dist', d, f)),
  );
// Strings kept by minification: an error code of the yaml library's, js-yaml's marker for an
// unresolved scalar, and the property zod keeps its internals in.
const yamlLibrary = 'MULTILINE_IMPLICIT_KEY';
const quickYaml = 'NOT_RESOLVED';
const zod = '_zod';
const containing = (loaded: Loaded[], marker: string) => loaded.filter((l) => readFileSync(l.file, 'utf8').includes(marker)).map((l) => l.file);

// Strings that survive minification, each found only in the code of one optional part.
const markers = {
  prompts: 'windows-1252', // the prompt library's editor support (iconv-lite)
  scanner: 'dangerously-skip-permissions', // a detector's rule
  html: '<!DOCTYPE html>',
  pdf: 'chromium',
  xml: 'testsuites', // JUnit XML
  templateCompiler: 'Parse error on line', // Handlebars' template parser
};

describe('loading', () => {
  const pkg = installedCopy();
  afterAll(() => rmSync(pkg, { recursive: true, force: true }));
  const assess = (format: string) => ['assess', '--answers', 'answers.yaml', '--format', format, '--out', `r.${format}`];

  it('a Markdown assessment loads neither the prompts, the scanner, HTML, PDF nor XML code', () => {
    const r = run(pkg, assess('md'));
    expect(r.code).toBe(0);
    for (const [part, marker] of Object.entries(markers)) expect(containing(r.loaded, marker), part).toEqual([]);
    // The controls: each marker is found when its part does run.
    expect(containing(run(pkg, assess('html')).loaded, markers.html).length).toBeGreaterThan(0);
    expect(containing(run(pkg, assess('junit')).loaded, markers.xml).length).toBeGreaterThan(0);
    expect(containing(run(pkg, ['scan', '.', '--format', 'json']).loaded, markers.scanner).length).toBeGreaterThan(0);
  });

  it('loads the template compiler only for a template the build did not compile', () => {
    const own = tempDir('rollout-check-templates-');
    mkdirSync(join(own, 'markdown'));
    writeFileSync(join(own, 'markdown', 'report.hbs'), '# {{verdictLabel}}\n');
    const r = run(pkg, [...assess('md'), '--templates', own]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(pkg, 'r.md'), 'utf8')).toMatch(/^# \w/);
    expect(containing(r.loaded, markers.templateCompiler).length).toBeGreaterThan(0);
    // The same folder holding a copy of the bundled template: precompiled, no compiler.
    writeFileSync(join(own, 'markdown', 'report.hbs'), readFileSync(join(pkg, 'templates', 'markdown', 'report.hbs')));
    const same = run(pkg, [...assess('md'), '--templates', own]);
    expect(same.code, same.stderr).toBe(0);
    expect(containing(same.loaded, markers.templateCompiler)).toEqual([]);
    rmSync(own, { recursive: true, force: true });
  });

  it('reads and checks a plain answers file without the yaml library or zod, which still report a problem', () => {
    const clean = run(pkg, assess('md'));
    expect(clean.code).toBe(0);
    expect(containing(clean.loaded, yamlLibrary)).toEqual([]);
    expect(containing(clean.loaded, zod)).toEqual([]);
    // The controls: a file that is not sound YAML is read by the yaml library, loaded for it...
    writeFileSync(join(pkg, 'broken.yaml'), 'checklist: { id: ai-coding-rollout, version: 1.1.0 }\nanswers:\n  ctx.teams: [1\n');
    const broken = run(pkg, ['validate', 'broken.yaml']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe('error: broken.yaml:3:14: the list opened with "[" here is never closed: add "]" at its end\n');
    expect(containing(broken.loaded, yamlLibrary).length).toBeGreaterThan(0);
    // ...and one that breaks a rule of the answers file is checked by zod, which names the problem.
    writeFileSync(join(pkg, 'wrong.yaml'), 'checklist: { id: ai-coding-rollout, version: 1.1.0 }\nmetadata: { team: 7 }\n');
    const wrong = run(pkg, ['validate', 'wrong.yaml']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: wrong\.yaml:2:19: expected string, found number 7 \(at metadata\.team\)/);
    expect(containing(wrong.loaded, zod).length).toBeGreaterThan(0);
  });

  it('explain loads no validator or YAML parser: less than half of what assess loads', () => {
    const explain = run(pkg, ['explain', 'fm1.work-split']);
    const full = run(pkg, assess('md'));
    expect(explain.code).toBe(0);
    for (const marker of [zod, yamlLibrary, quickYaml]) expect(containing(explain.loaded, marker), marker).toEqual([]);
    expect(containing(full.loaded, quickYaml).length).toBeGreaterThan(0);
    const bytes = (l: Loaded[]) => l.reduce((n, x) => n + readFileSync(x.file).length, 0);
    expect(bytes(explain.loaded)).toBeLessThan(bytes(full.loaded) / 2);
  });

  it('uses the caches the build primed', () => {
    const r = run(pkg, assess('md'));
    expect(r.loaded.length).toBeGreaterThan(5);
    expect(r.loaded.filter((l) => !l.cached || l.rejected)).toEqual([]);
  });

  it('reads the small chunks of the common path from one file', () => {
    const r = run(pkg, assess('md'));
    const pack = join(pkg, 'dist', 'cli', 'common-chunks.cjs');
    expect(r.loaded.map((l) => l.file)).toContain(pack);
    // Each packed chunk is a function of the pack, and no longer a file of its own.
    const packed = [...readFileSync(pack, 'utf8').matchAll(/^"(chunk-\w+\.cjs)": \(function /gm)].map((m) => m[1]!);
    expect(packed.length).toBeGreaterThan(10);
    for (const name of packed) expect(existsSync(join(pkg, 'dist', 'cli', name)), name).toBe(false);
    expect(r.loaded.length).toBeLessThan(packed.length);
  });

  describe.each([
    ['missing', (p: string) => caches(p).forEach((c) => rmSync(c))],
    ['corrupt', (p: string) => caches(p).forEach((c) => writeFileSync(c, 'not a code cache'))],
    // Chunks changed after their caches were made. V8 compares a cache with its source by length
    // only; the build starts from an empty dist/ and names chunks by content, so a rebuilt chunk
    // never meets an old cache of the same length.
    ['stale', (p: string) => chunksOf(p).forEach((c) => writeFileSync(c, `${readFileSync(c, 'utf8')}\n`))],
  ])('a %s cache', (_, spoil) => {
    it('still gives the same report, with no error and no warning', () => {
      const copy = installedCopy();
      const before = run(copy, assess('md'));
      const report = readFileSync(join(copy, 'r.md'), 'utf8');
      spoil(copy);
      const after = run(copy, assess('md'));
      expect(after.code).toBe(0);
      expect(after.stderr).toBe('');
      expect(after.stdout).toBe(before.stdout);
      expect(readFileSync(join(copy, 'r.md'), 'utf8')).toBe(report);
      expect(after.loaded.some((l) => l.cached && !l.rejected)).toBe(false);
      rmSync(copy, { recursive: true, force: true });
    });
  });

  it('a cache another Node made (other V8 flags) is set aside silently', () => {
    const copy = installedCopy();
    caches(copy).forEach((c) => rmSync(c));
    // Caches written under other V8 flags stand in for another Node version: V8 checks both alike.
    run(copy, assess('md'), ['--stack-size=900'], { ROLLOUT_CHECK_WRITE_CODE_CACHE: '1' });
    expect(caches(copy).length).toBeGreaterThan(5);
    const r = run(copy, assess('md'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.loaded.filter((l) => l.cached).every((l) => l.rejected)).toBe(true);
    rmSync(copy, { recursive: true, force: true });
  });
});
