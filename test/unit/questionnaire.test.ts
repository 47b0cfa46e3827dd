import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AnswersFile } from '../../src/answers/schema.js';
import { serializeAnswers } from '../../src/answers/serialize.js';
import { validateAnswers } from '../../src/answers/validate.js';
import { validateChecklist } from '../../src/checklist/validate.js';
import { runQuestionnaire } from '../../src/interactive/questionnaire.js';
import { builtinChecklist } from '../../src/io/artefacts.js';
import { miniChecklist } from '../helpers/mini.js';
import { scriptedPrompter, type Scripted } from '../helpers/scripted-prompter.js';

const checklist = miniChecklist();
const fresh = (scope?: AnswersFile['scope']): AnswersFile => ({
  checklist: { id: 'mini', version: '2.1.0' },
  metadata: { date: '2026-11-20' },
  ...(scope ? { scope } : {}),
  answers: {},
});

async function run(script: Scripted[], start: AnswersFile = fresh(), list = checklist) {
  const p = scriptedPrompter(script);
  const saves: AnswersFile[] = [];
  const result = await runQuestionnaire(list, start, p, { width: 60, save: (f) => saves.push(structuredClone(f)) });
  expect(p.remaining()).toBe(0);
  return { result, saves, p };
}

const finish: Scripted = { select: '__done', expect: /^Review your answers/ };

