// The scanner: lists files once, reads and parses each candidate once, hands every detector its
// own files, and masks secrets in everything that comes out. A detector that throws becomes a
// finding for that tool alone; malformed files become findings that name the file and line.
import { collapseCopies } from './collapse.js';
import { realpathSync } from 'node:fs';
import picomatch from 'picomatch';
import { detectors as registry } from '../detectors/index.js';
import type { Detector } from '../detectors/types.js';
import { escapeRegExp } from '../regexp.js';
import { listFiles, mergeListings, searchUntrackedAhead } from './list-files.js';
import type { PathList } from './path-list.js';
import { readCandidate } from './read-file.js';
import { maskSecrets } from '../detectors/shared/secrets.js';
import type { Finding, ParsedFile, ScanContext, ScanResult } from '../detectors/types.js';

export const scanSchemaVersion = '1.0.0';

/** Scans `root`; the result names the folder as given, and every path relative to it. */
/**
 * What is not this repository's active configuration: paths that `.rollout-check-ignore` at the
 * root (one glob a line, `#` comments, a trailing `/` for a folder) or `exclude` name, such as test
 * fixtures and vendored examples. Their findings are kept apart and never weigh on an answer.
 */
export interface ScanOptions {
  exclude?: readonly string[];
}

export const ignoreFile = '.rollout-check-ignore';

