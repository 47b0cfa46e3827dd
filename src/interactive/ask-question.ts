// Asks one question and turns the reply into an answers-file entry. Besides the answer itself
// every prompt takes the same single keys: "?" not sure, "n" a note, "h" the longer help, "b"
// back. They are actions, not choices, so they are never in the list (nor ticked by accident);
// N/A, where allowed, is an answer and stays in the list.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { AnswerEntry } from '../answers/schema.js';
import { inBand } from '../answers/validate.js';
import { wrap } from '../text.js';
import type { ActionKeys, Option, Prompter } from './prompter.js';

export type Reply = { kind: 'answer'; entry: AnswerEntry } | { kind: 'back' };

/** What the repository's configuration suggests for a question (from `--scan`). */
export interface Suggestion {
  value: string[];
  because: string[];
}

export interface AskContext {
  checklist: LoadedChecklist;
  position: number;
  total: number;
  current?: AnswerEntry;
  width: number;
  suggestion?: Suggestion;
}

const UNKNOWN = 'unknown';
const NA = '__na';
const NOTE = '__note';
const HELP = '__help';
const BACK = '__back';
const specials = new Set([UNKNOWN, NA, NOTE, HELP, BACK]);
const actionKeys: ActionKeys = { '?': UNKNOWN, n: NOTE, h: HELP, b: BACK };
const keysHint = '? not sure · n note · h help · b back';

export async function askQuestion(q: ResolvedQuestion, ctx: AskContext, p: Prompter): Promise<Reply> {
  let note = noteOf(ctx.current);
  const evidence = evidenceOf(ctx.current);
  // Acknowledged findings were settled in the file on purpose: re-answering keeps them.
  const acknowledge = acknowledgeOf(ctx.current);
  const finish = (answer: AnswerEntry | { na: string }): Reply => {
    const extras = { ...(note ? { note } : {}), ...(evidence.length ? { evidence } : {}) };
    if (typeof answer === 'object' && !Array.isArray(answer) && 'na' in answer) return { kind: 'answer', entry: { ...answer, ...extras } };
    const withAcks = { ...extras, ...(acknowledge.length ? { acknowledge } : {}) };
    return { kind: 'answer', entry: Object.keys(withAcks).length ? { answer: answer as string | number | string[], ...withAcks } : answer };
  };
  for (;;) {
    const message = header(q, ctx, note);
    // With no answer yet, the repository's suggestion is the preselected choice.
    const current = ctx.current ?? (ctx.suggestion ? (q.type === 'multi' ? ctx.suggestion.value : ctx.suggestion.value[0]) : undefined);
    const reply = q.type === 'number' ? await askNumber(q, message, ctx.current, p) : await askChoices(q, message, current, p);
    if (reply === BACK) return { kind: 'back' };
    if (reply === HELP) {
      p.print(helpText(q, ctx.width));
      continue;
    }
    if (reply === NOTE) {
      note = (await p.input('Note for this answer (empty to remove):', () => true, note ?? '')).trim() || undefined;
      continue;
    }
    // A key leaves its prompt on the screen as it was: say what it did.
    if (reply === UNKNOWN) p.print('→ not sure (unknown)');
    if (reply === NA) {
      const reason = await p.input('Why does this not apply?', (v) => (v.trim() ? true : 'a reason is required for N/A'), naOf(ctx.current));
      return finish({ na: reason.trim() });
    }
    return finish(reply);
  }
}

function header(q: ResolvedQuestion, ctx: AskContext, note: string | undefined): string {
  const where = q.context
    ? 'Context'
    : `${q.failureModes.map((f) => f.id).join(', ')} · ${ctx.checklist.failureModes.find((f) => f.id === q.failureModes[0]!.id)!.title}`;
  // The obligation is on the prompt itself: a must is answered knowing it is one.
  const obligation = q.obligation ? ` · ${q.obligation}` : '';
  const lines = [...wrap(`[${ctx.position}/${ctx.total}] ${where}${obligation}`, ctx.width), ...wrap(q.text, ctx.width), ...wrap(`Why: ${q.why}`, ctx.width)];
  if (ctx.suggestion && ctx.current === undefined) {
    const labels = ctx.suggestion.value.map((id) => q.choices.find((c) => c.id === id)?.label ?? id).join('; ');
    lines.push(...wrap(`Repository suggests: ${labels} (${ctx.suggestion.because[0]})`, ctx.width));
  }
  if (note) lines.push(...wrap(`Note: ${note}`, ctx.width));
  return lines.join('\n');
}

