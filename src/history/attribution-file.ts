// The attribution file's schema and validation: loaded only for files the build has not already
// validated (an in-house --attribution file, or an edited built-in one).
import * as z from '../zod-mini.js';
import type { Problem } from '../errors.js';
import { located, parseLocated } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';
import { ruleKind } from './rule-kind.js';

const pattern = z.string().check(z.minLength(1)).check(z.maxLength(500));
const source = z.string().check(z.minLength(1));
const Rule = z.union([
  z.strictObject({ author: pattern, source }),
  z.strictObject({ committer: pattern, source }),
  z.strictObject({
    trailer: z.strictObject({ key: z.string().check(z.regex(/^[A-Za-z0-9-]+$/, 'a trailer key is letters, digits and dashes')), value: pattern }),
    source,
  }),
  z.strictObject({ message: pattern, source }),
  z.strictObject({ branch: pattern, source }),
  z.strictObject({ login: pattern, source }),
]);

export const AttributionFile = z.strictObject({
  version: z.literal(1),
  tools: z.array(
    z.strictObject({
      id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a tool id is lower-case letters, digits and dashes')),
      name: z.string().check(z.minLength(1)),
      /** agent (the default): work an AI agent did; automation: bots, release and dependency updaters, apart from agents and people. */
      kind: z.optional(z.enum(['agent', 'automation'])),
      rules: z.array(Rule).check(z.minLength(1)),
    }),
  ),
  fixSubjects: z.optional(z.array(pattern)),
});
export type AttributionFile = z.infer<typeof AttributionFile>;

/** Pure: validates one attribution file; `problems` is empty when it is sound. */
export function validateAttribution(
  file: string,
  text: string,
): { ok: true; data: AttributionFile; compiled: (RegExp | undefined)[][] } | { ok: false; problems: Problem[] } {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const { parsed, problems } = parseTolerantly(doc, AttributionFile);
  if (!parsed) return { ok: false, problems };
  const ids = new Map<string, number>();
  parsed.data.tools.forEach((t, i) => {
    if (ids.has(t.id)) problems.push(located(doc, ['tools', i, 'id'], `tool "${t.id}" is listed twice`));
    ids.set(t.id, i);
  });
  if (ids.has('human')) problems.push(located(doc, ['tools', ids.get('human')!, 'id'], '"human" is what unmatched commits are called: pick another id'));
  const compile = (text: string, path: (string | number)[]): RegExp | undefined => {
    try {
      return new RegExp(text, 'i');
    } catch (err) {
      problems.push(located(doc, path, `not a regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`));
      return undefined;
    }
  };
  const compiled = parsed.data.tools.map((t, i) =>
    t.rules.map((r, j) => {
      if ('trailer' in r) return compile(r.trailer.value, ['tools', i, 'rules', j, 'trailer', 'value']);
      const kind = ruleKind(r);
      return compile((r as Record<string, string>)[kind]!, ['tools', i, 'rules', j, kind]);
    }),
  );
  (parsed.data.fixSubjects ?? []).forEach((s, i) => compile(s, ['fixSubjects', i]));
  return problems.length ? { ok: false, problems } : { ok: true, data: parsed.data, compiled };
}
