// `rollout-check init`: a starter answers file listing every question, ready to fill in and commit.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot, writeFileAtomic } from '../../io/files.js';

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
      const body = serializeAnswers(checklist, { checklist: { id: checklist.id, version: checklist.version } }, { placeholders: true });
      // Editors (VS Code's YAML extension) read this line: completion of question and choice ids.
      const schema = join(packageRoot, 'dist', 'schemas', `answers-${checklist.id}.schema.json`);
      const from = flags.out === '-' ? process.cwd() : dirname(resolve(flags.out));
      const line = !flags.policy && existsSync(schema) ? `# yaml-language-server: $schema=${relative(from, schema).split(sep).join('/')}\n` : '';
      const text = `${line}${body}`;
      if (flags.out === '-') return void process.stdout.write(text);
      if (existsSync(flags.out) && !flags.force)
        throw new InputError(`${flags.out}: already exists; pass --force to overwrite it, or --out another file`);
      writeFileAtomic(flags.out, text);
      process.stdout.write(`Wrote ${flags.out}: ${checklist.questions.length} questions, all "unknown". Fill it in, then run: rollout-check assess --answers ${flags.out}\n`);
    });
}
