// The scanner: lists files once, reads and parses each candidate once, hands every detector its
// own files, and masks secrets in everything that comes out. A detector that throws becomes a
// finding for that tool alone; malformed files become findings that name the file and line.
import { realpathSync } from 'node:fs';
import picomatch from 'picomatch';
import { detectors as registry } from '../detectors/index.js';
import type { Detector } from '../detectors/types.js';
import { listFiles, mergeListings, searchUntrackedAhead } from './list-files.js';
import { readCandidate } from './read-file.js';
import { maskSecrets } from './secrets.js';
import type { Finding, ParsedFile, ScanContext, ScanResult } from './types.js';

export const scanSchemaVersion = '1.0.0';

/** Scans `root`; the result names the folder as given, and every path relative to it. */
export async function scanRepository(root: string, detectors: readonly Detector[] = registry, untracked = searchUntrackedAhead(root)): Promise<ScanResult> {
  const listing = listFiles(root, untracked);
  const keys = literalKeys(detectors.flatMap((d) => d.patterns));
  // The tracked files are sifted while git is still looking for untracked ones.
  const candidates = listing.first.filter((p) => hasKey(p, keys));
  const realRoot = realpathSync(root);
  const matchers = detectors.map((d) => ({ d, match: picomatch(d.patterns, { dot: true }) }));
  const rest = await listing.rest;
  const paths = mergeListings(listing.first, rest);
  const owned = new Map<Detector, string[]>();
  for (const path of mergeListings(candidates, rest.filter((p) => hasKey(p, keys)))) {
    for (const { d, match } of matchers) if (match(path)) owned.set(d, [...(owned.get(d) ?? []), path]);
  }

  // One file never sinks the scan: whatever happens reading it becomes a line in the report.
  const safeRead = (path: string): ReturnType<typeof readCandidate> => {
    try {
      return readCandidate(root, path, realRoot);
    } catch (err) {
      return { ok: false, reason: `cannot be read (${err instanceof Error ? err.name : 'error'}): skipped` };
    }
  };
  const parsed = new Map<string, ParsedFile | null>();
  const findings: Finding[] = [];
  const skipped: ScanResult['skipped'] = [];
  const read = (path: string, tool: Detector): ParsedFile | null => {
    if (parsed.has(path)) return parsed.get(path)!;
    const r = safeRead(path);
    let file: ParsedFile | null = null;
    if (r.ok === true) file = r.file;
    else if (r.ok === 'malformed') {
      findings.push({ id: `${tool.id}.malformed-file`, tool: tool.id, failureMode: 'FM5', severity: 'medium', kind: 'risk', path, line: r.line, message: `${r.reason}: the tool may ignore this file` });
      file = null;
    } else skipped.push({ path, reason: r.reason });
    parsed.set(path, file);
    return file;
  };

  const agentConfigPaths = [...owned.entries()].filter(([d]) => d.id !== 'github').flatMap(([, p]) => p).sort();
  const ctx: ScanContext = {
    paths,
    agentConfigPaths,
    hasAgentsMd: paths.some((p) => p === 'AGENTS.md' || p.endsWith('/AGENTS.md')),
    readText: (path) => {
      if (!isListed(paths, path)) return { reason: 'not in the repository' };
      const r = safeRead(path);
      return r.ok === false ? { reason: r.reason.replace(/: skipped$/, '') } : { text: r.file.text };
    },
  };
  const tools: ScanResult['tools'] = [];
  for (const d of detectors) {
    const files = (owned.get(d) ?? []).map((p) => read(p, d)).filter((f): f is ParsedFile => f !== null);
    if (!owned.get(d)?.length) continue;
    tools.push({ id: d.id, name: d.name, docsUrl: d.docsUrl, files: owned.get(d)! });
    const isMarker = d.markers ? picomatch(d.markers, { dot: true }) : () => true;
    const markers = owned.get(d)!.filter((p) => isMarker(p));
    if (d.id !== 'github' && markers.length) findings.push({ id: `${d.id}.detected`, tool: d.id, failureMode: 'FM5', severity: 'info', kind: 'fact', path: markers[0]!, message: `${d.name} is configured in this repository (${markers.length} file${markers.length > 1 ? 's' : ''})` });
    try {
      for (const f of d.inspect(files, ctx)) findings.push({ ...f, tool: d.id });
    } catch (err) {
      findings.push({ id: `${d.id}.detector-error`, tool: d.id, failureMode: 'FM5', severity: 'info', kind: 'fact', path: owned.get(d)![0]!, message: `the ${d.name} detector failed: ${(err as Error).message}` });
    }
  }
  const present = new Set(tools.map((t) => t.id));
  const notObservable = detectors
    .filter((d) => present.has(d.id) || d.id === 'github')
    .flatMap((d) => (d.notObservable ?? []).map((n) => ({ ...n, tool: d.id })));
  return {
    schemaVersion: scanSchemaVersion,
    root,
    tools,
    findings: findings.map(mask).sort(compareFindings),
    notObservable,
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/**
 * A path can only match a pattern if it contains that pattern's key segment: its first hidden
 * segment (".claude", ".github": rare in any repository) or else its last literal segment
 * ("CLAUDE.md", "CODEOWNERS"). Testing keys rejects almost every path of a large repository far
 * faster than running the glob expressions on it.
 */
interface Keys {
  names: Set<string>;
  /** The same names by length, to test a path's last segment without cutting it out. */
  namesByLength: Map<number, string[]>;
  /** Keys that name a folder and do not start with a dot: checked by substring. */
  plainDirs: string[];
  any: boolean;
}

function literalKeys(patterns: string[]): Keys {
  const keys: Keys = { names: new Set(), namesByLength: new Map(), plainDirs: [], any: false };
  for (const p of patterns.flatMap(expandBraces)) {
    const segments = p.split('/');
    const literal = segments.filter((seg) => seg && !/[*?[\]{}()!+@]/.test(seg));
    const key = literal.find((seg) => seg.startsWith('.')) ?? literal.at(-1);
    // A pattern with no literal segment would match anything: every path is a candidate.
    if (!key) keys.any = true;
    else {
      keys.names.add(key);
      if (!key.startsWith('.') && segments.at(-1) !== key) keys.plainDirs.push(`${key}/`);
    }
  }
  for (const name of keys.names) keys.namesByLength.set(name.length, [...(keys.namesByLength.get(name.length) ?? []), name]);
  return keys;
}

function hasKey(path: string, keys: Keys): boolean {
  if (keys.any) return true;
  // The last segment, compared in place: a large repository has a hundred thousand paths.
  const last = path.lastIndexOf('/') + 1;
  for (const name of keys.namesByLength.get(path.length - last) ?? []) if (path.startsWith(name, last)) return true;
  if (keys.plainDirs.some((d) => path.includes(d))) return true;
  if (path.charCodeAt(0) !== 46 && !path.includes('/.')) return false;
  let start = 0;
  for (let i = 0; i <= path.length; i++)
    if (i === path.length || path.charCodeAt(i) === 47) {
      if (keys.names.has(path.slice(start, i))) return true;
      start = i + 1;
    }
  return false;
}

/**
 * Whether a path is in the listing, by binary search: listFiles sorts it (in JavaScript's string
 * order, which is what `<` compares), and a set of every path would cost a large repository more
 * than the rest of the scan.
 */
function isListed(sorted: readonly string[], path: string): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const here = sorted[mid]!;
    if (here === path) return true;
    if (here < path) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Expands simple (non-nested) braces: "a/{b,c}.md" gives "a/b.md" and "a/c.md". */
function expandBraces(p: string): string[] {
  const m = /\{([^{}]*)\}/.exec(p);
  if (!m) return [p];
  return m[1]!.split(',').flatMap((alt) => expandBraces(p.slice(0, m.index) + alt + p.slice(m.index + m[0].length)));
}

function mask(f: Finding): Finding {
  return { ...f, message: maskSecrets(f.message), ...(f.recommendation ? { recommendation: maskSecrets(f.recommendation) } : {}) };
}

function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.id, b.id) || cmp(a.message, b.message);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
