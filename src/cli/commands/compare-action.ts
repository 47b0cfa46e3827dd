// The work behind `rollout-check compare`, loaded only when the command runs.
import type { Report } from '../../report/model.js';
import { output } from '../std-streams.js';

/** `compare`'s flags, declared in compare.ts. */
export interface CompareFlags {
  format: 'text' | 'md' | 'json';
  out?: string;
  policy?: string;
}

export async function runCompare(oldFile: string, newFile: string, flags: CompareFlags): Promise<void> {
  const { compareReports } = await import('../../compare/compare.js');
  const { compareMarkdown, compareSummary } = await import('../../compare/render.js');
  const { writeFileAtomic } = await import('../../io/files.js');
  const { loadTemplates } = await import('../../io/artefacts.js');
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
}

async function load(file: string, policy?: string): Promise<Report> {
  if (file.toLowerCase().endsWith('.json')) return (await import('../../load/result.js')).loadResult(file);
  const { assess, loadAnswers, loadChecklist, readPackageVersion } = await import('../../pipeline.js');
  const checklist = await loadChecklist(policy);
  return assess(checklist, loadAnswers(checklist, file), readPackageVersion()).report;
}
