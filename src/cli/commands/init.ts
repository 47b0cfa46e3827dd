// `rollout-check init`: a starter answers file listing every question, ready to fill in and commit.
import type { Command } from 'commander';
import { parseChoice } from '../options.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter answers file with every question, its choices and why it matters')
    .option('-o, --out <file>', 'file to write, or - for standard output', 'rollout-answers.yaml')
    .option('-p, --policy <file>', 'checklist file (default: the built-in checklist)')
    .option('--force', 'overwrite an existing file')
    .option(
      '-f, --format <format>',
      'yaml (an answers file) or csv (the header row of a survey form, for `import`)',
      parseChoice(['yaml', 'csv'] as const),
      'yaml',
    )
    .option('--respondent <name>', 'for a team assessment: who will answer this file')
    .option('--role <role>', "with --respondent: the respondent's role (one of the checklist's roles)")
    .action(async (flags: { out: string; policy?: string; force?: boolean; respondent?: string; role?: string; format: 'yaml' | 'csv' }) =>
      (await import('./init-action.js')).runInit(flags),
    );
}
