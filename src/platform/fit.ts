// Pure: does a platform bundle fit the assessment it is read with? A bundle for another repository
// than the one scanned, or collected long before the answers were given, still counts (the team
// chose to pass it) but is said, so nobody mistakes last quarter's settings for today's.

/** How much older than the answers a bundle may be before the run says so. */
export const staleAfterDays = 30;

/** "owner/name" from a git remote URL on github.com (https, ssh or scp-like), lower-cased. */
export function githubRepositoryOf(remoteUrl: string): string | undefined {
  const m = /github\.com[:/]+([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(remoteUrl.trim());
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}

export function platformFitWarnings(
  bundle: { repository: string; collectedAt: string | null },
  file: string,
  context: { answersDate?: string; scannedRepository?: string },
): string[] {
  const warnings: string[] = [];
  if (context.scannedRepository && context.scannedRepository !== bundle.repository.toLowerCase())
    warnings.push(`${file} holds the settings of ${bundle.repository}, but the scanned repository is ${context.scannedRepository}`);
  if (context.answersDate && bundle.collectedAt) {
    const days = Math.floor((Date.parse(context.answersDate) - Date.parse(bundle.collectedAt.slice(0, 10))) / 86_400_000);
    if (days > staleAfterDays)
      warnings.push(
        `${file} was collected on ${bundle.collectedAt.slice(0, 10)}, ${days} days before the answers (${context.answersDate}): settings may have changed since; collect again`,
      );
  }
  if (!bundle.collectedAt) warnings.push(`${file} does not say when it was collected: its settings may be of any date`);
  return warnings;
}
