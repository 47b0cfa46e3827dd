// `npm run examples`: regenerates the committed example reports from the example answers files,
// with the built binary, so a change to the checklist or the templates shows up as a diff.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'rollout-check.cjs');
for (const file of readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const name = file.slice(0, -'.yaml'.length);
  for (const [format, ext] of [
    ['md', 'md'],
    ['json', 'json'],
  ]) {
    const r = spawnSync(
      process.execPath,
      [bin, 'assess', '--answers', `examples/${file}`, '--format', format, '--out', `examples/${name}.report.${ext}`, '--quiet'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(r.status ?? 3);
    }
  }
  console.log(`examples/${name}.report.md`);
}

// The portfolio: ten teams (the personas' answers, one with an earlier assessment too), each
// assessed to a saved result, then rolled up by `aggregate` into Markdown and HTML.
const portfolio = join(root, 'examples', 'portfolio');
const answersDir = join(portfolio, 'answers');
const answerFiles = readdirSync(answersDir, { recursive: true })
  .filter((f) => f.endsWith('.yaml'))
  .sort();
for (const file of answerFiles) {
  const name = file
    .replace(/\.yaml$/, '')
    .split('/')
    .join('-');
  run([
    'assess',
    '--answers',
    join('examples', 'portfolio', 'answers', file),
    '--format',
    'json',
    '--out',
    join('examples', 'portfolio', 'results', `${name}.json`),
    '--quiet',
  ]);
}
for (const format of ['md', 'html']) run(['aggregate', 'examples/portfolio/results', '--format', format, '--out', `examples/portfolio/portfolio.${format}`]);
console.log('examples/portfolio/portfolio.md');

function run(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 3);
  }
}
