// The answers file checked without zod, for a file that is plainly right. zod (schema.ts) stays the
// authority: it alone words a problem, and this check only stands in for it where the file passes
// every rule there and comes out the same, text trimmed where zod trims it. Anything else (a
// problem, a Date, a key that could upset a plain object) comes back undefined, and the caller
// asks zod, which the build then loads (it costs a short run about ten milliseconds to load, build
// the schema in and parse). test/unit/quick-check.test.ts holds the two to the same output.
import { failureModeIds } from '../checklist/ids.js';
import { isRealDay } from '../day.js';
import type { AnswersFile } from './schema.js';

/** Not plainly right: ask zod. */
const unsure = Symbol('unsure');
type Check = (value: unknown) => unknown;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** zod's strictObject: only these keys, the required ones present, the output in the schema's order. */
function strictObject(fields: Record<string, Check>, required: readonly string[] = []): Check {
  const names = Object.keys(fields);
  return described({ fields }, (v) => {
    if (!isPlainObject(v)) return unsure;
    for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) return unsure;
    const out: Record<string, unknown> = {};
    for (const key of names) {
      if (!Object.hasOwn(v, key) || v[key] === undefined) {
        if (required.includes(key)) return unsure;
        continue;
      }
      const checked = fields[key]!(v[key]);
      if (checked === unsure) return unsure;
      out[key] = checked;
    }
    return out;
  });
}

/**
 * What a check knows, for the test that holds it to the schema's keys (test/unit/quick-check.test.ts):
 * an object's fields, or the checks it chooses between or wraps.
 */
export interface CheckShape {
  fields?: Record<string, Check>;
  options?: Check[];
  item?: Check;
}
const described = (shape: CheckShape, check: Check): Check => Object.assign(check, { shape });
export const shapeOfCheck = (check: Check): CheckShape | undefined => (check as Check & { shape?: CheckShape }).shape;

const string: Check = (v) => (typeof v === 'string' ? v : unsure);
const nonEmpty: Check = (v) => (typeof v === 'string' && v.length > 0 ? v : unsure);
/** zod's `text`: trimmed, then at least one character. */
const text: Check = (v) => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : unsure);
const arrayOf = (item: Check, minLength = 0): Check =>
  described({ item }, (v) => {
    if (!Array.isArray(v) || v.length < minLength) return unsure;
    const out = v.map(item);
    return out.includes(unsure) ? unsure : out;
  });
const optionalNullable = (check: Check): Check => described({ options: [check] }, (v) => (v === null ? null : check(v)));
const firstOf = (...checks: Check[]): Check =>
  described({ options: checks }, (v) => {
    for (const check of checks) {
      const out = check(v);
      if (out !== unsure) return out;
    }
    return unsure;
  });

const answerValue = firstOf(nonEmpty, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : unsure), arrayOf(nonEmpty));
const day: Check = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDay(v) ? v : unsure);

const answerEntry = firstOf(
  answerValue,
  strictObject(
    {
      answer: answerValue,
      note: text,
      evidence: arrayOf(text),
      acknowledge: arrayOf(strictObject({ finding: string, reason: string }, ['finding'])),
      accepted: strictObject({ reason: string, owner: string, until: string }),
    },
    ['answer'],
  ),
  strictObject({ na: text, note: text, evidence: arrayOf(text) }, ['na']),
);

const answersFile = strictObject(
  {
    checklist: strictObject({ id: nonEmpty, version: nonEmpty }, ['id', 'version']),
    metadata: optionalNullable(strictObject({ organization: text, team: text, assessor: text, date: day, client: text, engagement: text, logo: text })),
    scope: strictObject({
      quick: (v) => (typeof v === 'boolean' ? v : unsure),
      failureModes: arrayOf((v) => (failureModeIds.includes(v as never) ? v : unsure), 1),
    }),
    respondent: strictObject({ name: text, role: text }, ['name', 'role']),
    answers: optionalNullable(
      described({ item: answerEntry }, (v) => {
        if (!isPlainObject(v)) return unsure;
        const out: Record<string, unknown> = {};
        for (const [id, entry] of Object.entries(v)) {
          // A key a plain object treats specially: let zod decide what becomes of it.
          if (id === '__proto__') return unsure;
          const checked = answerEntry(entry);
          if (checked === unsure) return unsure;
          out[id] = checked;
        }
        return out;
      }),
    ),
  },
  ['checklist'],
);

/** The root check, for the schema-keys test. */
export const quickAnswersCheck: Check = answersFile;

/** The file as zod would give it back, when it is plainly right; undefined when zod must look. */
export function quickCheckAnswers(data: unknown): AnswersFile | undefined {
  const out = answersFile(data);
  return out === unsure ? undefined : (out as AnswersFile);
}
