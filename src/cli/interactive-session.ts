// The interactive assessment as a terminal session: where the answers live, resuming, saving
// after every answer, interruption, and the report at the end. The questionnaire itself is in
// src/interactive and knows nothing about files or signals.
import { existsSync } from 'node:fs';
import { parse } from 'yaml';
import type { LoadedChecklist } from '../checklist/model.js';
import type { FailureModeId } from '../checklist/schema.js';
import { AnswersFile } from '../answers/schema.js';
import { serializeAnswers } from '../answers/serialize.js';
import { validateAnswers } from '../answers/validate.js';
import { InputError } from '../errors.js';
import { readUserFile, writeFileAtomic } from '../io/files.js';
import { lockFile } from '../io/lock.js';
import { isPromptCancelled, terminalPrompter, type Prompter } from '../interactive/prompter.js';
import { runQuestionnaire } from '../interactive/questionnaire.js';
import { collectEvidence } from '../pipeline.js';

export interface SessionOptions {
  answersOut: string;
  resume?: string;
  section?: FailureModeId;
  quick?: boolean;
  /** Today's date as YYYY-MM-DD, offered as the assessment date (the report reads it from the file). */
  today: string;
  /** A repository to read first: its configuration preselects suggested answers. */
  scan?: string;
}

export const INTERRUPTED = 130;

/** How a session ended: answers saved and complete, or stopped with the exit code to use. */
export type SessionEnd = { kind: 'finished'; file: string; answered: number } | { kind: 'stopped'; code: number };

/**
 * Asks, saves after every answer, and hands back the answers file: scoring it is `assess
 * --answers`'s job (one assessment path for both modes, with every flag honoured).
 */
export async function runInteractiveSession(checklist: LoadedChecklist, options: SessionOptions, p: Prompter = terminalPrompter): Promise<SessionEnd> {
  const out = options.resume ?? options.answersOut;
  const release = lockFile(out);
  try {
    return await runLocked(checklist, out, options, p);
  } finally {
    release();
  }
}

async function runLocked(checklist: LoadedChecklist, out: string, options: SessionOptions, p: Prompter): Promise<SessionEnd> {
  let file = options.resume ? readExisting(checklist, options.resume) : await startOrResume(checklist, out, options, p);
  if (options.section || options.quick) file = { ...file, scope: scopeOf(options) };
  const save = (f: AnswersFile) => writeFileAtomic(out, serializeAnswers(checklist, f, { placeholders: false }), out);
  save(file);
  const answered = () => Object.keys(file.answers ?? {}).length;
  const stop = (signal: string, code: number) => () => {
    process.stdout.write(`\n${interruptedMessage(out, answered(), signal)}\n`);
    process.exit(code);
  };
  const onTerm = stop('SIGTERM', 143);
  const onHup = stop('SIGHUP', 129);
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  const suggestions = options.scan ? await suggestionsFrom(checklist, options.scan) : undefined;
  try {
    file = await runQuestionnaire(checklist, file, p, {
      suggestions,
      file: out,
      width: Math.max(40, Math.min(process.stdout.columns ?? 80, 100) - 2),
      save: (f) => {
        file = f;
        save(f);
      },
    });
  } catch (err) {
    if (!isPromptCancelled(err)) throw err;
    process.stdout.write(`\n${interruptedMessage(out, answered(), 'Ctrl-C')}\n`);
    return { kind: 'stopped', code: INTERRUPTED };
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
  }
  return { kind: 'finished', file: out, answered: answered() };
}

/** What the repository proposes for questions nobody has answered yet. */
async function suggestionsFrom(checklist: LoadedChecklist, dir: string): Promise<Record<string, { value: string[]; because: string[] }>> {
  const none = { checklist: { id: checklist.id, version: checklist.version }, metadata: {}, scope: { quick: false }, answers: {}, hash: '', source: '' };
  const { evidence } = await collectEvidence({ scan: dir }, checklist, none);
  return Object.fromEntries(evidence.proposals.map((p) => [p.question, { value: p.value, because: p.because }]));
}

function interruptedMessage(out: string, count: number, how: string): string {
  return `Stopped (${how}). ${count} answer${count === 1 ? '' : 's'} saved in ${out}. Continue with: rollout-check assess --resume ${out}`;
}

async function startOrResume(checklist: LoadedChecklist, out: string, options: SessionOptions, p: Prompter): Promise<AnswersFile> {
  if (existsSync(out)) {
    const choice = await p.select(
      `${out} already exists. What should happen to it?`,
      [
        { value: 'resume', name: 'Resume it: keep its answers and continue' },
        { value: 'overwrite', name: 'Start again and overwrite it' },
        { value: 'cancel', name: 'Cancel (choose another file with --answers-out)' },
      ],
      'resume',
    );
    if (choice === 'resume') return readExisting(checklist, out);
    if (choice === 'cancel') throw new InputError(`${out}: left as it was; pass --answers-out to write elsewhere`);
  }
  p.print('About this assessment (press enter to skip a line):');
  const ask = async (label: string, initial?: string) => (await p.input(label, () => true, initial)).trim() || undefined;
  const metadata = {
    organization: await ask('Organisation:'),
    team: await ask('Team or scope:'),
    assessor: await ask('Assessor:'),
    date: await p.input('Assessment date (YYYY-MM-DD):', (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? true : 'use YYYY-MM-DD'), options.today),
  };
  const defined = Object.fromEntries(
    Object.entries(metadata)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v!.trim()]),
  );
  // Checklists with roles can merge several people's answers: say who is answering.
  let respondent: AnswersFile['respondent'];
  if (checklist.roles?.length) {
    const name = await ask('Your name, if several people answer this assessment (enter to skip):');
    if (name)
      respondent = {
        name,
        role: await p.select(
          'Your role:',
          checklist.roles.map((r) => ({ value: r.id, name: r.label })),
          checklist.roles[0]!.id,
        ),
      };
  }
  return { checklist: { id: checklist.id, version: checklist.version }, metadata: defined, ...(respondent ? { respondent } : {}), answers: {} };
}

function readExisting(checklist: LoadedChecklist, file: string): AnswersFile {
  const text = readUserFile(file);
  const result = validateAnswers(checklist, file, text);
  if (!result.ok) throw new InputError(result.problems);
  return AnswersFile.parse(parse(text) ?? {});
}

function scopeOf(options: SessionOptions): AnswersFile['scope'] {
  return { ...(options.quick ? { quick: true } : {}), ...(options.section ? { failureModes: [options.section] } : {}) };
}
