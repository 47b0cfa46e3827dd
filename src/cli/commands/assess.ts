// `rollout-check assess`: flags in, report and exit code out.
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { dirname, resolve } from 'node:path';
import { assess, collectEvidence, evaluateGates, loadAnswers, loadChecklist, readPackageVersion, type GateOptions } from '../../pipeline.js';
import { emitReport, outputFormats, type EmitFlags } from '../emit.js';
import { colourFor, formatSummary } from '../output.js';
import { collect, parseChoice, parseCount, parseNumberIn } from '../options.js';
import { failureModeIds, type FailureModeId } from '../../checklist/schema.js';

export interface AssessFlags extends GateOptions, EmitFlags {
  answers?: string;
  overlay: string[];
  answersOut: string;
  resume?: string;
  section?: FailureModeId;
  quick?: boolean;
  policy?: string;
  quiet?: boolean;
  scan?: string;
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('score an assessment and write the report (non-interactive with --answers)')
    .option('-a, --answers <file>', 'answers file to assess (never prompts when given)')
    .option('-p, --policy <file>', 'checklist file (default: the built-in ai-coding-rollout checklist)')
    .option('-o, --out <file>', 'write the report to this file (default: standard output)')
    .option('-f, --format <format>', `report format: ${outputFormats.join(', ')}`, parseChoice(outputFormats), 'md')
    .option('--overlay <file>', 'client overlay applied on top of the checklist (repeatable)', collect, [])
    .option('--client <name>', 'client name for the cover and headings')
    .option('--engagement <name>', 'engagement name for the cover')
    .option('--assessor <name>', 'assessor name (overrides the answers file)')
    .option('--logo <file>', 'logo image embedded in HTML and PDF reports')
    .option('--redact', "drop notes, evidence and people's names from the report")
    .option('--scan <dir>', "read the repository's agent configuration and hold it against the answers")
    .option('--fail-under <score>', 'gate: fail (exit 1) when the overall score is below this (0-100)', parseNumberIn(0, 100))
    .option('--fail-on <level>', 'gate: fail on unmet musts (must), also high risks (high), also medium risks (medium)', parseChoice(['must', 'high', 'medium'] as const))
    .option('--max-unknown <n>', 'gate: fail when more than n applicable questions are unknown', parseCount)
    .option('--templates <dir>', 'folder whose <format>/NAME.hbs files replace the built-in templates')
    .option('-q, --quiet', 'print only the verdict line')
    .option('--answers-out <file>', 'interactive: where to save answers as you go', 'rollout-answers.yaml')
    .option('--resume <file>', 'interactive: continue a saved answers file at its first unanswered question')
    .option('--section <id>', 'interactive: ask one failure mode only (FM1 to FM7)', parseChoice(failureModeIds))
    .option('--quick', 'interactive: a short quick check of the most telling questions (partial)')
    .action(async (flags: AssessFlags) => {
      process.exitCode = flags.answers ? runAssess(flags) : await runInteractive(flags);
    });
}

async function runInteractive(flags: AssessFlags): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY)
    throw new InputError('no answers file: pass --answers FILE (there is no terminal to ask in; `rollout-check init` writes a starter file)');
  // Loaded only here, so that non-interactive runs never pay for the prompt library.
  const { runInteractiveSession } = await import('../interactive-session.js');
  const checklist = loadChecklist(flags.policy, flags.overlay);
  // The date offered as a default is the only use of the clock; the report reads it from the file.
  return runInteractiveSession(checklist, { ...flags, today: new Date().toISOString().slice(0, 10) });
}

export function runAssess(flags: AssessFlags & { answers?: string }): number {
  if (!flags.answers) throw new InputError('no answers file: pass --answers FILE');
  const checklist = loadChecklist(flags.policy, flags.overlay);
  const answers = loadAnswers(checklist, flags.answers);
  const evidence = flags.scan ? collectEvidence(flags.scan, checklist, answers) : undefined;
  const { report: scored } = assess(checklist, answers, readPackageVersion(), evidence);
  // A logo named in the answers file is relative to that file.
  const logo = answers.metadata.logo ? resolve(dirname(flags.answers), answers.metadata.logo) : undefined;
  // The report goes to --out or stdout; the summary goes wherever the report does not.
  const summaryStream = flags.out ? process.stdout : process.stderr;
  const report = emitReport(scored, flags, logo);
  const failures = evaluateGates(report, flags);
  const c = colourFor(summaryStream);
  if (flags.quiet) summaryStream.write(`Verdict: ${report.verdict.id.toUpperCase()} · overall ${report.overall.score ?? 'n/a'}\n`);
  else summaryStream.write(formatSummary(report, c, summaryStream.columns ?? 80));
  if (flags.out) summaryStream.write(`Report written to ${flags.out}\n`);
  for (const f of failures) process.stderr.write(`${colourFor(process.stderr).red('gate failed:')} ${f}\n`);
  return failures.length ? 1 : 0;
}
