// Pure: a saved result's text in, a checked Report or located problems out.
import type { Problem } from '../errors.js';
import { parseLocated } from '../yaml/parse-located.js';
import { zodProblems } from '../yaml/zod-problems.js';
import { Report, reportSchemaVersion } from './model.js';

export type ResultRead = { ok: true; report: Report } | { ok: false; problems: Problem[] };

export function readResult(file: string, text: string): ResultRead {
  // JSON is YAML, so the YAML parser gives line numbers for JSON too.
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const version = (doc.data as { schemaVersion?: unknown } | null)?.schemaVersion;
  const major = reportSchemaVersion.split('.')[0]!;
  if (typeof version === 'string' && version.startsWith('1.'))
    return { ok: false, problems: [{ file, line: 1, message: `saved by an older rollout-check (schema ${version}), whose scores left unknown answers out; assess its answers file again to get a result of schema ${reportSchemaVersion}` }] };
  if (typeof version !== 'string' || !version.startsWith(`${major}.`))
    return { ok: false, problems: [{ file, line: 1, message: `not a rollout-check result of schema ${major}.x (schemaVersion is ${JSON.stringify(version ?? null)})` }] };
  const parsed = Report.safeParse(doc.data, { reportInput: true });
  return parsed.success ? { ok: true, report: parsed.data } : { ok: false, problems: zodProblems(doc, parsed.error) };
}
