// `rollout-check explain [QUESTION]`: the checklist as a reference: every question by failure
// mode, or one question with its choices, scoring, references and recommended steps.
import type { Command } from 'commander';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('list the checklist questions, or explain one: choices, scoring, references, next steps')
    .argument('[question]', 'a question id, for example fm3.human-review')
    .option('-p, --policy <file>', 'checklist file (default: the built-in checklist)')
    .action(async (id: string | undefined, flags: { policy?: string }) => (await import('./explain-action.js')).runExplain(id, flags));
}
