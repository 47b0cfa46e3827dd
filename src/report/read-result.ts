// Pure: a saved result's text in, a checked Report or located problems out.
import type { Problem } from '../errors.js';
import { nestsDeeperThan } from '../parse-boundary/depth.js';
import { maxNestingDepth } from '../parse-boundary/limits.js';
import { parseLocated } from '../yaml/parse-located.js';
import { zodProblems } from '../yaml/zod-problems.js';
import { Report, reportSchemaVersion } from './model.js';

export type ResultRead = { ok: true; report: Report } | { ok: false; problems: Problem[] };

export function readResult(file: string, text: string): ResultRead {
  // A saved result is JSON: JSON.parse reads it many times faster than the YAML parser, and
  // without recursion. The YAML parser (JSON is YAML) is only needed to locate a problem.
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const fast = data !== undefined && !nestsDeeperThan(data, maxNestingDepth);
  // Parsed at most once: for a located problem, or because JSON.parse could not read it.
  let doc: ReturnType<typeof parseLocated> | undefined;
  const located = () => (doc ??= parseLocated(file, text));
  if (!fast) {
    const doc = located();
    if (doc.problems.length) return { ok: false, problems: doc.problems };
    data = doc.data;
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  const major = reportSchemaVersion.split('.')[0]!;
  if (typeof version === 'string' && version.startsWith('1.'))
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          message: `saved by an older rollout-check (schema ${version}), whose scores left unknown answers out; assess its answers file again to get a result of schema ${reportSchemaVersion}`,
        },
      ],
    };
  // An answers file is the most common wrong input here: say what to do with it.
  if (version === undefined && isAnswersFile(data))
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          message: `this is an answers file, not a result: run \`rollout-check assess --answers ${file}\` (or save a result first with \`--format json --out result.json\`)`,
        },
      ],
    };
  if (typeof version !== 'string' || !version.startsWith(`${major}.`))
    return {
      ok: false,
      problems: [{ file, line: 1, message: `not a rollout-check result of schema ${major}.x (schemaVersion is ${JSON.stringify(version ?? null)})` }],
    };
  const parsed = Report.safeParse(data, { reportInput: true });
  return parsed.success ? { ok: true, report: parsed.data } : { ok: false, problems: zodProblems(located(), parsed.error) };
}

function isAnswersFile(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { checklist?: unknown; answers?: unknown };
  return (
    typeof d.checklist === 'object' &&
    d.checklist !== null &&
    'id' in d.checklist &&
    (d.answers === undefined || d.answers === null || typeof d.answers === 'object')
  );
}
