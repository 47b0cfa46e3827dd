// `rollout-check schema result|answers|checklist|history|platform`: prints the published JSON Schema.
import type { Command } from 'commander';
import type { SchemaKind } from './schema-action.js';
import { parseChoice } from '../options.js';
import { output } from '../std-streams.js';

const kinds = ['result', 'answers', 'checklist', 'history', 'platform'] as const satisfies readonly SchemaKind[];

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of saved results, answers files, checklists, history results or platform bundles')
    .argument('<kind>', 'result, answers, checklist, history or platform', parseChoice(kinds))
    .action(async (kind: SchemaKind) => {
      const { jsonSchemaOf } = await import('./schema-action.js');
      output('stdout').write(`${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`);
    });
}
