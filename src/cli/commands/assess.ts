// `rollout-check assess`: flags in, report and exit code out.
import type { Command } from 'commander';
import type { AssessFlags } from './assess-action.js';
import { failureModeIds } from '../../checklist/ids.js';
import { failOnLevels } from '../../scoring/gates.js';
import { outputFormats } from '../formats-list.js';
import { InputError } from '../../errors.js';
import { collect, collectChoices, parseChoice, parseCount, parseNumberIn, refuseInapplicable } from '../options.js';

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('score an assessment and write the report (non-interactive with --answers)')
    .option(
      '-a, --answers <file>',
      'answers file to assess (never prompts when given); repeat it, or give a folder or a quoted glob, to merge several respondents',
      collect,
      [],
    )
    .option('-p, --policy <file>', 'checklist file (default: the built-in ai-coding-rollout checklist)')
    .option('-o, --out <file>', 'write the report to this file (default: standard output)')
    .option('-f, --format <format>', `report format: ${outputFormats.join(', ')}`, parseChoice(outputFormats), 'md')
    .option('--overlay <file>', 'client overlay applied on top of the checklist (repeatable)', collect, [])
    .option('--client <name>', 'client name for the cover and headings')
    .option('--engagement <name>', 'engagement name for the cover')
    .option('--assessor <name>', 'assessor name (overrides the answers file)')
    .option('--logo <file>', 'logo image embedded in HTML and PDF reports')
    .option('--redact', "drop notes, evidence and people's names from the report")
    .option('--scan <dir>', "read the repository's agent configuration: held against the answers (interactive: suggests answers)")
    .option(
      '--exclude <glob>',
      "with --scan: a path that is not this repository's configuration (test fixtures, examples), never weighed against an answer (repeatable; .rollout-check-ignore lists more)",
      collect,
      [],
    )
    .option(
      '--platform <bundle>',
      'read repository settings saved by `rollout-check collect github` (required reviews, who may approve or bypass, environments, push protection): held against the answers like --scan',
    )
    .option(
      '--history <dir>',
      'read the git history of this work tree: agent work, reverts, rework, direct pushes, held against the answers (never changes one)',
    )
    .option('--since <when>', "history window: a duration back from the answers file's date or the newest commit (90d, 6m) or a date", '90d')
    .option('--all', 'history: read the whole history')
    .option('--attribution <file>', 'history: extra attribution rules for in-house agents (repeatable)', collect, [])
    .option('--prs <file>', 'history: review data exported by `gh pr list` (see the README)')
    .option('--fail-under <score>', 'gate: fail (exit 1) when the overall score is below this (0-100)', parseNumberIn(0, 100))
    .option(
      '--fail-on <levels>',
      'gate: fail on musts not met, not verified (unknown or blank) or disputed; a must answered N/A where the checklist allows it passes (must); also high risks (high); also medium risks (medium); on any unacknowledged dispute (disputed); on answers respondents disagree on (divergent). Comma-separated or repeated',
      collectChoices(failOnLevels),
    )
    .option(
      '--baseline <result>',
      'gate: fail when the verdict drops, a failure mode falls by more than --tolerance, or a new high risk appears, against this saved result',
    )
    .option('--tolerance <points>', 'with --baseline: how many points a failure mode may fall', parseNumberIn(0, 100), 0)
    .option('--min-respondents <n>', 'gate: fail when fewer people answered', parseCount)
    .option(
      '--min-corroborated <percent>',
      'gate: fail when less than this share of the weight in scope is corroborated by evidence (--scan or --platform), 0-100',
      parseNumberIn(0, 100),
    )
    .option('--max-unknown <n>', 'gate: fail when more than n applicable questions are unknown', parseCount)
    .option(
      '--annotations <on|off>',
      'in GitHub Actions (GITHUB_ACTIONS=true): print ::error/::warning annotations at the answer or file line',
      parseChoice(['on', 'off'] as const),
      'on',
    )
    .option('--templates <dir>', 'folder whose <format>/NAME.hbs files replace the built-in templates')
    .option(
      '--csv-layout <layout>',
      'with --format csv: questions (one row per question, the default) or responses (one row per respondent and question, which import reads back)',
      parseChoice(['questions', 'responses'] as const),
    )
    .option('-q, --quiet', 'print only the verdict line (and gate failures on stderr); the report is written only with --out')
    .option('--answers-out <file>', 'interactive: where to save answers as you go', 'rollout-answers.yaml')
    .option('--resume <file>', 'interactive: continue a saved answers file at its first unanswered question')
    .option('--section <id>', 'interactive: ask one failure mode only (FM1 to FM7)', parseChoice(failureModeIds))
    .option('--quick', 'interactive: a short quick check of the most telling questions (partial)')
    .action(async (flags: AssessFlags, command: Command) => {
      // A flag that cannot apply in this mode is refused, never silently ignored.
      if (flags.answers.length) {
        const interactiveOnly = ['answersOut', 'resume', 'section', 'quick'].filter((k) => command.getOptionValueSource(k) === 'cli');
        if (interactiveOnly.length) {
          const names = interactiveOnly.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
          throw new InputError(`${names.join(', ')} ${names.length > 1 ? 'apply' : 'applies'} only to the interactive questionnaire, not with --answers`);
        }
      }
      // The history proposes and disagrees but never corroborates: only files and settings can.
      if (flags.minCorroborated !== undefined && !flags.scan && !flags.platform)
        throw new InputError('--min-corroborated needs evidence that can corroborate answers: add --scan or --platform');
      refuseInapplicable(command, {
        needs: { tolerance: 'baseline', since: 'history', all: 'history', attribution: 'history', prs: 'history', exclude: 'scan' },
        excludes: [['all', 'since']],
      });
      // Loaded on use, so that --help and other commands start fast.
      const { runAssess, runInteractive } = await import('./assess-action.js');
      process.exitCode = flags.answers.length ? await runAssess(flags) : await runInteractive(flags);
    });
}
