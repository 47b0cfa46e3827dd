// vitest's global setup: the end-to-end tests run the built binary, so a `dist/` older than the
// sources it was built from would test yesterday's code. `npm test` builds first; a bare
// `npx vitest run` after an edit builds here, once, before any test starts.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const inputs = ['src', 'templates', 'policies', 'scripts/build.mjs', 'package.json'];

function newest(path: string): number {
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(join(root, path)).map((name) => newest(join(path, name))));
}

export default function setup(): void {
  const built = statSync(join(root, 'dist', 'cli', 'rollout-check.cjs'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= Math.max(...inputs.map(newest))) return;
  process.stdout.write('dist/ is older than the sources: building it first (npm run build)\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
