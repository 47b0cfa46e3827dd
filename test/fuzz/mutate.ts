// Generators of hostile input for the fuzzing suite: structural mutations of real files (the
// examples and fixtures), alias games, deep nesting, huge scalars, prototype keys and odd
// encodings. Everything comes out as bytes, because that is what a file is.
import fc from 'fast-check';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { parse, stringify } from 'yaml';

type Json = unknown;

/** Values a mutation can plant: ordinary JSON, plus the shapes that break naive code. */
const nasty: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.constantFrom(
    'unknown',
    'na',
    '',
    ' ',
    'yes',
    'no',
    '__proto__',
    'constructor',
    'toString',
    '=cmd|calc',
    '<script>alert(1)</script>',
    '\u202e',
    'a'.repeat(5000),
  ),
  fc.constantFrom(0, -1, 1e308, -0, 0.5, 101, Number.MAX_SAFE_INTEGER),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}')),
  fc.integer({ min: 101, max: 300 }).map((n) => nest(n)),
  fc.integer({ min: 20_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
);

function nest(depth: number): Json {
  let v: Json = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

/** Paths into a value, for choosing where to mutate. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], fn: (v: Json) => Json | undefined): Json {
  if (!path.length) return fn(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const next = setAt(copy[head as number], rest, fn);
    if (next === undefined && !rest.length) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  if (root && typeof root === 'object') {
    const copy: Record<string, Json> = { ...(root as Record<string, Json>) };
    const next = setAt(copy[head as string], rest, fn);
    if (next === undefined && !rest.length) delete copy[head as string];
    else Object.defineProperty(copy, head as string, { value: next, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return root;
}

const structuralOp = fc.oneof(
  fc.record({ op: fc.constant('delete' as const) }),
  fc.record({ op: fc.constant('replace' as const), value: nasty }),
  fc.record({ op: fc.constant('wrap' as const) }),
  fc.record({
    op: fc.constant('add-key' as const),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'acknowledge', 'answer', 'na', 'note'), fc.string({ maxLength: 12 })),
    value: nasty,
  }),
);

/** Up to five structural edits of a parsed document, written back as YAML or JSON. */
export function structural(seed: Json, format: 'yaml' | 'json' | 'toml'): fc.Arbitrary<Uint8Array> {
  const all = paths(seed);
  return fc.array(fc.tuple(fc.nat({ max: all.length - 1 }), structuralOp), { minLength: 1, maxLength: 5 }).map((edits) => {
    let doc = seed;
    for (const [i, edit] of edits) {
      const at = all[i]!;
      doc = setAt(doc, at, (v) => {
        if (edit.op === 'delete') return undefined;
        if (edit.op === 'replace') return edit.value;
        if (edit.op === 'wrap') return [v];
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const copy = { ...(v as Record<string, Json>) };
          Object.defineProperty(copy, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
          return copy;
        }
        return v;
      });
    }
    let text: string;
    try {
      text =
        format === 'json'
          ? (JSON.stringify(doc) ?? 'null')
          : format === 'toml'
            ? stringifyToml(doc as Record<string, unknown>)
            : stringify(doc, { aliasDuplicateObjects: false });
    } catch {
      // A value the writer cannot express (TOML has no null): fall back to JSON, which any
      // parser of ours reads or refuses.
      text = JSON.stringify(doc) ?? '';
    }
    return new TextEncoder().encode(text);
  });
}

const aliasGames = [
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  '<<: *nowhere\n',
  'x: *nowhere\n',
  'x: &self [*self]\n',
  'x: &a { y: *a }\n',
  '---\na: 1\n---\nb: 2\n',
  '%YAML 1.1\n---\n<<: {a: 1}\n',
  'answers: !!binary aGVsbG8=\n',
  'answers: !custom-tag x\n',
  '? [complex, key]\n: value\n',
];

/** Text-level damage: truncation, inserted bytes, alias games, encodings, byte order marks. */
export function textual(seedText: string): fc.Arbitrary<Uint8Array> {
  const enc = (s: string) => new TextEncoder().encode(s);
  return fc.oneof(
    fc.nat({ max: seedText.length }).map((n) => enc(seedText.slice(0, n))),
    fc.tuple(fc.nat({ max: seedText.length }), fc.string({ maxLength: 20, unit: 'binary' })).map(([n, s]) => enc(seedText.slice(0, n) + s + seedText.slice(n))),
    fc.tuple(fc.nat({ max: seedText.length }), fc.constantFrom(...aliasGames)).map(([n, g]) => {
      const lineStart = seedText.lastIndexOf('\n', n) + 1;
      return enc(seedText.slice(0, lineStart) + g + seedText.slice(lineStart));
    }),
    fc.constantFrom(...aliasGames).map((g) => enc(seedText + '\n' + g)),
    fc.constantFrom('utf16le', 'utf16be', 'bom8', 'bom16', 'bom32', 'latin1', 'nul').map((how) => encodeAs(seedText, how)),
    fc.constantFrom(101, 999, 1001, 20_000, 200_000).map((n) => enc(`${'['.repeat(n)}${']'.repeat(n)}`)),
    fc.constantFrom(101, 400).map((n) => enc(Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v\n')),
    fc.uint8Array({ maxLength: 200 }),
  );
}

function encodeAs(text: string, how: string): Uint8Array {
  const buf = Buffer.from(text, 'utf8');
  switch (how) {
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'bom8':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
    case 'bom16':
      return Buffer.from(text, 'utf16le');
    case 'bom32':
      return Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), buf]);
    case 'latin1':
      return Buffer.from(`${text}caf\xe9`, 'latin1');
    default:
      return Buffer.concat([buf, Buffer.from([0, 0, 0])]);
  }
}

/** Structural mutations of a YAML or JSON seed, and textual damage to its text, mixed. */
export function mutationsOf(seedText: string, format: 'yaml' | 'json' | 'toml' | 'text'): fc.Arbitrary<Uint8Array> {
  if (format === 'text') return textual(seedText);
  const seed = format === 'json' ? parseJsonc(seedText) : format === 'toml' ? parseToml(seedText) : parse(seedText);
  return fc.oneof({ weight: 3, arbitrary: structural(seed, format) }, { weight: 2, arbitrary: textual(seedText) });
}
