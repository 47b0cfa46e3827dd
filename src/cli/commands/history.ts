// `rollout-check history [DIR]`: what the repository's git history shows about agent work, offline.
import type { Command } from 'commander';
import type { HistoryFlags } from './history-action.js';
import { collect, parseChoice, refuseInapplicable } from '../options.js';
import { output } from '../std-streams.js';

const formats = ['text', 'md', 'json'] as const satisfies readonly HistoryFlags['format'][];

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description("read the repository's git history: agent work by tool and month, reverts, rework, fix follow-ups, direct pushes")
    .argument('[dir]', 'a git work tree', '.')
    .option('-f, --format <format>', 'text, md or json', parseChoice(formats), 'text')
    .option('-o, --out <file>', 'write here (atomically) instead of standard output')
    .option('--since <when>', 'window: a duration back from the newest commit (90d, 12w, 6m, 1y) or a date (2026-01-01)', '90d')
    .option('--all', 'read the whole history')
    .option('--attribution <file>', 'extra attribution rules for in-house agents, tried first (repeatable)', collect, [])
    .option('--prs <file>', 'review data exported by `gh pr list` (see the README); never fetched')
    .addHelpText(
      'after',
      "\nOnly git is run, with no network. The window ends at the newest commit, never at today's date,\nso a repository gives the same figures on any day. Commits no attribution rule matches count as\npeople's work; when none match at all, the report says agent work is not observable.",
    )
    .action(async (dir: string, flags: HistoryFlags, command: Command) => {
      refuseInapplicable(command, { excludes: [['all', 'since']] });
      const { runHistory } = await import('./history-action.js');
      const text = await runHistory(dir, flags);
      if (flags.out) (await import('../../io/files.js')).writeFileAtomic(flags.out, text);
      else output('stdout').write(text);
    });
}
