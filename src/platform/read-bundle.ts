// Pure: a platform bundle's text in, a checked bundle or located problems out. A bundle is
// untrusted input like any file we read: the envelope is checked, and every response this version
// reads is checked against the fields it reads, so a malformed answer is a located error rather
// than a wrong signal. Paths this version does not know are kept and ignored.
import type { $ZodError } from 'zod/v4/core';
import type { Problem } from '../errors.js';
import { nestsDeeperThan } from '../parse-boundary/depth.js';
import { maxNestingDepth } from '../parse-boundary/limits.js';
import { parseLocated } from '../yaml/parse-located.js';
import { parseTolerantly, zodProblems } from '../yaml/zod-problems.js';
import { safeParse } from '../zod-mini.js';
import { bodySchemas, PlatformBundle } from './bundle.js';
import { endpointKind } from './endpoints.js';

export type BundleRead = { ok: true; bundle: PlatformBundle } | { ok: false; problems: Problem[] };

export function readPlatformBundle(file: string, text: string): BundleRead {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  if (nestsDeeperThan(doc.data, maxNestingDepth))
    return { ok: false, problems: [{ file, line: 1, message: `nested more than ${maxNestingDepth} levels deep` }] };
  const version = (doc.data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'string' || !version.startsWith('1.'))
    return {
      ok: false,
      problems: [{ file, line: 1, message: `not a rollout-check platform bundle of schema 1.x (schemaVersion is ${JSON.stringify(version ?? null)})` }],
    };
  const { parsed, problems } = parseTolerantly(doc, PlatformBundle);
  if (!parsed || problems.length) return { ok: false, problems };
  const bundle = parsed.data;
  for (const [path, response] of Object.entries(bundle.responses)) {
    const kind = endpointKind(path);
    if (!kind || response.status < 200 || response.status >= 300) continue;
    const checked = safeParse(bodySchemas[kind], response.body, { reportInput: true });
    if (checked.success) continue;
    // Located under the response's own key, so the line named is the field that is wrong.
    const issues = checked.error.issues.map((i) => ({ ...i, path: ['responses', path, 'body', ...i.path] }));
    problems.push(...zodProblems(doc, { ...checked.error, issues } as $ZodError));
  }
  return problems.length ? { ok: false, problems } : { ok: true, bundle };
}
