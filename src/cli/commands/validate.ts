// `rollout-check validate FILE...`: checks checklist or answers files without scoring.
import type { Command } from 'commander';
import { InputError, type Problem } from '../../errors.js';
import { builtinChecklist, readUserFile } from '../../io/files.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check checklist, overlay or answers files without scoring (exit 2 if any is invalid)')
    .argument('<files...>', 'checklist (policy), overlay or answers files')
    .option('-p, --policy <file>', 'checklist to check answers files against (default: the built-in one)')
    .action(async (files: string[], flags: { policy?: string }) => {
      const problems: Problem[] = [];
      const tools = await loadTools();
      for (const file of files) {
        const found = validateOne(tools, file, flags.policy);
        if (found.length) problems.push(...found);
        else process.stdout.write(`ok ${file}\n`);
      }
      if (problems.length) throw new InputError(problems);
    });
}

async function loadTools() {
  const [{ validateAnswers }, { validateChecklist }, { loadChecklist }, { parseLocated }] = await Promise.all([
    import('../../answers/validate.js'),
    import('../../checklist/validate.js'),
    import('../../pipeline.js'),
    import('../../yaml/parse-located.js'),
  ]);
  return { validateAnswers, validateChecklist, loadChecklist, parseLocated };
}

function validateOne({ validateAnswers, validateChecklist, loadChecklist, parseLocated }: Awaited<ReturnType<typeof loadTools>>, file: string, policy?: string): Problem[] {
  const text = readUserFile(file);
  const doc = parseLocated(file, text);
  if (doc.problems.length) return doc.problems;
  // A checklist declares questions at the top level, an overlay what it extends; anything else is
  // read as answers.
  const data = typeof doc.data === 'object' && doc.data !== null ? doc.data : {};
  if ('questions' in data) {
    const r = validateChecklist(file, text);
    return r.ok ? [] : r.problems;
  }
  if ('extends' in data) {
    const base = policy ?? builtinChecklist;
    const r = validateChecklist(policy ?? 'policies/ai-coding-rollout.yaml', readUserFile(base), [{ file, text }]);
    return r.ok ? [] : r.problems;
  }
  const r = validateAnswers(loadChecklist(policy), file, text);
  return r.ok ? [] : r.problems;
}