export async function scanRepository(
  root: string,
  detectors: readonly Detector[] = registry,
  untracked = searchUntrackedAhead(root),
  options: ScanOptions = {},
): Promise<ScanResult> {
  const listing = listFiles(root, untracked);
  const keys = literalKeys(detectors.flatMap((d) => d.patterns));
  const candidatesIn = (list: PathList): string[] => (keys.any ? list.all() : list.select(keys.pattern));
  // The tracked files are sifted while git is still looking for untracked ones.
  const tracked = candidatesIn(listing.first);
  const realRoot = realpathSync(root);
  const matchers = detectors.map((d) => ({ d, match: picomatch(d.patterns, { dot: true }) }));
  const rest = await listing.rest;
  const allCandidates = mergeListings(tracked, candidatesIn(rest));
  const fromFile = readIgnoreFile(root, realRoot, listing.first.has(ignoreFile) || rest.has(ignoreFile));
  const excludes = [...fromFile, ...(options.exclude ?? [])];
  // A glob picomatch cannot compile (the ignore file is the repository's, so untrusted) sets nothing aside.
  const compiles = (g: string) => {
    try {
      picomatch(asGlob(g), { dot: true });
      return true;
    } catch {
      return false;
    }
  };
  const usable = excludes.filter(compiles);
  const excluded = usable.length ? picomatch(usable.map(asGlob), { dot: true }) : () => false;
  const candidatePaths = allCandidates.filter((p) => !excluded(p));
  const setAside = allCandidates.filter((p) => excluded(p));
  const ownedBy = (paths: string[]) => {
    const owned = new Map<Detector, string[]>();
    for (const path of paths) for (const { d, match } of matchers) if (match(path)) owned.set(d, [...(owned.get(d) ?? []), path]);
    return owned;
  };
  const owned = ownedBy(candidatePaths);

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
  // Where a malformed file's finding goes: the active findings, or those set aside.
  let sink = findings;
  const skipped: ScanResult['skipped'] = [];
  const read = (path: string, tool: Detector): ParsedFile | null => {
    if (parsed.has(path)) return parsed.get(path)!;
    const r = safeRead(path);
    let file: ParsedFile | null = null;
    if (r.ok === true) file = r.file;
    else if (r.ok === 'malformed') {
      sink.push({
        id: `${tool.id}.malformed-file`,
        tool: tool.id,
        failureMode: 'FM5',
        severity: tool.malformedFailsClosed ? 'low' : 'medium',
        kind: 'risk',
        path,
        line: r.line,
        message: `${r.reason}: ${tool.malformedFailsClosed ? 'the tool refuses to run this file' : 'the tool may ignore this file'}`,
      });
      file = null;
    } else skipped.push({ path, reason: r.reason });
    parsed.set(path, file);
    return file;
  };

  // One detector's findings; a detector that throws is reported, and the scan goes on.
  const inspect = (d: Detector, files: ParsedFile[], ctx: ScanContext, findings: Finding[], at = '.'): void => {
    try {
      for (const f of d.inspect(files, ctx)) findings.push({ ...f, tool: d.id });
    } catch (err) {
      findings.push({
        id: `${d.id}.detector-error`,
        tool: d.id,
        failureMode: 'FM5',
        severity: 'info',
        kind: 'fact',
        path: at,
        message: `the ${d.name} detector failed: ${(err as Error).message}`,
      });
    }
  };

  const detect = (owned: Map<Detector, string[]>, candidatePaths: string[], findings: Finding[], active = true): ScanResult['tools'] => {
    sink = findings;
    const agentConfigPaths = [...owned.entries()]
      .filter(([d]) => d.id !== 'github')
      .flatMap(([, p]) => p)
      .sort();
    const ctx: ScanContext = {
      candidatePaths,
      agentConfigPaths,
      readText: (path) => {
        if (!listing.first.has(path) && !rest.has(path)) return { reason: 'not in the repository' };
        const r = safeRead(path);
        return r.ok === false ? { reason: r.reason.replace(/: skipped$/, '') } : { text: r.file.text };
      },
    };
    const tools: ScanResult['tools'] = [];
    for (const d of detectors) {
      const files = (owned.get(d) ?? []).map((p) => read(p, d)).filter((f): f is ParsedFile => f !== null);
      if (!owned.get(d)?.length) {
        // What is missing is missing from the repository, not from what was set aside.
        if (d.reportsAbsence && active && agentConfigPaths.length) inspect(d, [], ctx, findings);
        continue;
      }
      tools.push({ id: d.id, name: d.name, docsUrl: d.docsUrl, files: owned.get(d)! });
      const isMarker = d.markers ? picomatch(d.markers, { dot: true }) : () => true;
      const markers = owned.get(d)!.filter((p) => isMarker(p));
      if (d.id !== 'github' && markers.length)
        findings.push({
          id: `${d.id}.detected`,
          tool: d.id,
          failureMode: 'FM5',
          severity: 'info',
          kind: 'fact',
          path: markers[0]!,
          message: `${d.name} is configured in this repository (${markers.length} file${markers.length > 1 ? 's' : ''})`,
        });
      inspect(d, files, ctx, findings, owned.get(d)![0]!);
    }
    return tools;
  };
  const tools = detect(owned, candidatePaths, findings);
  // The same detectors over what was set aside: counted, shown apart, never weighed.
  const notActive: Finding[] = [];
  detect(ownedBy(setAside), setAside, notActive, false);
  const present = new Set(tools.map((t) => t.id));
  const notObservable = detectors
    .filter((d) => present.has(d.id) || d.id === 'github')
    .flatMap((d) => (d.notObservable ?? []).map((n) => ({ ...n, tool: d.id })));
  return {
    schemaVersion: scanSchemaVersion,
    root,
    tools,
    findings: collapseCopies(findings.map(mask).sort(compareFindings)),
    notActive: {
      excludes,
      findings: collapseCopies(notActive.map(mask).sort(compareFindings)),
      unmatched: excludes.filter((x) => {
        if (!compiles(x)) return true;
        const m = picomatch(asGlob(x), { dot: true });
        return !allCandidates.some((p) => m(p));
      }),
    },
    notObservable,
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/** gitignore's shorthand, for the few forms an ignore file uses: `dir/` is the folder, `name` any depth. */
function asGlob(pattern: string): string {
  const p = pattern.replace(/^\.\//, '');
  if (p.endsWith('/')) return `${p.replace(/^\//, '')}**`;
  return p.includes('/') ? p.replace(/^\//, '') : `**/${p}`;
}

/** The ignore file's globs, when the repository has one: bounded and read like any scanned file. */
function readIgnoreFile(root: string, realRoot: string, listed: boolean): string[] {
  if (!listed) return [];
  const r = readCandidate(root, ignoreFile, realRoot);
  if (r.ok !== true) return [];
  return r.file.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
}

/**
 * A path can only match a pattern if it contains that pattern's key segment: its first hidden
 * segment (".claude", ".github": rare in any repository) or else its last literal segment
 * ("CLAUDE.md", "CODEOWNERS"); a key that names a folder without a dot ("PULL_REQUEST_TEMPLATE")
 * is looked for as that folder anywhere. One expression finds every path holding a key, in one pass
 * over the whole listing, and rejects almost every path of a large repository on the way: the
 * glob expressions then run on the few left.
 */
interface Keys {
  /** Matches a key inside one path of a listing (paths end in NUL): global, never matches a NUL. */
  pattern: RegExp;
  /** A pattern with no literal segment, which could match any path: every path is a candidate. */
  any: boolean;
}

export function literalKeys(patterns: string[]): Keys {
  const names = new Set<string>();
  const folders = new Set<string>();
  let any = false;
  for (const p of patterns.flatMap(expandBraces)) {
    const segments = p.split('/');
    const literal = segments.filter((seg) => seg && !/[*?[\]{}()!+@]/.test(seg));
    const key = literal.find((seg) => seg.startsWith('.')) ?? literal.at(-1);
    if (!key) any = true;
    else {
      names.add(key);
      if (!key.startsWith('.') && segments.at(-1) !== key) folders.add(`${key}/`);
    }
  }
  // A whole segment: after the start of the listing, a NUL (the path before) or a slash, and
  // followed by a slash or the NUL that ends the path.
  const segment = names.size ? [`(?:^|[\\0/])(?:${[...names].map(escapeRegExp).join('|')})(?=[\\0/])`] : [];
  const alternatives = [...segment, ...[...folders].map(escapeRegExp)];
  return { pattern: new RegExp(alternatives.length ? alternatives.join('|') : '(?!)', 'g'), any };
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
