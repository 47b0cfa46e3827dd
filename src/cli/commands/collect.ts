// `rollout-check collect github OWNER/REPO`: saves the repository's platform settings, as GitHub
// answers them to `gh api`, into a bundle that `assess --platform` and `scan --platform` read.
import type { Command } from 'commander';
import type { CollectFlags } from './collect-action.js';
import { parseChoice, refuseInapplicable } from '../options.js';

export function registerCollect(program: Command): void {
  program
    .command('collect')
    .description("save a repository's platform settings (branch rules, who may approve or bypass, environments, push protection) with the GitHub CLI")
    .argument('<source>', 'where the settings live: github', parseChoice(['github'] as const))
    .argument('<repository>', 'OWNER/REPO')
    .option('-b, --branch <name>', "the branch whose rules to read (default: the repository's default branch)")
    .option('-o, --out <file>', 'write the bundle here (atomically) instead of standard output')
    .option('--print-commands', 'print the `gh api` reads as a shell script to run elsewhere, instead of running them')
    .option('--from <dir>', 'build the bundle from the answers the printed commands saved in this folder; with --print-commands, the folder they save into')
    .addHelpText(
      'after',
      '\nRuns `gh api` (GET only) with your own sign-in; no token is stored, only what GitHub answers.\nA part this token may not read (403, 404) is recorded as not readable, never as absent.\nWhen no read reaches GitHub at all (no gh, not signed in), nothing is written: exit 2.',
    )
    .action(async (_source: 'github', repository: string, flags: CollectFlags, command: Command) => {
      refuseInapplicable(command, { excludes: [['printCommands', 'out']] });
      const { runCollect } = await import('./collect-action.js');
      process.exitCode = await runCollect(repository, flags);
    });
}
