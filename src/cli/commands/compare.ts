// `rollout-check compare OLD NEW`: progress between two results or two answers files.
import type { Command } from 'commander';
import { compareReports } from '../../compare/compare.js';
import { compareMarkdown, compareSummary } from '../../compare/render.js';
import { loadTemplates, writeFileAtomic } from '../../io/files.js';
import { assess, loadAnswers, loadChecklist, readPackageVersion } from '../../pipeline.js';
import type { Report } from '../../report/model.js';
import { colourFor } from '../output.js';
import { parseChoice } from '../options.js';
import { loadResult } from './report.js';

interface CompareFlags {
  format: 'text' | 'md';
  out?: string;
  policy?: string;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('show progress between two assessments (results or answers files) of the same client')
    .argument('<old>', 'the earlier result (.json) or answers file (.yaml)')
    .argument('<new>', 'the later result (.json) or answers file (.yaml)')
    .option('-f, --format <format>', 'text (terminal) or md', parseChoice(['text', 'md'] as const), 'text')
    .option('-o, --out <file>', 'write the comparison here (atomically)')
    .option('-p, --policy <file>', 'checklist for answers files (default: the built-in one)')
    .action((oldFile: string, newFile: string, flags: CompareFlags) => {
      const [before, after] = [oldFile, newFile].map((f) => load(f, flags.policy)) as [Report, Report];
      const comparison = compareReports(before, after);
      const m = after.metadata;
      const heading = [m.organization ?? m.client, m.team].filter(Boolean).join(' / ') || 'AI coding rollout';
      const text = flags.format === 'md' ? compareMarkdown(comparison, heading, loadTemplates('compare')) : compareSummary(comparison, colourFor(flags.out ? { isTTY: false } as NodeJS.WriteStream : process.stdout));
      if (flags.out) {
        writeFileAtomic(flags.out, text);
        process.stdout.write(`Comparison written to ${flags.out}\n`);
      } else process.stdout.write(text);
      if (comparison.warning) process.stderr.write(`warning: ${comparison.warning}\n`);
    });
}

function load(file: string, policy?: string): Report {
  if (file.toLowerCase().endsWith('.json')) return loadResult(file);
  const checklist = loadChecklist(policy);
  return assess(checklist, loadAnswers(checklist, file), readPackageVersion()).report;
}
