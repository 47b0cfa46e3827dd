// The questionnaire: walks the checklist in order (context first), skips questions whose
// condition is false, supports going back, saves after every answer, and ends with a review
// screen where any answer can be changed before scoring.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { FailureModeId } from '../checklist/schema.js';
import type { ResolvedAnswer } from '../answers/model.js';
import type { AnswerEntry, AnswersFile } from '../answers/schema.js';
import { resolveEntry } from '../answers/validate.js';
import { evaluateCondition } from '../scoring/applicability.js';
import { wrap } from '../text.js';
import { askQuestion, type Suggestion } from './ask-question.js';
import type { Option, Prompter } from './prompter.js';

export interface QuestionnaireOptions {
  /** Called with the whole answers file after every change; must persist it atomically. */
  save: (file: AnswersFile) => void;
  width: number;
  /** Answers the repository's configuration suggests, by question id (`assess --scan`). */
  suggestions?: Record<string, Suggestion>;
  /** Where the answers are saved, for the orientation line. */
  file?: string;
}

/** About how long one question takes, for the orientation line's estimate. */
const secondsPerQuestion = 25;

const DONE = '__done';

export async function runQuestionnaire(checklist: LoadedChecklist, file: AnswersFile, p: Prompter, options: QuestionnaireOptions): Promise<AnswersFile> {
  const state: AnswersFile = { ...file, answers: { ...(file.answers ?? {}) } };
  const inScope = checklist.questions.filter((q) => isInScope(q, state.scope));
  const applicable = (q: ResolvedQuestion) => !q.when || evaluateCondition(q.when, resolved(checklist, state)) !== false;
  const ask = async (q: ResolvedQuestion, position: number, total: number) =>
    askQuestion(q, { checklist, position, total, current: state.answers![q.id], width: options.width, suggestion: options.suggestions?.[q.id] }, p);
  const record = (q: ResolvedQuestion, entry: AnswerEntry) => {
    state.answers![q.id] = entry;
    options.save(state);
  };

  let i = inScope.findIndex((q) => applicable(q) && state.answers![q.id] === undefined);
  if (i < 0) i = inScope.length;
  p.print(wrap(orientation(inScope.filter(applicable), state, options.file), options.width).join('\n'));
  while (i < inScope.length) {
    const q = inScope[i]!;
    if (!applicable(q)) {
      i++;
      continue;
    }
    const live = inScope.filter(applicable);
    const reply = await ask(q, live.indexOf(q) + 1, live.length);
    if (reply.kind === 'back') {
      const previous = inScope
        .slice(0, i)
        .map((x, k) => [x, k] as const)
        .reverse()
        .find(([x]) => applicable(x));
      if (previous) i = previous[1];
      else p.print('This is the first question.');
      continue;
    }
    record(q, reply.entry);
    i++;
  }

  for (;;) {
    const live = inScope.filter(applicable);
    const choice = await p.select('Review your answers: pick one to change it, or finish.', reviewOptions(checklist, live, state, options.width), DONE);
    if (choice === DONE) return state;
    const q = live.find((x) => x.id === choice)!;
    const reply = await ask(q, live.indexOf(q) + 1, live.length);
    if (reply.kind === 'answer') record(q, reply.entry);
  }
}

/** One line before the first question: how much there is, where it goes, and that stopping is safe. */
function orientation(live: ResolvedQuestion[], state: AnswersFile, file: string | undefined): string {
  const answered = live.filter((q) => state.answers?.[q.id] !== undefined).length;
  const minutes = Math.max(1, Math.round(((live.length - answered) * secondsPerQuestion) / 60));
  const where = file ? `saved as you go to ${file}` : 'saved as you go';
  const count = `${live.length} question${live.length === 1 ? '' : 's'}`;
  if (answered) return `Resuming: ${answered} of ${count} answered, about ${minutes} minute${minutes === 1 ? '' : 's'} to go; ${where}. Ctrl-C is safe.`;
  return `${count} (more or fewer as your answers decide what applies), about ${minutes} minute${minutes === 1 ? '' : 's'}; ${where}. Ctrl-C is safe: resume with --resume${file ? ` ${file}` : ''}.`;
}

function isInScope(q: ResolvedQuestion, scope: AnswersFile['scope']): boolean {
  if (q.context || !scope) return true;
  if (scope.quick && !q.quick) return false;
  if (scope.failureModes && !q.failureModes.some((f) => scope.failureModes!.includes(f.id))) return false;
  return true;
}

/** The answers given so far, typed, for evaluating conditions. */
function resolved(checklist: LoadedChecklist, state: AnswersFile): Record<string, ResolvedAnswer> {
  const out: Record<string, ResolvedAnswer> = {};
  for (const q of checklist.questions) {
    const entry = state.answers?.[q.id];
    if (entry === undefined) continue;
    const r = resolveEntry(q, entry);
    if (typeof r !== 'string') out[q.id] = r;
  }
  return out;
}

function reviewOptions(checklist: LoadedChecklist, live: ResolvedQuestion[], state: AnswersFile, width: number): Option[] {
  const options: Option[] = [{ value: DONE, name: '✓ Finish and score' }];
  let group = '';
  for (const q of live) {
    const key = q.context ? 'Context' : q.failureModes[0]!.id;
    const title = q.context ? 'Context' : `${key} ${checklist.failureModes.find((f) => f.id === (key as FailureModeId))!.title}`;
    // One line per answer, even in a 60-column terminal.
    const answer = shorten(describe(q, state.answers?.[q.id]), 22);
    options.push({
      value: q.id,
      name: `${shorten(q.text, Math.max(16, width - answer.length - 6))}: ${answer}`,
      description: q.text,
      ...(key !== group ? { group: `── ${title}` } : {}),
    });
    group = key;
  }
  return options;
}

function describe(q: ResolvedQuestion, entry: AnswerEntry | undefined): string {
  if (entry === undefined) return 'not answered';
  const r = resolveEntry(q, entry);
  if (typeof r === 'string') return 'invalid';
  const v = r.value;
  const base =
    v.kind === 'unknown'
      ? 'not sure'
      : v.kind === 'na'
        ? 'N/A'
        : v.kind === 'number'
          ? `${v.value}${q.unit ?? ''}`
          : v.ids.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join(', ');
  return r.note ? `${base} ✎` : base;
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
