// `rollout-check schema result|answers|checklist|history`: prints the published JSON Schema.
import type { Command } from 'commander';
import { parseChoice } from '../options.js';

const kinds = ['result', 'answers', 'checklist', 'history'] as const;
type Kind = (typeof kinds)[number];

export async function jsonSchemaOf(kind: Kind): Promise<object> {
  const { z } = await import('zod');
  const { AnswersFile } = await import('../../answers/schema.js');
  const { Checklist } = await import('../../checklist/schema.js');
  const { Report, reportSchemaVersion } = await import('../../report/model.js');
  const { HistoryResult, historySchemaVersion } = await import('../../history/model.js');
  const schemas = { result: Report, answers: AnswersFile, checklist: Checklist, history: HistoryResult };
  const body = z.toJSONSchema(schemas[kind], { io: 'input', unrepresentable: 'any' });
  const title = { result: `rollout-check result ${reportSchemaVersion}`, answers: 'rollout-check answers file', checklist: 'rollout-check checklist', history: `rollout-check history ${historySchemaVersion}` }[kind];
  return { ...body, $id: `https://rollout-check.dev/schema/${kind}.json`, title };
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of saved results, answers files, checklists or history results')
    .argument('<kind>', 'result, answers, checklist or history', parseChoice(kinds))
    .action(async (kind: Kind) => {
      process.stdout.write(`${JSON.stringify(await jsonSchemaOf(kind), null, 2)}\n`);
    });
}
