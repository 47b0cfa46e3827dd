// `rollout-check init`: a starter answers file listing every question, ready to fill in and commit.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../io/files.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter answers file with every question, its choices and why it matters')
    .option('-o, --out <file>', 'file to write, or - for standard output', 'rollout-answers.yaml')
    .option('-p, --policy <file>', 'checklist file (default: the built-in checklist)')
    .option('--force', 'overwrite an existing file')
    .action(async (flags: { out: string; policy?: string; force?: boolean }) => {
      const { loadChecklist } = await import('../../pipeline.js');
      const { serializeAnswers } = await import('../../answers/serialize.js');
      const checklist = loadChecklist(flags.policy);
      const text = serializeAnswers(checklist, { checklist: { id: checklist.id, version: checklist.version } }, { placeholders: true });
      if (flags.out === '-') return void process.stdout.write(text);
      if (existsSync(flags.out) && !flags.force)
        throw new InputError(`${flags.out}: already exists; pass --force to overwrite it, or --out another file`);
      writeFileAtomic(flags.out, text);
      process.stdout.write(`Wrote ${flags.out}: ${checklist.questions.length} questions, all "unknown". Fill it in, then run: rollout-check assess --answers ${flags.out}\n`);
    });
}
