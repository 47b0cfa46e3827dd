// The fields a portfolio reads from a saved result, checked without zod. zod (summary-schema.ts)
// stays the authority and alone words a problem; this check only vouches for a result whose every
// field zod would pass, and the fields are then read as they are (zod would give them back
// unchanged: the schema has no transforms). test/unit/quick-fields.test.ts holds the two together.
import type { ResultFields } from './summary-schema.js';

type Shape = (v: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const object =
  (fields: Record<string, Shape>): Shape =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([key, shape]) => shape(v[key]));
const arrayOf =
  (item: Shape, length?: number): Shape =>
  (v) =>
    Array.isArray(v) && (length === undefined || v.length === length) && v.every(item);
const string: Shape = (v) => typeof v === 'string';
const number: Shape = (v) => typeof v === 'number' && Number.isFinite(v);
const nullable =
  (shape: Shape): Shape =>
  (v) =>
    v === null || shape(v);

const resultFields = object({
  schemaVersion: string,
  checklist: object({ id: string, version: string, title: string }),
  metadata: object({ organization: nullable(string), team: nullable(string), client: nullable(string), date: nullable(string) }),
  verdict: object({ id: (v) => v === 'tighten' || v === 'pilot' || v === 'scale' }),
  overall: object({
    score: nullable(number),
    coverage: nullable(number),
    answered: number,
    applicable: number,
    unknown: number,
    evidence: (v) => v === undefined || object({ corroborated: nullable(number) })(v),
  }),
  failureModes: arrayOf(object({ id: string, title: string, score: nullable(number), high: number }), 7),
  nextSteps: arrayOf(object({ id: string, text: string })),
});

/** The result, typed, when zod would pass every field a portfolio reads; undefined when zod must look. */
export function quickResultFields(data: unknown): ResultFields | undefined {
  return resultFields(data) ? (data as ResultFields) : undefined;
}
