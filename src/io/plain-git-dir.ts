// When a repository's own files can stand in for asking git. Starting a git process costs a short
// run several milliseconds, and for a plain repository some answers lie in a file or two under
// `.git` (the index for `scan`, HEAD and its branch for `history`). Plain means: `.git` is a folder
// at the root (not a linked work tree or a submodule's pointer), the root and that folder belong to
// whoever runs this (git refuses another owner's repository), no environment variable points git
// elsewhere, and the configuration, read as git's setup reads it (no includes), neither moves the
// work tree, nor makes the repository bare, nor asks for another hash or repository format.
// Anything else is left to git, which then answers (or refuses) as it always has.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const gitEnvironment = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT'];

/** The `.git` folder of a plain repository at `root`; undefined when git should be asked. */
export function plainGitDir(root: string): string | undefined {
  const gitDir = join(root, '.git');
  const uid = process.getuid?.();
  const dirStat = statSync(gitDir, { throwIfNoEntry: false });
  if (uid === undefined || !dirStat?.isDirectory() || dirStat.uid !== uid || statSync(root).uid !== uid) return undefined;
  if (gitEnvironment.some((name) => process.env[name] !== undefined)) return undefined;
  try {
    return unusualConfig(readFileSync(join(gitDir, 'config'), 'latin1')) ? undefined : gitDir;
  } catch {
    return undefined;
  }
}

/** Whether the configuration might move the work tree, make it bare, or change the format. */
function unusualConfig(text: string): boolean {
  for (const line of text.split('\n')) {
    if (/worktree|objectformat|refstorage/i.test(line)) return true;
    const setting = /^\s*(bare|repositoryformatversion)\b\s*(?:=\s*(.*?))?\s*$/i.exec(line);
    if (!setting) continue;
    const value = setting[2]?.toLowerCase() ?? 'true';
    if (setting[1]!.toLowerCase() === 'bare' ? value !== 'false' : value !== '0' && value !== '1') return true;
  }
  return false;
}
