// The work behind `rollout-check init`, loaded only when the command runs.
import { existsSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { output } from '../std-streams.js';

/** `init`'s flags, declared in init.ts. */
export interface InitFlags {
  out: string;
  policy?: string;
  force?: boolean;
  respondent?: string;
  role?: string;
  format: 'yaml' | 'csv';
}

export async function runInit(flags: InitFlags): Promise<void> {
  const { loadChecklist } = await import('../../load/checklist.js');
  const { serializeAnswers } = await import('../../answers/serialize.js');
  const { writeFileAtomic } = await import('../../io/files.js');
  const { packageRoot } = await import('../../io/artefacts.js');
  const checklist = await loadChecklist(flags.policy);
  if (flags.format === 'csv') {
    const { csvHeader } = await import('../../respondents/import-csv.js');
    const header = csvHeader(checklist);
    if (flags.out === '-' || flags.out === 'rollout-answers.yaml') return void output('stdout').write(header);
    if (existsSync(flags.out) && !flags.force) throw new InputError(`${flags.out}: already exists; pass --force to overwrite it, or --out another file`);
    return void writeFileAtomic(flags.out, header);
  }
  const roles = checklist.roles?.map((r) => r.id) ?? [];
  if (flags.role && !flags.respondent) throw new InputError('--role needs --respondent NAME');
  if (flags.respondent && !roles.includes(flags.role ?? ''))
    throw new InputError(`--role: expected one of ${roles.join(', ') || '(this checklist has no roles)'}, got "${flags.role ?? ''}"`);
  const respondent = flags.respondent ? { name: flags.respondent, role: flags.role! } : undefined;
  const body = serializeAnswers(
    checklist,
    { checklist: { id: checklist.id, version: checklist.version }, ...(respondent ? { respondent } : {}) },
    { placeholders: true },
  );
  // Editors (VS Code's YAML extension) read this line: completion of question and choice ids.
  const schema = join(packageRoot, 'dist', 'schemas', `answers-${checklist.id}.schema.json`);
  const from = flags.out === '-' ? process.cwd() : dirname(resolve(flags.out));
  const line = !flags.policy && existsSync(schema) ? `# yaml-language-server: $schema=${relative(from, schema).split(sep).join('/')}\n` : '';
  const text = `${line}${body}`;
  if (flags.out === '-') return void output('stdout').write(text);
  if (existsSync(flags.out) && !flags.force) throw new InputError(`${flags.out}: already exists; pass --force to overwrite it, or --out another file`);
  writeFileAtomic(flags.out, text);
  output('stdout').write(
    `Wrote ${flags.out}: ${checklist.questions.length} questions, all "unknown". Fill it in, then run: rollout-check assess --answers ${flags.out}\n`,
  );
}
