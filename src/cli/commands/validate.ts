// `rollout-check validate FILE...`: checks checklist or answers files without scoring.
import type { Command } from 'commander';
import { validateAnswers } from '../../answers/validate.js';
import { validateChecklist } from '../../checklist/validate.js';
import { formatProblem, InputError, type Problem } from '../../errors.js';
import { readUserFile } from '../../io/files.js';
import { loadChecklist } from '../../pipeline.js';
import { parseLocated } from '../../yaml/parse-located.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check checklist or answers files without scoring (exit 2 if any is invalid)')
    .argument('<files...>', 'checklist (policy) or answers files')
    .option('-p, --policy <file>', 'checklist to check answers files against (default: the built-in one)')
    .action((files: string[], flags: { policy?: string }) => {
      const problems: Problem[] = [];
      for (const file of files) {
        const found = validateOne(file, flags.policy);
        if (found.length) problems.push(...found);
        else process.stdout.write(`ok ${file}\n`);
      }
      if (problems.length) throw new InputError(problems);
    });
}

function validateOne(file: string, policy?: string): Problem[] {
  const text = readUserFile(file);
  const doc = parseLocated(file, text);
  if (doc.problems.length) return doc.problems;
  // A checklist declares questions at the top level; anything else is read as answers.
  const isChecklist = typeof doc.data === 'object' && doc.data !== null && 'questions' in doc.data;
  if (isChecklist) {
    const r = validateChecklist(file, text);
    return r.ok ? [] : r.problems;
  }
  const r = validateAnswers(loadChecklist(policy), file, text);
  return r.ok ? [] : r.problems;
}

export { formatProblem };
