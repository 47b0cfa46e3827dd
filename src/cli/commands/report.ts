// `rollout-check report RESULT.json`: renders any format from a saved result, without scoring.
import type { Command } from 'commander';
import type { EmitFlags } from '../emit.js';
import { outputFormats } from '../formats-list.js';
import { parseChoice } from '../options.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('render a saved result (assess --format json) in any format, without scoring again')
    .argument('<result>', 'a result file written by assess --format json')
    .option('-f, --format <format>', `report format: ${outputFormats.join(', ')}`, parseChoice(outputFormats), 'md')
    .option('-o, --out <file>', 'write here (atomically) instead of standard output')
    .option('--client <name>', 'client name for the cover and headings')
    .option('--engagement <name>', 'engagement name for the cover')
    .option('--assessor <name>', 'assessor name')
    .option('--logo <file>', 'logo image embedded in HTML and PDF reports')
    .option('--redact', "drop notes, evidence and people's names")
    .option('--templates <dir>', 'folder whose <format>/NAME.hbs files replace the built-in templates')
    .option(
      '--csv-layout <layout>',
      'with --format csv: questions (one row per question, the default) or responses (one row per respondent and question, which import reads back)',
      parseChoice(['questions', 'responses'] as const),
    )
    .action(async (file: string, flags: EmitFlags) => (await import('./report-action.js')).runReport(file, flags));
}
