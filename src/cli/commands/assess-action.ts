// The work behind `rollout-check assess`, loaded only when the command runs.
import { appendFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { findRegressions, regressionFailures } from '../../compare/regression.js';
import { formatProblem, InputError, type Problem } from '../../errors.js';
import { assess, collectEvidence, evaluateGates, loadAnswers, loadChecklist, readPackageVersion, renderReport, weighHistoryEvidence } from '../../pipeline.js';
import type { Answers } from '../../answers/model.js';
import { mergeRespondents, type Merged } from '../../respondents/merge.js';
import { checkSameChecklist, expandAnswers } from '../answers-files.js';
import { refuseInputAsOutput } from '../../io/files.js';
import { emitReport } from '../emit.js';
import { colourFor, formatSummary } from '../output.js';
import { output } from '../std-streams.js';
import type { FailureModeId } from '../../checklist/ids.js';
import type { GateOptions } from '../../scoring/gates.js';
import type { EmitFlags } from '../emit.js';

/** The command's flags, as commander hands them over (declared in assess.ts). */
export interface AssessFlags extends GateOptions, EmitFlags {
  answers: string[];
  overlay: string[];
  answersOut: string;
  resume?: string;
  section?: FailureModeId;
  quick?: boolean;
  policy?: string;
  quiet?: boolean;
  scan?: string;
  platform?: string;
  exclude: string[];
  history?: string;
  since: string;
  all?: boolean;
  attribution: string[];
  prs?: string;
  baseline?: string;
  tolerance: number;
  annotations: 'on' | 'off';
}

export async function runInteractive(flags: AssessFlags): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY)
    throw new InputError('no answers file: pass --answers FILE (there is no terminal to ask in; `rollout-check init` writes a starter file)');
  // Loaded only here, so that non-interactive runs never pay for the prompt library.
  const { runInteractiveSession } = await import('../interactive-session.js');
  const checklist = await loadChecklist(flags.policy, flags.overlay);
  // The date offered as a default is the only use of the clock; the report reads it from the file.
  const end = await runInteractiveSession(checklist, { ...flags, today: new Date().toISOString().slice(0, 10) });
  if (end.kind === 'stopped') return end.code;
  // The saved file is assessed exactly as `assess --answers` would, every flag included; the
  // report goes beside the answers unless --out says where.
  const out = flags.out ?? join(dirname(end.file), `${basename(end.file).replace(/\.ya?ml$/i, '')}.report.${flags.format === 'junit' ? 'xml' : flags.format}`);
  output('stdout').write('\n');
  const code = await runAssess({ ...flags, answers: [end.file], out });
  output('stdout').write(`Answers: ${end.file}\nRe-run without questions: rollout-check assess --answers ${end.file}\n`);
  return code;
}

