// `rollout-check scan [DIR]`: reads the repository's AI tool configuration, offline.
import type { Command } from 'commander';
import { maxNestingDepth, maxScannedFileBytes, maxYamlAliases } from '../../parse-boundary/limits.js';
import { collect, parseChoice } from '../options.js';
import { InputError } from '../../errors.js';

const formats = ['text', 'md', 'json', 'sarif'] as const;

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description("read a repository's AI agent configuration and report risks and protections per failure mode")
    .argument('[dir]', 'the folder to scan', '.')
    .option('-f, --format <format>', 'text, md, json or sarif', parseChoice(formats), 'text')
    .option('-o, --out <file>', 'write here (atomically) instead of standard output')
    .option(
      '--exclude <glob>',
      "a path that is not this repository's configuration (test fixtures, examples): its findings are counted apart and never weigh on an answer (repeatable; .rollout-check-ignore at the root lists more)",
      collect,
      [],
    )
    .option('--platform <bundle>', 'add the repository settings saved by `rollout-check collect github` to the findings')
    .addHelpText(
      'after',
      `\nNothing in the repository is run. Files over ${maxScannedFileBytes / (1024 * 1024)} MiB, binary files, files in other encodings than UTF-8,\nYAML with more than ${maxYamlAliases} aliases to expand and anything nested more than ${maxNestingDepth} levels deep are\nnot read: each is listed under "Skipped" with the reason, and the scan goes on.`,
    )
    .action(async (dir: string, flags: { format: (typeof formats)[number]; out?: string; exclude: string[]; platform?: string }) => {
      // A code-scanning annotation needs a file and a line; a platform setting has neither.
      if (flags.platform && flags.format === 'sarif')
        throw new InputError(
          '--platform with --format sarif: platform settings have no file to annotate; use text, md or json (or assess --platform --format sarif)',
        );
      await (await import('./scan-action.js')).runScan(dir, flags);
    });
}
