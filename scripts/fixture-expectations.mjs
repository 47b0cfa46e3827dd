// Writes test/fixtures/repos/<id>.expected.json from the current scanner output, for review.
// Run after changing a detector, read the diff, and commit it only if every change is intended.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const repos = `${root}test/fixtures/repos`;
for (const id of readdirSync(repos, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()) {
  const r = spawnSync(process.execPath, [`${root}bin/rollout-check.cjs`, 'scan', `${repos}/${id}`, '--format', 'json'], { encoding: 'utf8' });
  const scan = JSON.parse(r.stdout);
  const findings = scan.findings.map((f) => [f.id, f.kind, f.severity, f.failureMode, f.line ? `${f.path}:${f.line}` : f.path]);
  writeFileSync(
    `${repos}/${id}.expected.json`,
    `${JSON.stringify({ tools: scan.tools.map((t) => t.id), findings }, null, 1)
      .replace(/\n\s+(?=[^\[\{\s])/g, ' ')
      .replace(/\n\s+\]/g, ' ]')}\n`,
  );
}