async function askChoices(q: ResolvedQuestion, message: string, current: AnswerEntry | undefined, p: Prompter): Promise<string | string[]> {
  const given = valueOf(current);
  if (q.type !== 'multi') {
    const na: Option[] = q.naAllowed ? [{ value: NA, name: 'N/A: does not apply here…', group: '' }] : [];
    const options: Option[] = [...q.choices.map((c) => ({ value: c.id, name: c.label })), ...na];
    const initial = typeof given === 'string' ? given : naOf(current) !== undefined ? NA : undefined;
    return p.select(`${message}\n(${keysHint})`, options, initial, actionKeys);
  }
  const picked = Array.isArray(given) ? given : [];
  const options: Option[] = q.choices.map((c) => ({ value: c.id, name: c.label, checked: picked.includes(c.id) }));
  const exclusive = new Set(q.choices.filter((c) => c.exclusive).map((c) => c.id));
  const values = await p.checkbox(
    `${message}\n(space to tick, enter to confirm; ${keysHint})`,
    options,
    (v) => {
      if (v.length === 0) return 'tick at least one line (or press ? for not sure)';
      const alone = v.find((x) => specials.has(x) || exclusive.has(x));
      if (alone && v.length > 1) return `"${q.choices.find((c) => c.id === alone)?.label ?? alone}" goes on its own`;
      return true;
    },
    actionKeys,
  );
  return specials.has(values[0]!) ? values[0]! : values;
}

async function askNumber(q: ResolvedQuestion, message: string, current: AnswerEntry | undefined, p: Prompter): Promise<string | number> {
  // N/A needs a reason, so it is typed as a word; the actions are the same single keys as elsewhere.
  const words: Record<string, string> = q.naAllowed ? { na: NA } : {};
  const bands = q.bands.map((b) => b.label).join('; ');
  const keys = `${keysHint}${q.naAllowed ? ', na not applicable' : ''}`;
  const given = valueOf(current);
  const raw = await p.input(
    `${message}\n${q.unit ? `Number (${q.unit.trim()})` : 'Number'}: ${bands}\n(${keys})`,
    (v) => {
      const t = v.trim().toLowerCase();
      if (words[t] || specials.has(v)) return true;
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) return `enter a number, or: ${keys}`;
      return q.bands.some((b) => inBand(b, n)) ? true : 'that number is outside every band';
    },
    typeof given === 'number' ? String(given) : undefined,
    actionKeys,
  );
  if (specials.has(raw)) return raw;
  const t = raw.trim().toLowerCase();
  return words[t] ?? Number(t);
}

function helpText(q: ResolvedQuestion, width: number): string {
  const refs = [...q.references.airmf, ...q.references.ai600];
  const lines = [
    '',
    ...wrap(q.help ?? 'No further help for this question.', width),
    ...(q.obligation ? [`Obligation: ${q.obligation}`] : []),
    ...(refs.length ? wrap(`References: ${refs.join(', ')}`, width) : []),
    ...(q.recommendations.length ? ['If this is a gap:', ...q.recommendations.flatMap((r) => wrap(`- ${r.text}`, width, '  '))] : []),
    '',
  ];
  return lines.join('\n');
}

function valueOf(e: AnswerEntry | undefined): string | number | string[] | undefined {
  if (e === undefined) return undefined;
  if (typeof e === 'object' && !Array.isArray(e)) return 'answer' in e ? e.answer : undefined;
  return e;
}
function noteOf(e: AnswerEntry | undefined): string | undefined {
  return typeof e === 'object' && e !== null && !Array.isArray(e) ? e.note : undefined;
}
function evidenceOf(e: AnswerEntry | undefined): string[] {
  return typeof e === 'object' && e !== null && !Array.isArray(e) ? (e.evidence ?? []) : [];
}
function acknowledgeOf(e: AnswerEntry | undefined): { finding: string; reason?: string }[] {
  return typeof e === 'object' && e !== null && !Array.isArray(e) && 'acknowledge' in e ? (e.acknowledge ?? []) : [];
}
function naOf(e: AnswerEntry | undefined): string | undefined {
  return typeof e === 'object' && e !== null && !Array.isArray(e) && 'na' in e ? e.na : undefined;
}
