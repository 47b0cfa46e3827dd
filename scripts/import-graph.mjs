// The import graph of src/: every static, type-only and dynamic import between our own modules,
// and its cycles, file by file and folder by folder (a folder is a first-level folder of src/; a
// file at the top of src/ is its own node). `node scripts/import-graph.mjs` prints the cycles;
// test/unit/import-graph.test.ts holds the count at zero.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const srcRoot = fileURLToPath(new URL('../src/', import.meta.url));
const specifiers = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** file (relative to src/) -> the files it imports. */
export function importGraph() {
  const graph = new Map();
  for (const file of files(srcRoot)) {
    const from = relative(srcRoot, file);
    const targets = new Set();
    for (const m of readFileSync(file, 'utf8').matchAll(specifiers)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      targets.add(relative(srcRoot, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
    }
    graph.set(from, [...targets].sort());
  }
  return graph;
}

export const folderOf = (file) => (file.includes('/') ? file.split('/')[0] : file);

/** Strongly connected components of more than one node (or a node importing itself). */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function folderGraph(graph) {
  const folders = new Map();
  for (const [from, targets] of graph) {
    const f = folderOf(from);
    const set = folders.get(f) ?? new Set();
    for (const t of targets) if (folderOf(t) !== f) set.add(folderOf(t));
    folders.set(f, set);
  }
  return new Map([...folders].map(([k, v]) => [k, [...v].sort()]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const fileCycles = cycles(graph);
  const folderCycles = cycles(folderGraph(graph));
  console.log(`file cycles: ${fileCycles.length}`);
  for (const c of fileCycles) console.log(`  ${c.join(' <-> ')}`);
  console.log(`folder cycles: ${folderCycles.length}`);
  for (const c of folderCycles) {
    console.log(`  ${c.join(' <-> ')}`);
    for (const [from, targets] of graph)
      for (const t of targets) if (c.includes(folderOf(from)) && c.includes(folderOf(t)) && folderOf(from) !== folderOf(t)) console.log(`    ${from} -> ${t}`);
  }
  process.exitCode = fileCycles.length || folderCycles.length ? 1 : 0;
}
