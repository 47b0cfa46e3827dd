// `rollout-check schema result|answers|checklist`: prints the published JSON Schema.
import type { Command } from 'commander';
import { parseChoice } from '../options.js';

const kinds = ['result', 'answers', 'checklist'] as const;
type Kind = (typeof kinds)[number];

export async function jsonSchemaOf(kind: Kind): Promise<object> {
  const { z } = await import('zod');
  const { AnswersFile } = await import('../../answers/schema.js');
  const { Checklist } = await import('../../checklist/schema.js');
  const { Report, reportSchemaVersion } = await import('../../report/model.js');
  const schemas = { result: Report, answers: AnswersFile, checklist: Checklist };
  const body = z.toJSONSchema(schemas[kind], { io: 'input', unrepresentable: 'any' });
  const title = { result: `rollout-check result ${reportSchemaVersion}`, answers: 'rollout-check answers file', checklist: 'rollout-check checklist' }[kind];
  return { ...body, $id: `https://rollout-check.dev/schema/${kind}.json`, title };
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of saved results, answers files or checklists')
    .argument('<kind>', 'result, answers or checklist', parseChoice(kinds))
    .action(async (kind: Kind) => {
      process.stdout.write(`${JSON.stringify(await jsonSchemaOf(kind), null, 2)}\n`);
    });
}
