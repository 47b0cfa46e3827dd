// `rollout-check compare OLD NEW`: progress between two results or two answers files.
import type { Command } from 'commander';
import type { CompareFlags } from './compare-action.js';
import { parseChoice } from '../options.js';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('show progress between two assessments (results or answers files) of the same client')
    .argument('<old>', 'the earlier result (.json) or answers file (.yaml)')
    .argument('<new>', 'the later result (.json) or answers file (.yaml)')
    .option('-f, --format <format>', 'text (terminal), md, or json (for pipelines)', parseChoice(['text', 'md', 'json'] as const), 'text')
    .option('-o, --out <file>', 'write the comparison here (atomically)')
    .option('-p, --policy <file>', 'checklist for answers files (default: the built-in one)')
    .action(async (oldFile: string, newFile: string, flags: CompareFlags) => (await import('./compare-action.js')).runCompare(oldFile, newFile, flags));
}
