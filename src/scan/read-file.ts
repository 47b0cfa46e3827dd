// Reads one candidate file safely: never through a symbolic link that leaves the scanned folder,
// never a file over the size limit, never a binary file. Then parses it once, by type.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep, isAbsolute } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { decodeText } from '../parse-boundary/decode.js';
import { nestsDeeperThan } from '../parse-boundary/depth.js';
import { parseJsonc } from '../parse-boundary/jsonc.js';
import { maxNestingDepth, maxScannedFileBytes } from '../parse-boundary/limits.js';
import { describeFailure, parseLocated } from '../yaml/parse-located.js';
import { rememberInput } from '../io/input-paths.js';
import type { ParsedFile } from '../detectors/types.js';

export const maxFileBytes = maxScannedFileBytes;

export type ReadOutcome = { ok: true; file: ParsedFile } | { ok: false; reason: string } | { ok: 'malformed'; file: ParsedFile; line: number; reason: string };

export function readCandidate(root: string, path: string, realRoot: string): ReadOutcome {
  const full = join(root, path);
  let stat;
  try {
    stat = lstatSync(full);
    if (stat.isSymbolicLink()) {
      const target = realpathSync(full);
      const rel = relative(realRoot, target);
      if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep)[0] === '..')
        return { ok: false, reason: 'symbolic link out of the scanned folder: not followed' };
      stat = lstatSync(target);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
  if (stat.size > maxFileBytes) return { ok: false, reason: `larger than ${maxFileBytes / 1024} KiB: skipped` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
    rememberInput(full);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const binary = bytes.subarray(0, 8000).includes(0);
  const decoded = decodeText(bytes);
  // A UTF-16 file is full of zero bytes too: name its encoding rather than calling it binary.
  if (!decoded.ok) return { ok: false, reason: binary && !/UTF-(16|32)/.test(decoded.message) ? 'binary file: skipped' : `${decoded.message}: skipped` };
  if (binary) return { ok: false, reason: 'binary file: skipped' };
  return parseFile(path, decoded.text);
}

/**
 * Parses one file by its type. Whatever the text holds, the outcome is a parsed file, a malformed
 * file (a finding, with its line) or a reason to skip it: never an exception.
 */
export function parseFile(path: string, text: string): ReadOutcome {
  try {
    return parseByType(path, text);
  } catch (err) {
    return { ok: false, reason: `${describeFailure(err).replace(/: refused$/, '')}: skipped` };
  }
}

function parseByType(path: string, text: string): ReadOutcome {
  const lines = text.split('\n');
  const lineOf = (needle: string | RegExp) => {
    // Detectors pass values read from the file itself: anything but a string or pattern has no line.
    if (typeof needle !== 'string' && !(needle instanceof RegExp)) return undefined;
    const i = lines.findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
    return i >= 0 ? i + 1 : undefined;
  };
  const base = { path, text, lineOf };
  const lower = path.toLowerCase();
  if (/\.(json|jsonc)$/.test(lower)) {
    const r = parseJsonc(text);
    if (r.ok) return { ok: true, file: { ...base, format: 'json', data: r.data } };
    if (r.data === undefined) return { ok: false, reason: `${r.message.replace(/: refused$/, '')}: skipped` };
    return { ok: 'malformed', file: { ...base, format: 'json', data: r.data }, line: lineAt(text, r.offset), reason: r.message };
  }
  if (/\.(ya?ml)$/.test(lower)) {
    const doc = parseLocated(path, text);
    // A path that is not in the document has no line (the parser would give its nearest parent's):
    // the detector then cites what it chooses instead.
    if (!doc.problems.length)
      return { ok: true, file: { ...base, format: 'yaml', data: doc.data, lineAt: (p) => (holds(doc.data, p) ? doc.lineOf(p) : undefined) } };
    const [first] = doc.problems;
    // Syntax errors are the author's mistake (a finding); a refusal (alias bomb, depth) is ours.
    if (/refused|refers to no anchor/.test(first!.message)) return { ok: false, reason: `${first!.message.replace(/: refused$/, '')}: skipped` };
    return { ok: 'malformed', file: { ...base, format: 'yaml' }, line: first!.line ?? 1, reason: `invalid YAML: ${first!.message}` };
  }
  if (lower.endsWith('.toml')) {
    try {
      const data = parseToml(text);
      if (nestsDeeperThan(data, maxNestingDepth)) return { ok: false, reason: `nested more than ${maxNestingDepth} levels deep: skipped` };
      return { ok: true, file: { ...base, format: 'toml', data } };
    } catch (err) {
      if (!(err instanceof TomlError)) throw err;
      return { ok: 'malformed', file: { ...base, format: 'toml' }, line: err.line, reason: `invalid TOML: ${err.message.split('\n')[0]}` };
    }
  }
  if (/\.(md|mdc)$/.test(lower) || /(^|\/)\.(cursorrules|windsurfrules|continuerules)$/.test(lower)) {
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    let data: unknown;
    // Front matter that cannot be read is treated as absent: the body is what the tool reads.
    if (fm) data = parseLocated(path, fm[1]!).data;
    return { ok: true, file: { ...base, format: 'markdown', data, body: fm ? text.slice(fm[0].length) : text } };
  }
  return { ok: true, file: { ...base, format: 'text' } };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Whether every key and index of `path` is present in `data`. */
function holds(data: unknown, path: readonly (string | number)[]): boolean {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}
