// The work behind `rollout-check scan`, loaded only when the command runs.
import { output } from '../std-streams.js';

export async function runScan(dir: string, flags: { format: 'text' | 'md' | 'json' | 'sarif'; out?: string; exclude: string[] }): Promise<void> {
  const { scanJson, scanMarkdown, scanSarif, scanText } = await import('../../render/scan-text.js');
  const { scanDirectory } = await import('../../scan/scan-directory.js');
  const { writeFileAtomic } = await import('../../io/files.js');
  const { readPackageVersion } = await import('../../io/artefacts.js');
  const renderers = { text: scanText, md: scanMarkdown, json: scanJson, sarif: (r: Parameters<typeof scanJson>[0]) => scanSarif(r, readPackageVersion()) };
  const result = await scanDirectory(dir, flags.exclude);
  // A glob that sets nothing aside is probably mistyped: said, not refused.
  for (const x of result.notActive.unmatched)
    output('stderr').write(`warning: "${x}" (--exclude or .rollout-check-ignore) matches no configuration file in ${dir}\n`);
  const text = await renderers[flags.format](result);
  if (flags.out) writeFileAtomic(flags.out, text);
  else output('stdout').write(text);
}
