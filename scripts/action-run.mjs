// The GitHub Action's one step (action.yml): builds the CLI on first use, assesses the answers
// file into a saved JSON result and a report in the chosen format, and sets the outputs verdict,
// score, result and report. Exit code: the assessment's (1 when a gate failed). Annotations and
// the job summary come from the CLI itself, which sees GITHUB_ACTIONS and GITHUB_STEP_SUMMARY.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const actionPath = process.env.GITHUB_ACTION_PATH ?? fileURLToPath(new URL('../', import.meta.url));
const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
const temp = process.env.RUNNER_TEMP ?? workspace;
const input = (name) => (process.env[`INPUT_${name}`] ?? '').trim();
const fail = (message, code = 2) => {
  process.stdout.write(`::error title=rollout-check::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exit(code);
};

const bin = join(actionPath, 'bin', 'rollout-check.cjs');
if (!existsSync(join(actionPath, 'dist', 'cli', 'rollout-check.cjs'))) {
  // Used straight from the repository: install the build tools and build once per job.
  for (const args of [
    ['ci', '--no-audit', '--no-fund'],
    ['run', 'build'],
  ]) {
    const r = spawnSync('npm', args, { cwd: actionPath, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) fail(`could not build rollout-check (npm ${args.join(' ')} exited ${r.status})`, 3);
  }
}

const answers = input('ANSWERS');
if (!answers) fail('the answers input is required: the committed answers file to assess');
const format = input('FORMAT') || 'sarif';
const formats = { md: 'md', html: 'html', csv: 'csv', sarif: 'sarif', junit: 'xml' };
if (!(format in formats)) fail(`format "${format}" is not one of ${Object.keys(formats).join(', ')}`);
const result = join(temp, 'rollout-check-result.json');
const report = join(temp, `rollout-check-report.${formats[format]}`);

// Every input that is an assess flag is listed once, in action-inputs.json, with action.yml.
const { inputs } = JSON.parse(readFileSync(join(actionPath, 'scripts', 'action-inputs.json'), 'utf8'));
const gates = [];
const evidence = [];
for (const { input: name, flag, gate, repeatable } of inputs) {
  if (name === 'answers') continue;
  const raw = input(name.toUpperCase().replace(/-/g, '_'));
  if (!raw) continue;
  const values = repeatable
    ? raw
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean)
    : [raw];
  for (const v of values) (gate ? gates : evidence).push(flag, v);
}
const assess = (args, env = {}) =>
  spawnSync(process.execPath, [bin, 'assess', '--answers', answers, ...evidence, ...args], {
    cwd: workspace,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });

// The saved result carries the gates' verdict; the report run only renders (no second summary).
const first = assess(['--format', 'json', '--out', result, ...gates]);
if (first.status !== 0 && first.status !== 1) process.exit(first.status ?? 3);
const second = assess(['--format', format, '--out', report, '--annotations', 'off', '--quiet'], { GITHUB_STEP_SUMMARY: '' });
if (second.status !== 0 && second.status !== 1) process.exit(second.status ?? 3);

const saved = JSON.parse(readFileSync(result, 'utf8'));
const outputs = { verdict: saved.verdict.id, score: String(saved.overall.score ?? ''), result: resolve(result), report: resolve(report) };
if (process.env.GITHUB_OUTPUT)
  appendFileSync(
    process.env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
process.exit(first.status);
