// Lists the files to consider. Inside a git work tree git decides (tracked and untracked files,
// .gitignore respected); elsewhere a walk that skips node_modules and .git.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function listFiles(root: string): { paths: string[]; fromGit: boolean } {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
  if (inside.status === 0 && inside.stdout.trim() === 'true') {
    const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (r.status === 0) return { paths: r.stdout.split('\0').filter(Boolean).sort(), fromGit: true };
  }
  return { paths: walk(root, '').sort(), fromGit: false };
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
