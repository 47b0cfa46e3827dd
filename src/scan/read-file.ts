// Reads one candidate file safely: never through a symbolic link that leaves the scanned folder,
// never a file over the size limit, never a binary file. Then parses it once, by type.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep, isAbsolute } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineCounter, parseDocument } from 'yaml';
import type { ParsedFile } from './types.js';

export const maxFileBytes = 1024 * 1024;

export type ReadOutcome = { ok: true; file: ParsedFile } | { ok: false; reason: string } | { ok: 'malformed'; file: ParsedFile; line: number; reason: string };

export function readCandidate(root: string, path: string, realRoot: string): ReadOutcome {
  const full = join(root, path);
  let stat;
  try {
    stat = lstatSync(full);
    if (stat.isSymbolicLink()) {
      const target = realpathSync(full);
      const rel = relative(realRoot, target);
      if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep)[0] === '..') return { ok: false, reason: 'symbolic link out of the scanned folder: not followed' };
      stat = lstatSync(target);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
  if (stat.size > maxFileBytes) return { ok: false, reason: `larger than ${maxFileBytes / 1024} KiB: skipped` };
  const bytes = readFileSync(full);
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'binary file: skipped' };
  return parseFile(path, bytes.toString('utf8'));
}

export function parseFile(path: string, text: string): ReadOutcome {
  const lines = text.split('\n');
  const lineOf = (needle: string | RegExp) => {
    const i = lines.findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
    return i >= 0 ? i + 1 : undefined;
  };
  const base = { path, text, lineOf };
  const lower = path.toLowerCase();
  if (/\.(json|jsonc)$/.test(lower)) {
    const errors: ParseError[] = [];
    const data = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
    const file: ParsedFile = { ...base, format: 'json', data };
    if (errors.length) return { ok: 'malformed', file, line: lineAt(text, errors[0]!.offset), reason: `invalid JSON: ${printParseErrorCode(errors[0]!.error)}` };
    return { ok: true, file };
  }
  if (/\.(ya?ml)$/.test(lower)) {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
    const file: ParsedFile = { ...base, format: 'yaml', data: doc.errors.length ? undefined : doc.toJS() };
    if (doc.errors.length) return { ok: 'malformed', file, line: lc.linePos(doc.errors[0]!.pos[0]).line, reason: `invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
    return { ok: true, file };
  }
  if (lower.endsWith('.toml')) {
    try {
      return { ok: true, file: { ...base, format: 'toml', data: parseToml(text) } };
    } catch (err) {
      const line = err instanceof TomlError ? err.line : 1;
      return { ok: 'malformed', file: { ...base, format: 'toml' }, line, reason: `invalid TOML: ${(err as Error).message.split('\n')[0]}` };
    }
  }
  if (/\.(md|mdc)$/.test(lower) || /(^|\/)\.(cursorrules|windsurfrules|continuerules)$/.test(lower)) {
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    let data: unknown;
    if (fm) {
      try {
        data = parseDocument(fm[1]!).toJS();
      } catch {
        data = undefined;
      }
    }
    return { ok: true, file: { ...base, format: 'markdown', data, body: fm ? text.slice(fm[0].length) : text } };
  }
  return { ok: true, file: { ...base, format: 'text' } };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
