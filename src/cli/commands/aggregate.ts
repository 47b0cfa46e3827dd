// `rollout-check aggregate RESULT.json... | DIR`: rolls saved results up into one portfolio view.
import type { Command } from 'commander';
import { parseChoice } from '../options.js';

const formats = ['md', 'html', 'json', 'csv'] as const;

export function registerAggregate(program: Command): void {
  program
    .command('aggregate')
    .description(
      'roll many saved results (assess --format json) up into a portfolio: verdicts, a heat map, weakest failure modes, recurring steps, regressions',
    )
    .argument('<results...>', 'result files, or folders searched for *.json')
    .option('-f, --format <format>', 'md, html, json or csv', parseChoice(formats), 'md')
    .option('-o, --out <file>', 'write here (atomically) instead of standard output')
    .addHelpText(
      'after',
      '\nResults are read, never re-scored. A team is its metadata organization and team; its latest result\n(by date) is its current one and an earlier one is what regressions are measured against. Files that\nare not results, or results of another schema, are listed under "Files not read".',
    )
    .action(async (inputs: string[], flags: { format: (typeof formats)[number]; out?: string }) => {
      const { runAggregate } = await import('./aggregate-action.js');
      runAggregate(inputs, flags);
    });
}