export async function runAssess(flags: AssessFlags): Promise<number> {
  if (!flags.answers.length) throw new InputError('no answers file: pass --answers FILE');
  const checklist = await loadChecklist(flags.policy, flags.overlay);
  const files = await expandAnswers(flags.answers);
  // stderr and its colour are set up only when there is something to say there.
  let stderrColour: ReturnType<typeof colourFor> | undefined;
  const errColour = () => (stderrColour ??= colourFor(output('stderr')));
  const loaded: Answers[] = [];
  for (const file of files) {
    const warnings: Problem[] = [];
    loaded.push(loadAnswers(checklist, file, (p) => warnings.push(p)));
    for (const p of warnings) output('stderr').write(`${(await errColour()).yellow('warning:')} ${formatProblem(p)}\n`);
  }
  // One file is assessed exactly as it always was; several are merged into one answer per question.
  let team: { merged: Merged; files: Answers[] } | undefined;
  if (loaded.length > 1) {
    checkSameChecklist(checklist, loaded);
    team = { merged: mergeRespondents(checklist, loaded), files: loaded };
  }
  const answers = team?.merged.answers ?? loaded[0]!;
  const answersFile = files[0]!;
  const weighed = flags.scan || flags.platform ? await collectEvidence(flags, checklist, answers) : undefined;
  // The window ends at the answers file's date when it has one: the report then says what the
  // history showed on the day of the assessment, whenever it is run again.
  const history = flags.history
    ? weighHistoryEvidence(checklist, answers, await (await import('./history-action.js')).collectHistory(flags.history, flags, answers.metadata.date))
    : undefined;
  const assessed = assess(checklist, answers, readPackageVersion(), weighed, history, team).report;
  // The baseline is read before anything is written: a bad one stops the run (exit 2).
  const regression = flags.baseline
    ? findRegressions((await import('../../load/result.js')).loadResult(flags.baseline), assessed, flags.tolerance, basename(flags.baseline))
    : null;
  const scored = { ...assessed, regression };
  // A logo named in the answers file is relative to that file.
  const logo = answers.metadata.logo ? resolve(dirname(answersFile), answers.metadata.logo) : undefined;
  // The report goes to --out or stdout; the summary goes wherever the report does not.
  // Under --quiet without --out there is no report on stdout, so the one line goes there.
  const summaryStream = output(flags.out || flags.quiet ? 'stdout' : 'stderr');
  const jobSummary = process.env.GITHUB_STEP_SUMMARY;
  // Both outputs are checked before either is written.
  if (jobSummary) refuseInputAsOutput(jobSummary);
  if (flags.out) refuseInputAsOutput(flags.out);
  const report = await emitReport(scored, flags, logo);
  const failures = [...evaluateGates(report, flags), ...(regression ? regressionFailures(regression) : [])];
  const c = await colourFor(summaryStream);
  const disputed = report.disputed.count ? ` · ${report.disputed.summary}` : '';
  if (flags.quiet)
    summaryStream.write(
      `Verdict: ${report.verdict.id.toUpperCase()} · overall ${report.overall.score ?? 'n/a'}${report.overall.basis ? ` · ${report.overall.basis}` : ''}${disputed}\n`,
    );
  else summaryStream.write(formatSummary(report, c, summaryStream.columns ?? 80));
  if (flags.out) summaryStream.write(`Report written to ${flags.out}\n`);
  // In GitHub Actions the Markdown report also becomes the job summary, whatever --format says.
  if (jobSummary) {
    appendFileSync(jobSummary, `${await renderReport(report, 'md', flags.templates)}\n`);
  }
  const platform = weighed?.evidence.platform;
  if (platform && flags.platform) {
    const { platformFitWarnings, githubRepositoryOf } = await import('../../platform/fit.js');
    // The scanned folder's origin says which repository it is; without one there is nothing to compare.
    const { gitOutput } = await import('../../history/git.js');
    let origin: string | undefined;
    try {
      origin = flags.scan ? gitOutput(flags.scan, ['config', '--get', 'remote.origin.url']) : undefined;
    } catch {
      origin = undefined; // no git here: the scan itself never needed it
    }
    const context = { answersDate: answers.metadata.date, scannedRepository: origin ? githubRepositoryOf(origin) : undefined };
    for (const w of platformFitWarnings(platform, flags.platform, context)) output('stderr').write(`${(await errColour()).yellow('warning:')} ${w}\n`);
  }
  for (const x of weighed?.evidence.notActive.unmatched ?? [])
    output('stderr').write(
      `${(await errColour()).yellow('warning:')} "${x}" (--exclude or .rollout-check-ignore) matches no configuration file in ${flags.scan}\n`,
    );
  for (const a of weighed?.evidence.staleAcknowledgements ?? [])
    output('stderr').write(
      `${(await errColour()).yellow('warning:')} ${answersFile}: ${a.question} acknowledges "${a.finding}", which is not a finding in ${flags.scan}: remove it or correct the name\n`,
    );
  for (const f of failures) output('stderr').write(`${(await errColour()).red('gate failed:')} ${f}\n`);
  if (process.env.GITHUB_ACTIONS === 'true' && flags.annotations !== 'off') {
    const [{ annotationLines }, { assessmentResults }] = await Promise.all([import('../../render/annotations.js'), import('../../render/formats/sarif.js')]);
    for (const line of annotationLines(assessmentResults(report), failures)) output('stderr').write(`${line}\n`);
  }
  return failures.length ? 1 : 0;
}
