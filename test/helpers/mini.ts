// Loads the mini fixture checklist and builds answers in memory, for pure-function tests.
import { readFileSync } from 'node:fs';
import type { LoadedChecklist } from '../../src/checklist/model.js';
import { validateChecklist } from '../../src/checklist/validate.js';
import type { Answers } from '../../src/answers/model.js';
import { validateAnswers } from '../../src/answers/validate.js';
import { stringify } from 'yaml';
import { fixture } from './cli.js';

export function miniChecklist(): LoadedChecklist {
  const r = validateChecklist('mini.yaml', readFileSync(fixture('checklists', 'mini.yaml'), 'utf8'));
  if (!r.ok) throw new Error('mini fixture is invalid');
  return r.checklist;
}

/** The all-good answers of mini-scale.yaml. */
export const goodAnswers: Record<string, unknown> = {
  'ctx.mcp': 'yes',
  'ctx.teams': 3,
  'q.split': 'enforced',
  'q.enforced': 'yes',
  'q.mcp-inventory': 'yes',
  'q.review': ['human', 'not-requester', 'codeowners'],
  'q.sandbox': 'egress',
  'q.instructions': 'yes',
  'q.rework': 4,
  'q.owner': 'yes',
};

export function miniAnswers(overrides: Record<string, unknown> = {}, scope?: Record<string, unknown>): Answers {
  const answers = Object.fromEntries(Object.entries({ ...goodAnswers, ...overrides }).filter(([, v]) => v !== undefined));
  const text = stringify({
    checklist: { id: 'mini', version: '2.1.0' },
    metadata: { organization: 'Acme', date: '2026-10-01' },
    ...(scope ? { scope } : {}),
    answers,
  });
  const r = validateAnswers(miniChecklist(), 'answers.yaml', text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.answers;
}
