// The GitHub Action offers every assess gate and input, described in the words of `--help`: its
// action.yml is generated from the assess command's own options and scripts/action-inputs.json.
// UPDATE_ACTION_YML=1 npx vitest run test/unit/action-yml.test.ts rewrites it after a change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerAssess } from '../../src/cli/commands/assess.js';
import { failOnLevels } from '../../src/scoring/gates.js';
import { repoRoot } from '../helpers/cli.js';

interface ActionInput {
  input: string;
  flag: string;
  required?: boolean;
  gate?: boolean;
  repeatable?: boolean;
}

const { inputs } = JSON.parse(readFileSync(join(repoRoot, 'scripts/action-inputs.json'), 'utf8')) as { inputs: ActionInput[] };

function helpOf(flag: string): string {
  const program = new Command();
  registerAssess(program);
  const option = program.commands[0]!.options.find((o) => o.long === flag);
  if (!option) throw new Error(`assess has no ${flag}`);
  return option.description;
}

const quoted = (s: string): string => JSON.stringify(s);

export function actionYml(): string {
  const lines = [
    'name: rollout-check',
    'description: Is this organisation ready to roll out AI coding agents? Assess a committed answers file, gate the build, and report where reviewers look.',
    'author: rollout-check',
    'branding:',
    '  icon: check-square',
    '  color: blue',
    "# Generated: the descriptions are the assess flags' --help (test/unit/action-yml.test.ts).",
    'inputs:',
  ];
  for (const i of inputs) {
    const description = `${helpOf(i.flag)} (${i.flag}${i.repeatable ? '; several: one per line' : ''})`;
    lines.push(`  ${i.input}:`, `    description: ${quoted(description)}`, `    required: ${i.required ? 'true' : 'false'}`);
    if (!i.required) lines.push(`    default: ''`);
  }
  lines.push(
    '  format:',
    `    description: ${quoted('Report format written next to the result: md, html, csv, sarif or junit.')}`,
    '    required: false',
    '    default: sarif',
    'outputs:',
    '  verdict:',
    '    description: tighten, pilot or scale.',
    '    value: ${{ steps.assess.outputs.verdict }}',
    '  score:',
    '    description: The overall score (0-100), unknowns earning nothing.',
    '    value: ${{ steps.assess.outputs.score }}',
    '  result:',
    '    description: Path of the saved JSON result (for aggregate, or as a later baseline).',
    '    value: ${{ steps.assess.outputs.result }}',
    '  report:',
    '    description: Path of the report written in the chosen format.',
    '    value: ${{ steps.assess.outputs.report }}',
    'runs:',
    '  using: composite',
    '  steps:',
    '    - id: assess',
    '      shell: bash',
    '      # Inputs reach the script as environment variables, never spliced into the command line:',
    '      # an answers path cannot inject shell code.',
    '      env:',
    ...[...inputs.map((i) => i.input), 'format'].map((name) => `        INPUT_${name.toUpperCase().replace(/-/g, '_')}: \${{ inputs.${name} }}`),
    '      run: node "$GITHUB_ACTION_PATH/scripts/action-run.mjs"',
  );
  return `${lines.join('\n')}\n`;
}

describe('action.yml', () => {
  it('is generated from the assess flags: every gate and input, described as --help describes it', () => {
    const expected = actionYml();
    if (process.env.UPDATE_ACTION_YML === '1') writeFileSync(join(repoRoot, 'action.yml'), expected);
    expect(readFileSync(join(repoRoot, 'action.yml'), 'utf8')).toBe(expected);
  });

  it('offers every gate flag of assess', () => {
    const program = new Command();
    registerAssess(program);
    const gateFlags = program.commands[0]!.options.filter((o) => o.description.startsWith('gate:') || o.long === '--tolerance').map((o) => o.long);
    expect(gateFlags.filter((f) => !inputs.some((i) => i.flag === f))).toEqual([]);
    // The fail-on description names every level the gate takes.
    for (const level of failOnLevels) expect(helpOf('--fail-on')).toContain(`(${level})`);
  });
});
