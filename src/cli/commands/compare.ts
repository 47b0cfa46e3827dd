// `rollout-check compare OLD NEW`: progress between two results or two answers files.
import type { Command } from 'commander';
import type { Report } from '../../report/model.js';
import { parseChoice } from '../options.js';
import { output } from '../std-streams.js';

interface CompareFlags {
  format: 'text' | 'md' | 'json';
  out?: string;
  policy?: string;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('show progress between two assessments (results or answers files) of the same client')
    .argument('<old>', 'the earlier result (.json) or answers file (.yaml)')
    .argument('<new>', 'the later result (.json) or answers file (.yaml)')
    .option('-f, --format <format>', 'text (terminal), md, or json (for pipelines)', parseChoice(['text', 'md', 'json'] as const), 'text')
    .option('-o, --out <file>', 'write the comparison here (atomically)')
    .option('-p, --policy <file>', 'checklist for answers files (default: the built-in one)')
    .action(async (oldFile: string, newFile: string, flags: CompareFlags) => {
      const { compareReports } = await import('../../compare/compare.js');
      const { compareMarkdown, compareSummary } = await import('../../compare/render.js');
      const { loadTemplates, writeFileAtomic } = await import('../../io/files.js');
      const { readyTemplates } = await import('../../render/templates.js');
      const { colourFor } = await import('../colour.js');
      const before = await load(oldFile, flags.policy);
      const after = await load(newFile, flags.policy);
      const comparison = compareReports(before, after);
      const text =
        flags.format === 'json'
          ? `${JSON.stringify(comparison, null, 2)}\n`
          : flags.format === 'md'
            ? compareMarkdown(comparison, await readyTemplates(loadTemplates('compare')))
            : compareSummary(comparison, await colourFor(flags.out ? { isTTY: false } : output('stdout')));
      if (flags.out) {
        writeFileAtomic(flags.out, text);
        output('stdout').write(`Comparison written to ${flags.out}\n`);
      } else output('stdout').write(text);
      // The terminal summary already opens with them; elsewhere they go to stderr.
      if (flags.out || flags.format !== 'text') for (const w of comparison.warnings) output('stderr').write(`warning: ${w}\n`);
    });
}

async function load(file: string, policy?: string): Promise<Report> {
  if (file.toLowerCase().endsWith('.json')) return (await import('../../load/result.js')).loadResult(file);
  const { assess, loadAnswers, loadChecklist, readPackageVersion } = await import('../../pipeline.js');
  const checklist = await loadChecklist(policy);
  return assess(checklist, loadAnswers(checklist, file), readPackageVersion()).report;
}
