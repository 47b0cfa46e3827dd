// Builds a git repository with a known history, in seconds, through `git fast-import`: people and
// agents (Claude Code by trailer, Cursor and Jules by author, Copilot by its branch and bot
// author, Codex by trailer), pull requests merged or squashed, direct pushes, reverts (by hash and
// by subject), fix follow-ups. Every line of content is unique, so `git blame` can say exactly who
// wrote it. Returns the ground truth it built, counted the way `rollout-check history` counts.
//
//   node scripts/history-fixture.mjs DIR [COMMITS] [SEED]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const day = 86400;
const people = ['Ada Lovelace <ada@example.com>', 'Grace Hopper <grace@example.com>', 'Alan Turing <alan@example.com>'];
const tools = {
  human: { share: 0.52 },
  'claude-code': {
    share: 0.16,
    trailer: 'Co-Authored-By: Claude <noreply@anthropic.com>',
    footer: '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
  },
  cursor: { share: 0.1, author: 'Cursor Agent <cursoragent@cursor.com>' },
  copilot: { share: 0.12, author: 'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>', branch: 'copilot' },
  codex: { share: 0.06, trailer: 'Co-authored-by: Codex <noreply@openai.com>' },
  jules: { share: 0.04, author: 'google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>' },
};

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {string} dir an empty folder
 * @param {{ commits?: number, seed?: number, start?: number, files?: number, hoursApart?: number, maxLines?: number }} options
 */
