// The stable name of a finding: its rule and the file it is in, never its line, so that editing
// the file around it does not break an acknowledgement that names it.
export const findingKey = (f: { id: string; path: string }): string => `${f.id}@${f.path}`;

/** "rule@path": a detector rule ("tool.what"), an at sign, and a path inside the repository. */
export const findingKeyPattern = /^[a-z-]+\.[a-z0-9-]+@[^\s@][^@]*$/;

/** Who disputes: "the repository", "the platform settings", or both, from where the findings are. */
export function disputedBy(wheres: readonly string[]): string {
  const onPlatform = wheres.filter((w) => w.startsWith('platform:')).length;
  if (!onPlatform) return 'the repository';
  return onPlatform === wheres.length ? 'the platform settings' : 'the repository and its platform settings';
}
