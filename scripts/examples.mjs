// `npm run examples`: regenerates the committed example reports from the example answers files,
// with the built binary, so a change to the checklist or the templates shows up as a diff.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');
for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort()) {
  const name = file.slice(0, -'.yaml'.length);
  for (const [format, ext] of [['md', 'md'], ['json', 'json']]) {
    const r = spawnSync(process.execPath, [bin, 'assess', '--answers', `examples/${file}`, '--format', format, '--out', `examples/${name}.report.${ext}`, '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(r.status ?? 3);
    }
  }
  console.log(`examples/${name}.report.md`);
}
