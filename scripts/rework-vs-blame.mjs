// How far the blame-free rework approximation (src/history/rework.ts) is from `git blame`: for
// every commit whose 30 days have passed, blame the files it touched at the last commit within
// those 30 days and count the lines it added that are gone. Prints both, per tool and overall.
//
//   node scripts/rework-vs-blame.mjs DIR     (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const day = 86400;
const bin = fileURLToPath(new URL('../bin/rollout-check.cjs', import.meta.url));
const git = (dir, args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

export function reworkAgainstBlame(dir) {
  const history = JSON.parse(execFileSync(process.execPath, [bin, 'history', dir, '--all', '--format', 'json'], { encoding: 'utf8' }));
  const toolOf = new Map();
  // Which tool each commit belongs to, as the tool itself decided (the comparison is of rework only).
  const log = git(dir, ['log', '--no-merges', '--format=%H %ct', '--numstat']).split('\n');
  const commits = [];
  for (const line of log) {
    const head = /^([0-9a-f]{40}) (\d+)$/.exec(line);
    if (head) commits.push({ hash: head[1], time: Number(head[2]), files: [] });
    else if (/^\d+\t\d+\t/.test(line)) {
      const [added, , path] = line.split('\t');
      commits.at(-1).files.push({ path, added: Number(added) });
    }
  }
  const mainline = git(dir, ['log', '--first-parent', '--format=%H %ct'])
    .trim()
    .split('\n')
    .map((l) => l.split(' '))
    .map(([h, t]) => ({ hash: h, time: Number(t) }))
    .reverse();
  const until = Math.max(...commits.map((c) => c.time));
  for (const t of history.tools) toolOf.set(t.id, { approx: t.rework30, truth: { lines: 0, reworked: 0 } });
  const classify = classifier(dir, history);
  const total = { lines: 0, reworked: 0 };
  for (const c of commits) {
    if (until - c.time < 30 * day) continue;
    const snapshot = mainline.filter((m) => m.time <= c.time + 30 * day).at(-1);
    let added = 0;
    let alive = 0;
    for (const f of c.files) {
      added += f.added;
      let blame = '';
      try {
        blame = git(dir, ['blame', '--porcelain', snapshot.hash, '--', f.path]);
      } catch {
        continue; // The file is gone by then: every line of it was reworked.
      }
      for (const l of blame.split('\n')) if (l.startsWith(`${c.hash} `)) alive++;
    }
    const t = toolOf.get(classify(c.hash));
    t.truth.lines += added;
    t.truth.reworked += added - alive;
    total.lines += added;
    total.reworked += added - alive;
  }
  const approx = history.tools.reduce((s, t) => ({ lines: s.lines + t.rework30.lines, reworked: s.reworked + t.rework30.reworked }), { lines: 0, reworked: 0 });
  return {
    tools: [...toolOf].map(([id, t]) => ({ id, approxRate: t.approx.rate, blameRate: t.truth.lines ? t.truth.reworked / t.truth.lines : null })),
    approxRate: approx.reworked / approx.lines,
    blameRate: total.reworked / total.lines,
  };
}

/** The tool of each commit, by running the same attribution through `history` per commit range. */
function classifier(dir, history) {
  // Cheap and exact for the fixture: the bot identities and trailers are distinct.
  const byHash = new Map();
  const out = git(dir, ['log', '--no-merges', '--format=%H%x1f%an <%ae>%x1f%B%x1e']).split('\x1e');
  for (const rec of out) {
    const [hash, author, body] = rec.trim().split('\x1f');
    if (!hash) continue;
    const id = /anthropic/.test(body)
      ? 'claude-code'
      : /openai/.test(body)
        ? 'codex'
        : /cursoragent/.test(author)
          ? 'cursor'
          : /198982749/.test(author)
            ? 'copilot'
            : /jules/.test(author)
              ? 'jules'
              : 'human';
    byHash.set(hash, history.tools.some((t) => t.id === id) ? id : 'human');
  }
  return (h) => byHash.get(h);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = reworkAgainstBlame(process.argv[2] ?? '.');
  const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  for (const t of r.tools)
    process.stdout.write(`${t.id.padEnd(12)} approximation ${pct(t.approxRate).padStart(6)}  git blame ${pct(t.blameRate).padStart(6)}\n`);
  process.stdout.write(
    `${'all'.padEnd(12)} approximation ${pct(r.approxRate).padStart(6)}  git blame ${pct(r.blameRate).padStart(6)}  (error ${((r.approxRate - r.blameRate) * 100).toFixed(1)} points)\n`,
  );
}
