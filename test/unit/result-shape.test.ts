// The JSON format writes a report in the result schema's shape (src/report/shape.ts) instead of
// parsing it through the schema on every run. It must write exactly what parsing gives: the same
// keys in the same order, with the same defaults, for reports with every optional part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/answers/model.js';
import { readHistory } from '../../src/history/read-history.js';
import { assess, collectEvidence, loadAnswers, loadChecklist, weighHistoryEvidence } from '../../src/pipeline.js';
import { json } from '../../src/render/formats/json.js';
import { Report } from '../../src/report/model.js';
import { conform, shapeOf, type Shape } from '../../src/report/shape.js';
import { mergeRespondents } from '../../src/respondents/merge.js';
import { findRegressions } from '../../src/compare/regression.js';
import { repoRoot } from '../helpers/cli.js';

const checklist = await loadChecklist();
const answersOf = (name: string): Answers => loadAnswers(checklist, `${repoRoot}/examples/${name}.yaml`);
const shape = shapeOf(Report);
const bySchema = (r: unknown) => `${JSON.stringify(Report.parse(r), null, 2)}\n`;

// Reports with each optional part: evidence, history, several respondents, a regression.
const pilot = answersOf('pilot-ready');
const team = ['engineer', 'lead', 'platform', 'security'].map((n) => loadAnswers(checklist, `${repoRoot}/examples/team/${n}.yaml`));
const merged = mergeRespondents(checklist, team);
const history = weighHistoryEvidence(checklist, pilot, await readHistory(repoRoot, { since: 'all', label: '.' }));
const plain = assess(checklist, answersOf('not-ready'), '0').report;
const reports: [string, Report][] = [
  ['plain', plain],
  [
    'with evidence',
    assess(checklist, pilot, '0', await collectEvidence({ scan: `${repoRoot}/test/fixtures/real/anthropics-claude-code-action` }, checklist, pilot)).report,
  ],
  ['with history', assess(checklist, pilot, '0', undefined, history).report],
  ['with respondents', assess(checklist, merged.answers, '0', undefined, undefined, { merged, files: team }).report],
];
reports.push(['with a regression', { ...plain, regression: findRegressions(reports[1]![1], plain, 0, 'baseline.json') }]);

describe('the result shape', () => {
  it('covers reports with each optional part', () => {
    const [, withEvidence, withHistory, withRespondents, withRegression] = reports.map(([, r]) => r);
    expect(withEvidence!.evidence?.findings.length).toBeGreaterThan(0);
    expect(withHistory!.history?.commits).toBeGreaterThan(0);
    expect(withRespondents!.respondents.length).toBe(4);
    expect(withRegression!.regression).not.toBeNull();
  });

  it('is what the JSON format was built with', () => {
    // vitest.config.ts gives the tests what scripts/build.mjs gives the bundle.
    expect(json.render(plain, {})).toBe(bySchema(plain));
    expect(JSON.parse(JSON.stringify(shape))).toEqual(shape);
  });

  it.each(reports)('writes a report %s exactly as parsing it through the schema does', (_, report) => {
    expect(json.render(report, {})).toBe(bySchema(report));
  });

  it('orders keys and fills defaults as the schema does, whatever order a report comes in', () => {
    // Every object's keys shuffled, and keys the schema has a default for sometimes left out.
    const shuffled = (value: unknown, at: Shape, seed: number): unknown => {
      if (value === null || value === undefined || at === 0) return value;
      if ('array' in at) return (value as unknown[]).map((v, i) => shuffled(v, at.array, seed + i));
      if ('record' in at) return Object.fromEntries(Object.entries(value as object).map(([k, v], i) => [k, shuffled(v, at.record, seed + i)]));
      const keys = new Map(at.object.map(([k, inner, d]) => [k, { inner, defaulted: d !== undefined }]));
      const entries = Object.entries(value as object)
        .filter(([k], i) => !(keys.get(k)?.defaulted && (seed + i) % 3 === 0))
        .map(([k, v], i) => [k, shuffled(v, keys.get(k)?.inner ?? 0, seed * 31 + i)] as const);
      const rank = (i: number) => ((seed + 1) * 2654435761 * (i + 1)) % 4294967291;
      return Object.fromEntries(
        entries
          .map((e, i) => [rank(i), e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e),
      );
    };
    fc.assert(
      fc.property(fc.constantFrom(...reports.map(([, r]) => r)), fc.nat(), (report, seed) => {
        const input = shuffled(report, shape, seed);
        return JSON.stringify(conform(input, shape)) === JSON.stringify(Report.parse(input));
      }),
      { seed: 20261125, numRuns: 200 },
    );
  });

  it('refuses a schema it cannot follow, so a new kind of schema fails the build', async () => {
    const z = await import('zod/mini');
    expect(() => shapeOf(z.union([z.strictObject({ a: z.string() }), z.number()]))).toThrow(/union with objects/);
    expect(() => shapeOf(z.map(z.string(), z.number()))).toThrow(/"map" is not supported/);
  });
});
