// Lists the files to consider. Inside a git work tree git decides (tracked and untracked files,
// .gitignore respected); elsewhere a walk that skips node_modules and .git.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function listFiles(root: string): { paths: string[]; fromGit: boolean } {
  // Outside a work tree git ls-files fails, and the folder is walked instead.
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (r.status === 0) return { paths: sorted(r.stdout.split('\0').filter(Boolean)), fromGit: true };
  return { paths: sorted(walk(root, '')), fromGit: false };
}

const skipDirs = new Set(['node_modules', '.git']);

function walk(root: string, rel: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    // Symbolic links are listed, never followed: reading checks where they point.
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name)) out.push(...walk(root, path));
    } else if (e.isFile() || e.isSymbolicLink()) out.push(path);
  }
  return out;
}

/** git already lists in order; sorting only when needed saves a large repository real time. */
function sorted(paths: string[]): string[] {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1]! > paths[i]!) return paths.sort();
  return paths;
}
