// `rollout-check schema result|answers|checklist`: prints the published JSON Schema.
import type { Command } from 'commander';
import { z } from 'zod';
import { AnswersFile } from '../../answers/schema.js';
import { Checklist } from '../../checklist/schema.js';
import { Report, reportSchemaVersion } from '../../report/model.js';
import { parseChoice } from '../options.js';

const schemas = { result: Report, answers: AnswersFile, checklist: Checklist } as const;
type Kind = keyof typeof schemas;

export function jsonSchemaOf(kind: Kind): object {
  const body = z.toJSONSchema(schemas[kind], { io: 'input', unrepresentable: 'any' });
  const title = { result: `rollout-check result ${reportSchemaVersion}`, answers: 'rollout-check answers file', checklist: 'rollout-check checklist' }[kind];
  return { ...body, $id: `https://rollout-check.dev/schema/${kind}.json`, title };
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of saved results, answers files or checklists')
    .argument('<kind>', 'result, answers or checklist', parseChoice(Object.keys(schemas) as Kind[]))
    .action((kind: Kind) => {
      process.stdout.write(`${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`);
    });
}
