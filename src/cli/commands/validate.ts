// `rollout-check validate FILE...`: checks checklist or answers files without scoring.
import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check checklist, overlay or answers files without scoring (exit 2 if any is invalid)')
    .argument('<files...>', 'checklist (policy), overlay or answers files')
    .option('-p, --policy <file>', 'checklist to check answers files against (default: the built-in one)')
    .option('--scan <dir>', 'also check that every acknowledged finding exists in this repository')
    .action(async (files: string[], flags: { policy?: string; scan?: string }) => (await import('./validate-action.js')).runValidate(files, flags));
}
