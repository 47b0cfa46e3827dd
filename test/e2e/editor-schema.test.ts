// The schemas editors read: `init` points its file at the checklist's answers schema, which knows
// every question and choice id; checklists and overlays have theirs too.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot, runCli, tempDir } from '../helpers/cli.js';

describe('editor schemas', () => {
  it('init writes the yaml-language-server line, and the schema it names accepts the examples and catches a mistyped choice', () => {
    const dir = tempDir();
    const out = join(dir, 'rollout-answers.yaml');
    expect(runCli(['init', '--out', out]).code).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(m, first).not.toBeNull();
    const schemaPath = resolve(dirname(out), m![1]!);
    expect(schemaPath).toBe(join(repoRoot, 'dist', 'schemas', 'answers-ai-coding-rollout.schema.json'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    for (const name of ['not-ready', 'pilot-ready', 'scale-ready']) {
      const data = parse(readFileSync(join(repoRoot, 'examples', `${name}.yaml`), 'utf8'));
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    const good = parse(readFileSync(join(repoRoot, 'examples', 'pilot-ready.yaml'), 'utf8'));
    expect(validate({ ...good, answers: { ...good.answers, 'fm3.human-review': 'everywhere' } })).toBe(false);
    expect(validate({ ...good, answers: { ...good.answers, 'fm3.no-such-question': 'yes' } })).toBe(false);
    // The starter file itself (every answer "unknown") is valid too.
    expect(validate(parse(readFileSync(out, 'utf8')))).toBe(true);
  });

  it('checklists and overlays have schemas in the package that accept the fixtures', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const checklist = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'dist/schemas/checklist.schema.json'), 'utf8')));
    expect(checklist(parse(readFileSync(join(repoRoot, 'policies/ai-coding-rollout.yaml'), 'utf8'))), JSON.stringify(checklist.errors?.slice(0, 3))).toBe(true);
    const overlay = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'dist/schemas/overlay.schema.json'), 'utf8')));
    expect(overlay(parse(readFileSync(fixture('overlays', 'client.yaml'), 'utf8'))), JSON.stringify(overlay.errors?.slice(0, 3))).toBe(true);
  });
});
