// The quick reading (js-yaml's events) stands in for `yaml` only where the two agree. This holds it
// to that: for generated documents, plain and odd, whenever the quick reading gives an answer,
// `yaml` reads the same text without a problem, to the same data, and puts every path it can name
// on the same line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickRead } from '../../src/yaml/quick-read.js';
import { parseFully } from '../../src/yaml/parse-fully.js';
import { parseLocated } from '../../src/yaml/parse-located.js';

/** The YAML files under a folder, at any depth. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/** Every path to a key or item in `data`, parents before children. */
function pathsOf(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (data === null || typeof data !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** The property: returns a description of the disagreement, or null. */
function disagreement(text: string): string | null {
  const quick = quickRead(text);
  if (!quick) return null;
  const full = parseFully('doc.yaml', text);
  if (full.problems.length) return `quick read what yaml refuses: ${full.problems[0]!.message}`;
  if (!isDeepStrictEqual(quick.data, full.data)) return `data differ: quick ${JSON.stringify(quick.data)} yaml ${JSON.stringify(full.data)}`;
  // Every path there is, and paths that stop short: a missing key or item, a step past a scalar.
  const paths = [[], ['missing'], ...pathsOf(full.data).flatMap((p) => [p, [...p, 'missing'], [...p, 7]])];
  for (const path of paths) {
    const line = quick.lineOf(path);
    if (line !== undefined && line !== full.lineOf(path)) return `line of ${path.join('.') || '(the top)'}: quick ${line} yaml ${full.lineOf(path)}`;
  }
  return null;
}

const words = [
  '',
  'a',
  'key',
  'hello world',
  'null',
  'Null',
  'NULL',
  '~',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '0',
  '-0',
  '+1',
  '012',
  '0o17',
  '0o8',
  '0O17',
  '0x1F',
  '0X1F',
  '0xg',
  '-0x1',
  '1_000',
  '1e3',
  '1E-3',
  '1e+3',
  '.5',
  '-.5',
  '+.5',
  '1.',
  '1.0',
  '1.50',
  '-1.5e2',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '.INF',
  '.nan',
  '.NaN',
  'NaN',
  'inf',
  '123456789012345678901234567890',
  '2026-01-01',
  '12:30',
  '1:2',
  'a: b',
  'a:b',
  'a :b',
  'a #b',
  'a#b',
  '#x',
  '- x',
  '-x',
  '-',
  '? x',
  '?x',
  '[x]',
  '{x}',
  'x,y',
  'x, y',
  '@x',
  '`x',
  '%x',
  '!x',
  '&x',
  '*x',
  '|',
  '>',
  "'q'",
  '"q"',
  "it's",
  'say "hi"',
  'back\\slash',
  'é',
  '日本',
  '😀',
  ' lead',
  'trail ',
  '__proto__',
  'constructor',
  '<<',
  'docs/a.md',
  '${{ github.token }}',
  'x'.repeat(1001),
  'a  b',
  ':',
  '::',
  'a:',
  '...',
  '---',
  '--- x',
  'a,',
  'a]',
  'a}',
];

const word = fc.constantFrom(...words);
const escapes = fc.constantFrom(
  '\\x41',
  '\\u00e9',
  '\\U0001F600',
  '\\/',
  '\\N',
  '\\_',
  '\\L',
  '\\P',
  '\\0',
  '\\a',
  '\\e',
  '\\ ',
  '\\t',
  '\\"',
  '\\\\',
  '\\q',
  '\\x4',
  '\\\n',
);

/** A scalar written in one of YAML's styles. */
const scalar = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => `'${w.replaceAll("'", "''")}'`) },
  { weight: 2, arbitrary: word.map((w) => JSON.stringify(w)) },
  { weight: 1, arbitrary: fc.tuple(word, escapes, word).map(([a, e, b]) => `"${a.replaceAll(/["\\]/g, '')}${e}${b.replaceAll(/["\\]/g, '')}"`) },
  { weight: 1, arbitrary: word.map((w) => `'${w}'`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('&a ', '!!str ', '!!int ', '! ', '!x ', '*a', '&a *a ', '!<tag:yaml.org,2002:str> '), word).map(([p, w]) => `${p}${w}`),
  },
);

/** A collection's `layout` picks its indentation (1 to 4 spaces) and, for a sequence in a mapping, whether it sits at the key's indentation. */
type Tree = string | { map: [string, Tree][]; flow: boolean; layout: number } | { seq: Tree[]; flow: boolean; layout: number };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ map: fc.array(fc.tuple(scalar, tie('tree')), { maxLength: 4 }), flow: fc.nat(9).map((n) => n < 3), layout: fc.nat(7) }),
    fc.record({ seq: fc.array(tie('tree'), { maxLength: 4 }), flow: fc.nat(9).map((n) => n < 3), layout: fc.nat(7) }),
  ),
})).tree;

