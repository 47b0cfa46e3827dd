// The passes over a window's history, at the edge: the graph (`git log` with no diffs, newest
// first) and the changes (`git log --reverse --numstat`, oldest first). Every git process costs a
// short run several milliseconds, so a history that looks small starts only the changes: their
// records hold all the graph needs (hash, parents, time, subject), and when git's whole output fits
// in what startGit holds, the graph is built from them, newest first, just as the graph pass would
// have printed it. A history that turns out larger starts the graph pass then; one that looks
// large starts both together, as reading it takes the graph pass's time either way.
import { readdirSync, statSync } from 'node:fs';
import { startGit, type StartedGit } from './git.js';
import type { Graph, GraphBuilder } from './graph.js';
import { LogParser, logFormat, type CommitRecord } from './log-stream.js';

export interface Passes {
  changes: StartedGit;
  /** False in a partial clone: no --numstat, whose file contents are not here. */
  lines: boolean;
  /** Started with the changes when the history looked large; else only if it turns out so. */
  graph: StartedGit | undefined;
  range: string[];
  dir: string;
}

export interface ReadGraph {
  graph: Graph;
  /** Hands every commit of the window to `onCommit`, oldest first; the count of malformed headers. */
  replay(onCommit: (c: CommitRecord) => void): Promise<number>;
}

/** Packed history beyond this (a few thousand commits) is read with both passes from the start. */
const smallPacks = 1024 * 1024;

/**
 * Whether the repository's history looks small enough to be read in one pass: its `.git` folder
 * holds under 1 MiB of packs. Loose objects are not counted (git packs them once there are a few
 * thousand); a wrong guess costs time, never a different result.
 */
export function looksSmall(dir: string): boolean {
  if (!statSync(`${dir}/.git`, { throwIfNoEntry: false })?.isDirectory()) return false;
  const packs = `${dir}/.git/objects/pack`;
  let total = 0;
  try {
    for (const name of readdirSync(packs)) if (name.endsWith('.pack')) total += statSync(`${packs}/${name}`).size;
  } catch {
    // Nothing packed yet, or a folder that cannot be read: a guess either way.
  }
  return total < smallPacks;
}

/**
 * What the changes pass of a large history may print while the graph is read, in characters. git
 * spends most of its time computing diffs, not printing them: held this far, it goes on with them
 * (on a second core) while the graph is read, rather than waiting for a reader. On 100,000 commits
 * that took about 4% off the run, for a few MiB more at its peak.
 */
const heldWhileGraphIsRead = 4 * 1024 * 1024;

export function startPasses(dir: string, range: string[], lines = true, small = looksSmall(dir)): Passes {
  return {
    changes: startGit(dir, changesArgs(range, lines), small ? undefined : heldWhileGraphIsRead),
    lines,
    graph: small ? undefined : startGit(dir, graphArgs(range)),
    range,
    dir,
  };
}

/** Builds the graph into `builder` from whichever pass can give it. */
export async function readGraph(passes: Passes, builder: GraphBuilder): Promise<ReadGraph> {
  if (!passes.graph && (await passes.changes.settled())) {
    const records: CommitRecord[] = [];
    const parser = new LogParser((c) => records.push(c), true);
    await passes.changes.stream((chunk) => parser.push(chunk));
    parser.end();
    for (let i = records.length - 1; i >= 0; i--) {
      const c = records[i]!;
      builder.commit(c.hash, c.parents, c.time, c.subject!);
    }
    return {
      graph: builder.finish(),
      async replay(onCommit) {
        for (const c of records) onCommit(c);
        return parser.malformed;
      },
    };
  }
  passes.graph ??= startGit(passes.dir, graphArgs(passes.range));
  const lines = splitLines((line) => builder.line(line));
  await passes.graph.stream(lines.push);
  lines.end();
  return {
    graph: builder.finish(),
    async replay(onCommit) {
      const parser = new LogParser(onCommit);
      await passes.changes.stream((chunk) => parser.push(chunk));
      parser.end();
      return parser.malformed;
    },
  };
}

/** Stops whatever is still running (a window left unread, or a run that failed first). */
export function stopPasses(passes: Passes | undefined): void {
  passes?.graph?.stop();
  passes?.changes.stop();
}

// Both passes re-encode messages to UTF-8, so a subject reads the same from either.
const graphArgs = (range: string[]) => ['log', '--no-show-signature', '--encoding=UTF-8', '--format=%H %P%x1f%ct%x1f%s', ...range];
const changesArgs = (range: string[], lines: boolean) => [
  'log',
  '--reverse',
  '-z',
  ...(lines ? ['--numstat', '-M'] : []),
  '--no-ext-diff',
  '--no-textconv',
  '--no-show-signature',
  '--encoding=UTF-8',
  `--format=${logFormat}`,
  ...range,
];

/** A chunk handler that hands on whole lines, without gluing whole chunks together. */
function splitLines(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  const push = (chunk: string) => {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      onLine(start === 0 ? pending + chunk.slice(0, end) : chunk.slice(start, end));
      start = end + 1;
    }
    pending = start === 0 ? pending + chunk : chunk.slice(start);
  };
  return { push, end: () => pending && onLine(pending) };
}
