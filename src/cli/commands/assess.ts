// `rollout-check assess`: flags in, report and exit code out.
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../io/files.js';
import { assess, evaluateGates, loadAnswers, loadChecklist, readPackageVersion, renderReport, type GateOptions } from '../../pipeline.js';
import { colourFor, formatSummary } from '../output.js';
import { parseChoice, parseCount, parseNumberIn } from '../options.js';

export interface AssessFlags extends GateOptions {
  answers?: string;
  policy?: string;
  out?: string;
  format: string;
  templates?: string;
  quiet?: boolean;
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('score an assessment and write the report (non-interactive with --answers)')
    .option('-a, --answers <file>', 'answers file to assess (never prompts when given)')
    .option('-p, --policy <file>', 'checklist file (default: the built-in ai-coding-rollout checklist)')
    .option('-o, --out <file>', 'write the report to this file (default: standard output)')
    .option('-f, --format <format>', 'report format: md or json', parseChoice(['md', 'json']), 'md')
    .option('--fail-under <score>', 'gate: fail (exit 1) when the overall score is below this (0-100)', parseNumberIn(0, 100))
    .option('--fail-on <level>', 'gate: fail on unmet musts (must), also high risks (high), also medium risks (medium)', parseChoice(['must', 'high', 'medium'] as const))
    .option('--max-unknown <n>', 'gate: fail when more than n applicable questions are unknown', parseCount)
    .option('--templates <dir>', 'folder whose <format>/NAME.hbs files replace the built-in templates')
    .option('-q, --quiet', 'print only the verdict line')
    .action((flags: AssessFlags) => {
      process.exitCode = runAssess(flags);
    });
}

export function runAssess(flags: AssessFlags): number {
  if (!flags.answers) {
    const hint = process.stdin.isTTY ? 'the interactive questionnaire is not available in this build' : 'standard input is not a terminal, so there is nobody to ask';
    throw new InputError(`no answers file: pass --answers FILE (${hint}; \`rollout-check init\` writes a starter file)`);
  }
  const checklist = loadChecklist(flags.policy);
  const answers = loadAnswers(checklist, flags.answers);
  const { report } = assess(checklist, answers, readPackageVersion());
  const rendered = renderReport(report, flags.format, flags.templates);
  const failures = evaluateGates(report, flags);

  // The report goes to --out or stdout; the summary goes wherever the report does not.
  const summaryStream = flags.out ? process.stdout : process.stderr;
  if (flags.out) writeFileAtomic(flags.out, rendered);
  else process.stdout.write(rendered);
  const c = colourFor(summaryStream);
  if (flags.quiet) summaryStream.write(`Verdict: ${report.verdict.id.toUpperCase()} · overall ${report.overall.score ?? 'n/a'}\n`);
  else summaryStream.write(formatSummary(report, c, summaryStream.columns ?? 80));
  if (flags.out) summaryStream.write(`Report written to ${flags.out}\n`);
  for (const f of failures) process.stderr.write(`${colourFor(process.stderr).red('gate failed:')} ${f}\n`);
  return failures.length ? 1 : 0;
}
