// The work behind `rollout-check validate`, loaded only when the command runs.
import { InputError, type Problem } from '../../errors.js';
import { output } from '../std-streams.js';

export async function runValidate(files: string[], flags: { policy?: string; scan?: string }): Promise<void> {
  const problems: Problem[] = [];
  const tools = await loadTools();
  const findingKeys = flags.scan ? await scanKeys(flags.scan) : undefined;
  for (const file of files) {
    const found = await validateOne(tools, file, flags.policy, findingKeys);
    if (found.length) problems.push(...found);
    else output('stdout').write(`ok ${file}\n`);
  }
  if (problems.length) throw new InputError(problems);
}

async function loadTools() {
  const [{ readUserFile }, { builtinChecklist }, { validateAnswers }, { loadChecklist }, { evidenceMapFor }, { located, parseLocated }] = await Promise.all([
    import('../../io/files.js'),
    import('../../io/artefacts.js'),
    import('../../answers/validate.js'),
    import('../../load/checklist.js'),
    import('../../load/evidence-map.js'),
    import('../../yaml/parse-located.js'),
  ]);
  // The checklist validator only for checklists and overlays: most runs check answers files.
  const validateChecklist = async (...args: Parameters<typeof import('../../checklist/validate.js').validateChecklist>) =>
    (await import('../../checklist/validate.js')).validateChecklist(...args);
  return { builtinChecklist, readUserFile, validateAnswers, validateChecklist, located, loadChecklist, evidenceMapFor, parseLocated };
}

async function scanKeys(dir: string): Promise<Set<string>> {
  const [{ scanDirectory }, { findingKey }] = await Promise.all([import('../../scan/scan-directory.js'), import('../../checklist/finding-key.js')]);
  return new Set((await scanDirectory(dir)).findings.map(findingKey));
}

async function validateOne(tools: Awaited<ReturnType<typeof loadTools>>, file: string, policy?: string, findingKeys?: Set<string>): Promise<Problem[]> {
  const { builtinChecklist, readUserFile, validateAnswers, validateChecklist, located, loadChecklist, evidenceMapFor, parseLocated } = tools;
  const text = readUserFile(file);
  const doc = parseLocated(file, text);
  if (doc.problems.length) return doc.problems;
  // A checklist declares questions at the top level, an overlay what it extends; anything else is
  // read as answers.
  const data = typeof doc.data === 'object' && doc.data !== null ? doc.data : {};
  if ('questions' in data) {
    const r = await validateChecklist(file, text);
    return r.ok ? [] : r.problems;
  }
  if ('extends' in data) {
    const base = policy ?? builtinChecklist;
    const r = await validateChecklist(policy ?? 'policies/ai-coding-rollout.yaml', readUserFile(base), [{ file, text }]);
    return r.ok ? [] : r.problems;
  }
  const checklist = await loadChecklist(policy);
  const r = validateAnswers(checklist, file, text, { evidenceMap: evidenceMapFor(checklist, text), parsed: doc });
  if (!r.ok) return r.problems;
  if (!findingKeys) return [];
  // An acknowledgement that names no finding would silently settle the next one of that name.
  return Object.entries(r.answers.answers).flatMap(([qid, a]) =>
    a.acknowledge.flatMap((ack, i) =>
      findingKeys.has(ack.finding)
        ? []
        : [
            located(
              doc,
              ['answers', qid, 'acknowledge', i, 'finding'],
              `${qid}: no finding "${ack.finding}" in the scanned repository (stale or mistyped acknowledgement)`,
            ),
          ],
    ),
  );
}
