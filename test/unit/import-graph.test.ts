// No import cycle in src/, file by file or folder by folder: each type lives with its owner, and
// the layers (checklist, answers, scoring, detectors, scan, history, evidence, report, render, ...)
// only ever import downwards. Type-only and dynamic imports count too.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, also run as `node scripts/import-graph.mjs`.
import { cycles, folderGraph, importGraph } from '../../scripts/import-graph.mjs';

describe('the import graph', () => {
  const graph = importGraph() as Map<string, string[]>;

  it('reads every module and its imports', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('pipeline.ts')).toContain('scoring/verdict.ts');
    // The control: a cycle is found when there is one.
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
          ['c.ts', []],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });
});
