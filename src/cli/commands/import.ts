// `rollout-check import responses.csv --out-dir answers/`: a survey export into answers files.
import type { Command } from 'commander';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('turn a survey export (CSV: a row per respondent, a column per question id) into answers files')
    .argument('<csv>', 'the exported responses')
    .requiredOption('--out-dir <dir>', 'the folder to write one answers file per respondent into')
    .option('-p, --policy <file>', 'checklist file (default: the built-in checklist)')
    .option('--force', 'replace answers files that already exist')
    .addHelpText(
      'after',
      '\nBuild the form from `rollout-check init --format csv` (the header row). Every row is checked\nfirst: one bad cell stops the import with its row, column and the allowed answers, and no file\nis written. Then assess them together: rollout-check assess --answers answers/',
    )
    .action(async (csv: string, flags: { outDir: string; policy?: string; force?: boolean }) => {
      const { runImport } = await import('./import-action.js');
      await runImport(csv, flags);
    });
}
