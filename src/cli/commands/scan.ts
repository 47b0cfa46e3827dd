// `rollout-check scan [DIR]`: reads the repository's AI tool configuration, offline.
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/files.js';
import { scanJson, scanMarkdown, scanText } from '../../scan/render.js';
import { scanDirectory } from '../../scan/scan-directory.js';
import { parseChoice } from '../options.js';

const renderers = { text: scanText, md: scanMarkdown, json: scanJson } as const;

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description("read a repository's AI agent configuration and report risks and protections per failure mode")
    .argument('[dir]', 'the folder to scan', '.')
    .option('-f, --format <format>', 'text, md or json', parseChoice(['text', 'md', 'json'] as const), 'text')
    .option('-o, --out <file>', 'write here (atomically) instead of standard output')
    .action((dir: string, flags: { format: keyof typeof renderers; out?: string }) => {
      const text = renderers[flags.format](scanDirectory(dir));
      if (flags.out) writeFileAtomic(flags.out, text);
      else process.stdout.write(text);
    });
}