/** Flow style inside flow; block style wherever the tree asks for it and the context allows. */
function flow(t: Tree): string {
  if (typeof t === 'string') return t;
  if ('map' in t) return `{${t.map.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
  return `[${t.seq.map(flow).join(', ')}]`;
}

const isBlock = (t: Tree): t is Exclude<Tree, string> => typeof t !== 'string' && !t.flow && ('map' in t ? t.map.length > 0 : t.seq.length > 0);

/** The lines of a block collection, each starting at `indent`. */
function blockLines(t: Exclude<Tree, string>, indent: string): string {
  if ('map' in t)
    return t.map
      .map(([k, v]) => {
        if (!isBlock(v)) return `${indent}${k}: ${flow(v)}\n`;
        // A sequence may sit at its key's indentation (layout bit 2).
        const inner = 'seq' in v && v.layout & 4 ? indent : indent + ' '.repeat((v.layout & 3) + 1);
        return `${indent}${k}:\n${blockLines(v, inner)}`;
      })
      .join('');
  return t.seq
    .map((v) => {
      if (!isBlock(v)) return `${indent}- ${flow(v)}\n`;
      // Compact form (`- key: value`) or the collection on the lines below the dash.
      if (v.layout & 4) return `${indent}- ${blockLines(v, `${indent}  `).slice(indent.length + 2)}`;
      return `${indent}-\n${blockLines(v, indent + ' '.repeat((v.layout & 3) + 1))}`;
    })
    .join('');
}

const render = (t: Tree) => (isBlock(t) ? blockLines(t, '') : `${flow(t)}\n`);
/** Any tree, or (as answers files, checklists and workflows are) a block mapping at the top. */
const document = fc.oneof(
  tree.map(render),
  fc.array(fc.tuple(scalar, tree), { minLength: 1, maxLength: 6 }).map((map) => render({ map, flow: false, layout: 0 })),
);

/** Plain documents, then the same with the odd corners of YAML written into them. */
const decorated = fc
  .tuple(
    document,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          '\t',
          '\r',
          '\r\n',
          ' ',
          '  ',
          '\n',
          '\n\n',
          ' # note',
          '#',
          '---\n',
          '...\n',
          '%YAML 1.2\n---\n',
          '&a ',
          '*a',
          '!!str ',
          '? ',
          ': ',
          '- ',
          ',',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '|\n  x\n',
          '>\n  x\n',
          '|-\n',
          '\uFEFF',
          'é',
          '\\',
          ' x\n y',
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([text, edits]) => edits.reduce((t, [at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)), text));

describe('the quick YAML reading', () => {
  it('agrees with yaml on generated plain documents', () => {
    fc.assert(
      fc.property(document, (text) => disagreement(text) === null),
      { seed: 20261204, numRuns: 3000 },
    );
  });

  it('agrees with yaml on documents with odd corners written in', () => {
    fc.assert(
      fc.property(decorated, (text) => disagreement(text) === null),
      { seed: 20261205, numRuns: 6000 },
    );
  });

  it('agrees with yaml on every YAML file in the repository, and reads the examples itself', () => {
    const files = ['examples', 'policies', 'test/fixtures'].flatMap(yamlFiles);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(disagreement(readFileSync(file, 'utf8')), file).toBeNull();
    // The speed is the point: the bundled answers files never need `yaml` on a clean run.
    for (const file of files.filter((f) => /^examples\/[^/]+\.yaml$/.test(f))) expect(quickRead(readFileSync(file, 'utf8')), file).toBeDefined();
  });

  it('hands back what it cannot vouch for', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  x\n',
      'a: "x\n  y"\n',
      'a:\tb\n',
      '~: 1\n',
      '[a]: 1\n',
      'a: 1\n---\nb: 2\n',
      '',
      '# only a comment\n',
      'a: [b,\n  c]\n',
    ])
      expect(quickRead(text), JSON.stringify(text)).toBeUndefined();
  });

  it('names the deepest node that exists on a path, as yaml does, without yaml', () => {
    const quick = quickRead('# c\na:\n  b: 1\n  c: [x]\n  0x1F: hex\n')!;
    expect([[], ['nope'], ['a', 'b'], ['a', 'b', 'deeper'], ['a', 'c', 5], ['a', 'c', 0]].map((p) => quick.lineOf(p))).toEqual([2, 2, 3, 3, 4, 4]);
    // A key yaml may know by another spelling (0x1F is 31): not found here is not the same as absent.
    expect(quick.lineOf(['a', 31])).toBeUndefined();
  });

  it('leaves columns and problems to yaml', () => {
    const doc = parseLocated('a.yaml', 'a:\n  b: 1\n  c: [x, y]\n');
    expect(doc.data).toEqual({ a: { b: 1, c: ['x', 'y'] } });
    expect(doc.lineOf(['a', 'c', 1])).toBe(3);
    expect(doc.locate(['a', 'c'])).toEqual({ line: 3, column: 3 });
    expect(parseLocated('a.yaml', 'a: 1\na: 2\n').problems[0]!.message).toMatch(/unique/);
  });
});