describe('questionnaire', () => {
  it('asks context first, shows progress and the failure mode, and saves after every answer', async () => {
    const { result, saves, p } = await run([
      { select: 'yes', expect: /^\[1\/10\] Context\nDo agents use MCP servers\?\nWhy: Decides/ },
      { input: '3', expect: /^\[2\/10\] Context\nHow many teams/ },
      { select: 'written', expect: /^\[3\/10\] FM1 · Advisory versus executable · must\n/ },
      { select: 'yes', expect: /^\[4\/10\] FM1, FM4 · / },
      { select: 'yes' },
      { checkbox: ['human', 'not-requester'] },
      { select: 'egress' },
      { select: 'no' },
      { input: '12' },
      { select: 'yes', expect: /^\[10\/10\] FM7/ },
      finish,
    ]);
    expect(saves).toHaveLength(10);
    expect(saves[0]!.answers).toEqual({ 'ctx.mcp': 'yes' });
    expect(result.answers).toMatchObject({ 'ctx.teams': 3, 'q.review': ['human', 'not-requester'], 'q.rework': 12, 'q.owner': 'yes' });
    // Actions (not sure, note, help, back) are keys, never choices in the list.
    expect(p.asked[0]!.options.map((o) => o.value)).toEqual(['yes', 'no']);
    expect(p.asked[0]!.message).toContain('(? not sure · n note · h help · b back)');
    // Where the answers go and how much there is, before the first question.
    expect(p.printed[0]).toMatch(/^10 questions [\s\S]*about 4 minutes; saved as you go\.\s+Ctrl-C is\s+safe/);
  });

  it('skips a question whose condition is false and renumbers the rest', async () => {
    const { result, p } = await run([
      { select: 'no' },
      { input: '1', expect: /^\[2\/9\]/ },
      { select: 'enforced' },
      { select: 'yes' },
      { checkbox: ['human'] },
      { select: 'egress' },
      { select: 'yes' },
      { input: '4' },
      { select: 'yes' },
      finish,
    ]);
    expect(result.answers!['q.mcp-inventory']).toBeUndefined();
    expect(p.asked.some((a) => a.message.includes('inventory of MCP'))).toBe(false);
  });

  it('goes back to the previous question with its answer preselected', async () => {
    const { result, p } = await run([
      { select: 'yes' },
      { input: '3' },
      { select: 'informal' },
      { select: '__back', expect: /split enforced/ },
      { select: 'written', expect: /split written down/ },
      { select: 'no', expect: /split enforced/ },
      { select: 'unknown' },
      { checkbox: ['unknown'] },
      { select: 'no' },
      { select: 'no' },
      { input: '?' },
      { select: 'no' },
      finish,
    ]);
    expect(p.asked[4]!.initial).toBe('informal');
    expect(result.answers).toMatchObject({
      'q.split': 'written',
      'q.enforced': 'no',
      'q.mcp-inventory': 'unknown',
      'q.review': 'unknown',
      'q.rework': 'unknown',
    });
  });

  it("keeps an answer's acknowledged findings when the answer is changed", async () => {
    const ack = [{ finding: 'claude-code.instruction-not-enforced@CLAUDE.md', reason: 'Enforced by the platform proxy' }];
    const start: AnswersFile = { ...fresh(), answers: { 'ctx.mcp': 'yes', 'ctx.teams': 3, 'q.split': { answer: 'informal', acknowledge: ack } } };
    const { result } = await run(
      [
        { select: '__back', expect: /split enforced/ },
        { select: 'written', expect: /split written down/ },
        { select: 'no' },
        { select: 'unknown' },
        { checkbox: ['unknown'] },
        { select: 'no' },
        { select: 'no' },
        { input: '?' },
        { select: 'no' },
        finish,
      ],
      start,
    );
    expect(result.answers!['q.split']).toEqual({ answer: 'written', acknowledge: ack });
  });

  it('shows help, takes a note, asks a reason for N/A, and lets the review change an answer', async () => {
    const { result, p } = await run([
      { select: 'yes' },
      { input: 'h' },
      { input: 'n' },
      { input: 'Two squads share one pool', expect: /^Note for this answer/ },
      { input: '2', expect: /Note: Two squads share one pool/ },
      { select: '__help' },
      { select: 'written' },
      { select: 'yes' },
      { select: '__na' },
      { input: 'No MCP anywhere', expect: /^Why does this not apply/ },
      { checkbox: ['none'] },
      { select: 'no' },
      { select: 'yes' },
      { input: 'b' },
      { select: 'yes', expect: /Are shared instructions committed/ },
      { input: '40' },
      { select: 'yes' },
      { select: 'q.review', expect: /^Review your answers/ },
      { checkbox: ['human', 'codeowners'] },
      finish,
    ]);
    expect(p.printed.some((t) => t.includes('No further help for this question.'))).toBe(true);
    expect(p.printed.some((t) => t.includes('If this is a gap:') && t.includes('- Write down the split.'))).toBe(true);
    expect(result.answers).toMatchObject({
      'ctx.teams': { answer: 2, note: 'Two squads share one pool' },
      'q.mcp-inventory': { na: 'No MCP anywhere' },
      'q.review': ['human', 'codeowners'],
    });
  });

  it('offers N/A only where allowed, never lists actions among practices, and refuses an exclusive choice mixed with practices', async () => {
    const start: AnswersFile = { ...fresh(), answers: { 'ctx.mcp': 'yes', 'ctx.teams': 1, 'q.split': 'none', 'q.enforced': 'no' } };
    const saved: AnswersFile[] = [];
    const p = scriptedPrompter([{ select: 'no' }, { checkbox: ['?'] }]);
    await expect(runQuestionnaire(checklist, start, p, { width: 60, save: (f) => saved.push(f), file: 'a.yaml' })).rejects.toThrow(
      /unexpected select prompt: \[7\/10\]/,
    );
    expect(saved.at(-1)!.answers!['q.review']).toBe('unknown');
    expect(p.printed[0]!.replace(/\n/g, ' ')).toBe('Resuming: 4 of 10 questions answered, about 3 minutes to go; saved as you go to a.yaml. Ctrl-C is safe.');
    expect(p.asked[0]!.options.map((o) => o.value)).toContain('__na');
    expect(p.asked[1]!.options.map((o) => o.value)).toEqual(['human', 'not-requester', 'codeowners', 'none']);
    const exclusive = scriptedPrompter([{ select: 'no' }, { checkbox: ['human', 'none'] }]);
    await expect(runQuestionnaire(checklist, start, exclusive, { width: 60, save: () => {} })).rejects.toThrow(/"None of these" goes on its own/);
  });

  it('resumes at the first unanswered question', async () => {
    const start: AnswersFile = { ...fresh(), answers: { 'ctx.mcp': 'yes', 'ctx.teams': 2, 'q.split': 'written' } };
    const { p } = await run(
      [
        { select: 'yes', expect: /^\[4\/10\]/ },
        { select: 'yes' },
        { checkbox: ['human'] },
        { select: 'egress' },
        { select: 'yes' },
        { input: '1' },
        { select: 'yes' },
        finish,
      ],
      start,
    );
    expect(p.asked[0]!.message).toContain('split enforced');
  });

  it('asks one failure mode with --section, and the quick questions with --quick', async () => {
    const section = await run([{ select: 'yes' }, { input: '2' }, { checkbox: ['human'], expect: /^\[3\/3\] FM3/ }, finish], fresh({ failureModes: ['FM3'] }));
    expect(Object.keys(section.result.answers!)).toEqual(['ctx.mcp', 'ctx.teams', 'q.review']);
    const quick = await run([{ select: 'yes' }, { input: '2' }, { select: 'written' }, { checkbox: ['human'] }, finish], fresh({ quick: true }));
    expect(Object.keys(quick.result.answers!)).toEqual(['ctx.mcp', 'ctx.teams', 'q.split', 'q.review']);
  });

  it('produces a file that the non-interactive path reads back unchanged, for the built-in checklist', async () => {
    const builtin = validateChecklist('policies/ai-coding-rollout.yaml', readFileSync(builtinChecklist, 'utf8'));
    if (!builtin.ok) throw new Error('built-in checklist invalid');
    const list = builtin.checklist;
    // Answer every prompt with its first real option (or a number inside the first band).
    const p = scriptedPrompter([]);
    const answers: string[] = [];
    p.select = async (message, options) => {
      if (message.startsWith('Review')) return '__done';
      answers.push(options[0]!.value);
      return options[0]!.value;
    };
    p.checkbox = async (_m, options) => [options[0]!.value];
    p.input = async () => '5';
    const result = await runQuestionnaire(list, { checklist: { id: list.id, version: list.version }, answers: {} }, p, { width: 80, save: () => {} });
    const text = serializeAnswers(list, result, { placeholders: false });
    const back = validateAnswers(list, 'answers.yaml', text);
    expect(back.ok).toBe(true);
    expect(parse(text).answers).toEqual(result.answers);
    // Completion-only autonomy switches off the agent questions: they are not asked.
    expect(result.answers!['ctx.autonomy']).toBe('completion');
    expect(result.answers!['fm3.human-review']).toBeUndefined();
  });

  it('preselects what the repository suggests for questions not yet answered, and says why', async () => {
    const p = scriptedPrompter([{ select: 'no', expect: /Repository suggests: No \(\.github\/workflows\/automerge\.yml:7: merges/ }, { input: '2' }]);
    await expect(
      runQuestionnaire(checklist, fresh(), p, {
        width: 200,
        save: () => {},
        suggestions: { 'ctx.mcp': { value: ['no'], because: ['.github/workflows/automerge.yml:7: merges pull requests automatically'] } },
      }),
    ).rejects.toThrow(/unexpected/);
    expect(p.asked[0]!.initial).toBe('no');
    expect(p.asked[1]!.message).not.toContain('Repository suggests');
  });
});
