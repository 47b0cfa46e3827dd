// The work behind `rollout-check scan`, loaded only when the command runs.
import { output } from '../std-streams.js';

export async function runScan(
  dir: string,
  flags: { format: 'text' | 'md' | 'json' | 'sarif'; out?: string; exclude: string[]; platform?: string },
): Promise<void> {
  const { scanJson, scanMarkdown, scanSarif, scanText } = await import('../../render/scan-text.js');
  const { scanDirectory } = await import('../../scan/scan-directory.js');
  const { writeFileAtomic } = await import('../../io/files.js');
  const { readPackageVersion } = await import('../../io/artefacts.js');
  const renderers = { text: scanText, md: scanMarkdown, json: scanJson, sarif: (r: Parameters<typeof scanJson>[0]) => scanSarif(r, readPackageVersion()) };
  const scanned = await scanDirectory(dir, flags.exclude);
  // Platform settings join the findings, at platform:<path>; what GitHub did not show is listed
  // with the files that could not be read, with its reason.
  const platform = flags.platform ? (await import('../../load/platform.js')).loadPlatformEvidence(flags.platform) : undefined;
  const result = platform
    ? {
        ...scanned,
        findings: [...scanned.findings, ...platform.findings],
        skipped: [...scanned.skipped, ...platform.unreadable.map((u) => ({ path: `platform:${u.path}`, reason: u.message }))],
        notObservable: scanned.notObservable.filter((n) => !platform.shows.includes(n.id)),
      }
    : scanned;
  // A glob that sets nothing aside is probably mistyped: said, not refused.
  for (const x of result.notActive.unmatched)
    output('stderr').write(`warning: "${x}" (--exclude or .rollout-check-ignore) matches no configuration file in ${dir}\n`);
  const text = await renderers[flags.format](result);
  if (flags.out) writeFileAtomic(flags.out, text);
  else output('stdout').write(text);
}
