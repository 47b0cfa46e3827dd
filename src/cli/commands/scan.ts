// `rollout-check scan [DIR]`: reads the repository's AI tool configuration, offline.
import type { Command } from 'commander';
import { maxNestingDepth, maxScannedFileBytes, maxYamlAliases } from '../../parse-boundary/limits.js';
import { parseChoice } from '../options.js';

const formats = ['text', 'md', 'json', 'sarif'] as const;

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description("read a repository's AI agent configuration and report risks and protections per failure mode")
    .argument('[dir]', 'the folder to scan', '.')
    .option('-f, --format <format>', 'text, md, json or sarif', parseChoice(formats), 'text')
    .option('-o, --out <file>', 'write here (atomically) instead of standard output')
    .addHelpText(
      'after',
      `\nNothing in the repository is run. Files over ${maxScannedFileBytes / (1024 * 1024)} MiB, binary files, files in other encodings than UTF-8,\nYAML with more than ${maxYamlAliases} aliases to expand and anything nested more than ${maxNestingDepth} levels deep are\nnot read: each is listed under "Skipped" with the reason, and the scan goes on.`,
    )
    .action(async (dir: string, flags: { format: (typeof formats)[number]; out?: string }) => (await import('./scan-action.js')).runScan(dir, flags));
}
