// The interactive questionnaire in a real pseudo-terminal (tmux): answer by keystrokes, press
// Ctrl-C half way, resume, go back once, finish, and check that the answers file it leaves gives
// the same report through the non-interactive path.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/answers/validate.js';
import { bin, fixture, runCli, tempDir } from '../helpers/cli.js';
import { miniChecklist } from '../helpers/mini.js';
import { TmuxSession } from '../helpers/tmux.js';

const policy = fixture('checklists', 'mini.yaml');
const command = (args: string) => `exec node ${bin} assess --policy ${policy} ${args}`;
const sessions: TmuxSession[] = [];
const open = (name: string, args: string, cwd: string) => {
  const s = new TmuxSession(name, command(args).replace(/^exec /, ''), cwd);
  sessions.push(s);
  return s;
};
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

const answersIn = (dir: string) => {
  const text = readFileSync(join(dir, 'rollout-answers.yaml'), 'utf8');
  const r = validateAnswers(miniChecklist(), 'rollout-answers.yaml', text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.answers;
};

describe('interactive assess in a real terminal', () => {
  it('survives Ctrl-C, resumes, goes back, finishes, and matches assess --answers', async () => {
    const dir = tempDir();
    const first = open('first', '', dir);
    await first.waitFor(/Organisation:/);
    first.type('Acme');
    await first.waitFor(/Team or scope:/);
    first.type('Payments');
    await first.waitFor(/Assessor:/);
    first.type('Dana');
    await first.waitFor(/Assessment date/);
    first.send('C-u');
    first.type('2026-11-20');
    // Orientation before the first question: how many, how long, where, and that Ctrl-C is safe.
    await first.waitFor(/10 questions [\s\S]*saved as you go to\s+rollout-answers\.yaml\. Ctrl-C is\s+safe/);
    await first.waitFor(/\[1\/10\] Context/);
    first.send('Enter'); // yes
    await first.waitFor(/\[2\/10\] Context/);
    first.type('3');
    await first.waitFor(/\[3\/10\] FM1 · [^\n]* · must\n/); // the obligation on the prompt itself
    first.send('Down', 'Down', 'Enter'); // written
    await first.waitFor(/\[4\/10\] FM1, FM4/);
    first.send('C-c');
    const stopped = await first.waitFor(/EXIT=\d+/);
    expect(stopped).toContain('Stopped (Ctrl-C). 3 answers saved in rollout-answers.yaml. Continue with: rollout-check assess --resume rollout-answers.yaml');
    expect(stopped).toContain('EXIT=130');
    const saved = answersIn(dir);
    expect(saved.metadata).toEqual({ organization: 'Acme', team: 'Payments', assessor: 'Dana', date: '2026-11-20' });
    expect(Object.keys(saved.answers)).toEqual(['ctx.mcp', 'ctx.teams', 'q.split']);

    const second = open('second', '--resume rollout-answers.yaml', dir);
    await second.waitFor(/Resuming: 3 of 10 questions answered/);
    await second.waitFor(/\[4\/10\] FM1, FM4/);
    second.send('Enter'); // yes
    await second.waitFor(/\[5\/10\] FM2/);
    second.send('b'); // back: a single key, as on every prompt
    await second.waitFor(/\? \[4\/10\] FM1, FM4[^\n]*\n(?![\s\S]*\[5\/10\])/);
    second.send('Down', 'Enter'); // change to no
    await second.waitFor(/\? \[5\/10\] FM2/);
    second.send('Enter'); // yes
    await second.waitFor(/\[6\/10\] FM3/);
    second.send('a', 'Enter'); // "a" ticks nothing: letters are action keys, and actions are never choices
    await second.waitFor(/tick at least one line/);
    second.send('Space', 'Enter'); // human approval
    await second.waitFor(/\[7\/10\] FM4/);
    second.send('Down', 'Down', 'Enter'); // egress
    await second.waitFor(/\[8\/10\] FM5/);
    second.send('Enter'); // yes
    await second.waitFor(/\[9\/10\] FM6/);
    second.type('4');
    await second.waitFor(/\[10\/10\] FM7/);
    second.send('Enter'); // yes
    await second.waitFor(/Review your answers/);
    second.send('Enter'); // finish
    const done = await second.waitFor(/EXIT=\d+/);
    expect(done).toContain('Verdict: TIGHTEN');
    expect(done).toContain('Report written to rollout-answers.report.md');
    expect(done).toContain('EXIT=0');

    const final = answersIn(dir);
    expect(final.answers['q.enforced']!.value).toEqual({ kind: 'choices', ids: ['no'] });
    expect(Object.keys(final.answers)).toHaveLength(10);
    const replay = runCli(['assess', '--policy', policy, '--answers', 'rollout-answers.yaml'], { cwd: dir });
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(readFileSync(join(dir, 'rollout-answers.report.md'), 'utf8'));
  });

  it('keeps every answer on SIGTERM, and never overwrites an existing file without asking', async () => {
    const dir = tempDir();
    const s = open('term', '--answers-out mine.yaml --quick', dir);
    for (const prompt of [/Organisation:/, /Team or scope:/, /Assessor:/, /Assessment date/]) {
      await s.waitFor(new RegExp(`\\? ${prompt.source}`));
      s.send('Enter');
      await s.waitFor(new RegExp(`✔ ${prompt.source}`));
    }
    await s.waitFor(/\[1\/4\] Context/);
    s.send('Enter');
    await s.waitFor(/\[2\/4\] Context/);
    s.type('2');
    await s.waitFor(/\[3\/4\] FM1/);
    process.kill(s.programPid(), 'SIGTERM');
    const out = await s.waitFor(/EXIT=\d+/);
    expect(out).toContain('Stopped (SIGTERM). 2 answers saved in mine.yaml');
    const text = readFileSync(join(dir, 'mine.yaml'), 'utf8');
    expect(text).toContain('scope:\n  quick: true');
    expect(text).toContain('  ctx.teams: 2');

    const again = open('again', '--answers-out mine.yaml', dir);
    await again.waitFor(/mine\.yaml already exists/);
    again.send('Down', 'Down', 'Enter'); // cancel
    const cancelled = await again.waitFor(/EXIT=\d+/);
    expect(cancelled).toContain('mine.yaml: left as it was; pass --answers-out to write elsewhere');
    expect(cancelled).toContain('EXIT=2');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe(text);
  });

  it('asks who is answering when the checklist has roles, and keeps it in the answers file', async () => {
    const dir = tempDir();
    const withRoles = join(dir, 'mini-roles.yaml');
    writeFileSync(
      withRoles,
      `${readFileSync(policy, 'utf8').trimEnd()}\nroles:\n  - { id: lead, label: Engineering lead }\n  - { id: security, label: Security }\n`,
    );
    const s = new TmuxSession('roles', `node ${bin} assess --policy ${withRoles} --answers-out mine.yaml --quick`, dir);
    sessions.push(s);
    for (const prompt of [/Organisation:/, /Team or scope:/, /Assessor:/, /Assessment date/]) {
      await s.waitFor(new RegExp(`\\? ${prompt.source}`));
      s.send('Enter');
      await s.waitFor(new RegExp(`✔ ${prompt.source}`));
    }
    await s.waitFor(/Your name, if several people answer/);
    s.type('Lars Nyberg');
    await s.waitFor(/Your role:/);
    s.send('Down', 'Enter'); // Security
    await s.waitFor(/\[1\/4\] Context/);
    s.send('Enter');
    await s.waitFor(/\[2\/4\] Context/);
    s.type('2');
    await s.waitFor(/\[3\/4\] FM1/);
    process.kill(s.programPid(), 'SIGTERM');
    await s.waitFor(/EXIT=\d+/);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('respondent:\n  name: Lars Nyberg\n  role: security');
  });

  it('refuses to prompt without a terminal: one line, exit 2, no hang', () => {
    const r = runCli(['assess', '--policy', policy]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'error: no answers file: pass --answers FILE (there is no terminal to ask in; `rollout-check init` writes a starter file)',
    ]);
    writeFileSync(join(tempDir(), 'unused'), '');
  });

  it('honours --format, --out, --quiet and --fail-on after the questions, exactly as assess --answers does', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(fixture('answers', 'mini-scale.yaml'), 'utf8').replace('q.split: enforced', 'q.split: unknown'));
    const s = open('flags', '--resume a.yaml --format json --out r.json --quiet --fail-on must', dir);
    await s.waitFor(/Review your answers/);
    s.send('Enter');
    const done = await s.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/Verdict: TIGHTEN · overall [\d.]+ · 100% of the weight self-reported\s*\nReport written to r\.json/);
    expect(done).toContain('gate failed: --fail-on must: 1 must question not verified, answered unknown or left blank (q.split)');
    expect(done).toContain('EXIT=1');
    const replay = runCli(['assess', '--policy', policy, '--answers', 'a.yaml', '--format', 'json'], { cwd: dir });
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(replay.stdout);
  });
});