export async function makeHistoryRepo(dir, options = {}) {
  const {
    commits = 200,
    seed = 7,
    start = Date.UTC(2026, 5, 1) / 1000,
    files: fileCount = Math.max(8, Math.round(commits / 40)),
    hoursApart = 14,
    maxLines = 80,
  } = options;
  // Absolute, so that no folder name is read by git as an option ("--help" once imported into the
  // repository the command was run from).
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const init = spawn('git', ['init', '-q', '-b', 'main', dir]);
  await new Promise((r) => init.on('close', r));
  // fd 3 answers get-mark: a revert message names the hash of the commit it reverts.
  const git = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done', '--cat-blob-fd=3'], { stdio: ['pipe', 'inherit', 'inherit', 'pipe'] });
  let answers = '';
  const waiting = [];
  git.stdio[3].setEncoding('utf8');
  git.stdio[3].on('data', (t) => {
    answers += t;
    for (let nl = answers.indexOf('\n'); nl >= 0 && waiting.length; nl = answers.indexOf('\n')) {
      waiting.shift()(answers.slice(0, nl));
      answers = answers.slice(nl + 1);
    }
  });
  const markHash = (m) => {
    out(`get-mark :${m}\n`);
    flush();
    return new Promise((resolve) => waiting.push(resolve));
  };
  let buffer = [];
  let size = 0;
  const out = (s) => {
    buffer.push(s);
    size += s.length;
    if (size > 1 << 20) flush();
  };
  const flush = () => {
    if (buffer.length) git.stdin.write(buffer.join(''));
    buffer = [];
    size = 0;
  };
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

  // Content: every file is a list of lines, each remembering which commit wrote it.
  const files = new Map();
  let lineNo = 0;
  const newLines = (n, commit) => Array.from({ length: n }, () => ({ text: `line ${++lineNo}`, commit }));
  const truth = { commits: [], tools: {} };
  const tally = (tool) => (truth.tools[tool] ??= { commits: 0, reverts: 0, pushedDirectly: 0, reachedByMerge: 0, reachedBySquash: 0 });
  let mark = 0;
  let time = start;
  let mainTip = 0;
  let pr = 0;

  // One commit: edits, then the fast-import command. Returns its record.
  const commit = ({ tool, subject, body = '', ref, from, merge, committer, edits, carry = [] }) => {
    const id = ++mark;
    const record = { mark: id, tool, time, subject, files: new Map() };
    const author = tools[tool]?.author ?? pick(people);
    const message = [subject, body, tools[tool]?.footer ?? '', tools[tool]?.trailer ?? ''].filter(Boolean).join('\n\n');
    // A merge's tree starts from its first parent: carry what the branch changed.
    const changed = new Set(carry);
    for (const edit of edits) {
      const lines = files.get(edit.path) ?? [];
      if (edit.drop !== undefined) {
        // A revert takes out the lines the reverted commit added that are still there.
        const keep = lines.filter((l) => l.commit !== edit.drop);
        record.files.set(edit.path, { removed: lines.filter((l) => l.commit === edit.drop).map((l) => l.commit), added: 0 });
        files.set(edit.path, keep);
      } else {
        const removed = lines.splice(edit.at, edit.remove, ...newLines(edit.add, id));
        files.set(edit.path, lines);
        record.files.set(edit.path, { removed: removed.map((l) => l.commit), added: edit.add });
      }
      changed.add(edit.path);
    }
    out(`commit ${ref}\nmark :${id}\nauthor ${author} ${time} +0000\ncommitter ${committer ?? author} ${time} +0000\n${data(message)}`);
    if (from) out(`from :${from}\n`);
    if (merge) out(`merge :${merge}\n`);
    for (const path of changed) {
      const lines = files.get(path);
      out(`M 100644 inline ${path}\n${data(lines.map((l) => l.text).join('\n') + (lines.length ? '\n' : ''))}`);
    }
    truth.commits.push(record);
    return record;
  };

  const randomEdits = () => {
    const n = 1 + Math.floor(rnd() * 2);
    const edits = [];
    for (let i = 0; i < n; i++) {
      // Fifty files to a folder: every commit writes new trees, and small ones keep that cheap.
      const file = Math.floor(rnd() * fileCount);
      const path = `src/part-${Math.floor(file / 50)}/module-${file}.ts`;
      if (edits.some((e) => e.path === path)) continue;
      const lines = files.get(path) ?? [];
      // Files stay small (a large repository has many files, not long ones): a long file sheds more.
      const remove = lines.length ? Math.min(lines.length, Math.floor(rnd() * (lines.length > maxLines ? 16 : 6))) : 0;
      let at = lines.length - remove > 0 ? Math.floor(rnd() * (lines.length - remove + 1)) : 0;
      // Real edits favour code written recently: half start at the newest line in the file, which
      // the proportional approximation in src/history/rework.ts does not know.
      if (remove && rnd() < 0.5) {
        const newest = lines.reduce((best, l, i) => (l.commit > lines[best].commit ? i : best), 0);
        at = Math.min(newest, lines.length - remove);
      }
      edits.push({ path, at, remove, add: 1 + Math.floor(rnd() * 12) });
    }
    return edits;
  };
  const toolFor = () => {
    let r = rnd();
    for (const [id, t] of Object.entries(tools)) if ((r -= t.share) < 0) return id;
    return 'human';
  };

  const recent = [];
  for (let n = 0; n < commits;) {
    time += Math.round(hoursApart * 3600 * (0.5 + rnd()));
    const tool = toolFor();
    const roll = rnd();
    // The history starts with a person's commit.
    if (!mainTip && tool !== 'human') continue;
    if (tool === 'copilot') {
      // The coding agent works on a copilot/ branch; a person merges its pull request.
      pr++;
      const branch = commit({ tool, subject: `Fix issue ${pr}`, ref: `refs/heads/copilot/fix-${pr}`, from: mainTip || undefined, edits: randomEdits() });
      tally(tool).commits++;
      tally(tool).reachedByMerge++;
      time += 600;
      const m = commit({
        tool: 'merge',
        subject: `Merge pull request #${pr} from acme/copilot/fix-${pr}`,
        ref: 'refs/heads/main',
        from: mainTip || undefined,
        merge: branch.mark,
        committer: 'GitHub <noreply@github.com>',
        edits: [],
        carry: [...branch.files.keys()],
      });
      mainTip = m.mark;
      n += 2;
      recent.push(branch);
      continue;
    }
    let edits = randomEdits();
    let subject = `${tool === 'human' ? 'Change' : 'Agent change'} ${n}`;
    let body = '';
    const target = recent.length && roll < 0.05 ? recent[recent.length - 1 - Math.floor(rnd() * Math.min(5, recent.length))] : undefined;
    let reverted;
    if (target && !target.reverted && [...target.files.keys()].some((p) => (files.get(p) ?? []).some((l) => l.commit === target.mark))) {
      reverted = target;
      target.reverted = true;
      edits = [...target.files.keys()].map((path) => ({ path, drop: target.mark }));
      subject = `Revert "${target.subject}"`;
      // Half name the commit by hash, as `git revert` writes; half only by subject.
      if (rnd() < 0.5) body = `This reverts commit ${await markHash(target.mark)}.`;
    } else if (recent.length && roll < 0.12) {
      // A fix to a recent change, touching one of its files.
      const fixed = recent[recent.length - 1];
      const path = [...fixed.files.keys()][0];
      const lines = files.get(path) ?? [];
      const remove = Math.min(lines.length, 1 + Math.floor(rnd() * 3));
      edits = [{ path, at: Math.floor(rnd() * (lines.length - remove + 1)), remove, add: 1 + Math.floor(rnd() * 3) }];
      subject = `fix: correct the change to ${path}`;
    }
    const squash = tool !== 'human' && rnd() < 0.5;
    if (squash) subject = `${subject} (#${++pr})`;
    const rec = commit({
      tool,
      subject,
      body,
      ref: 'refs/heads/main',
      from: mainTip || undefined,
      committer: squash ? 'GitHub <noreply@github.com>' : undefined,
      edits,
    });
    if (reverted) rec.reverts = reverted.mark;
    mainTip = rec.mark;
    tally(tool).commits++;
    if (squash) tally(tool).reachedBySquash++;
    else tally(tool).pushedDirectly++;
    if (reverted) tally(reverted.tool).reverts++;
    recent.push(rec);
    if (recent.length > 20) recent.shift();
    n++;
  }
  flush();
  git.stdin.end('done\n');
  await new Promise((resolve, reject) => git.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import failed (${code})`)))));
  return truth;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, commits, seed] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node scripts/history-fixture.mjs DIR [COMMITS] [SEED]\n');
    process.exit(2);
  }
  const n = Number(commits ?? 200);
  // A large history spans years, not centuries: commits come faster.
  const truth = await makeHistoryRepo(dir, { commits: n, seed: Number(seed ?? 7), hoursApart: n > 5000 ? 0.6 : 14 });
  process.stdout.write(`${JSON.stringify(truth.tools, null, 2)}\n`);
}
