// Hostile and mistaken input through the built binary: every row of the table in the issue that
// asked for it. Bad input is exit 2 with a located line, never exit 3 or a stack trace; a scan
// survives any one file; an output never replaces an input; a closed pipe ends the run quietly.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';

const bomb =
  [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  ].join('\n') + '\n';
const noAnchor = 'checklist: { id: ai-coding-rollout, version: 1.1.0 }\nanswers:\n  <<: *nowhere\n';

function write(dir: string, name: string, text: string | Buffer): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Exit 2 and nothing but located `error:` lines: no internal error, no stack trace. */
function expectRefused(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/internal error|This is a bug|\n\s+at /);
  expect(r.stderr).toMatch(pattern);
}

describe('hostile YAML in user files', () => {
  it.each([
    ['answers', (f: string) => ['assess', '--answers', f]],
    ['checklist', (f: string) => ['assess', '--answers', 'examples/pilot-ready.yaml', '--policy', f]],
    ['overlay', (f: string) => ['assess', '--answers', 'examples/pilot-ready.yaml', '--overlay', f]],
    ['validate', (f: string) => ['validate', f]],
    ['compare', (f: string) => ['compare', 'examples/pilot-ready.yaml', f]],
  ])('an alias bomb as %s is a located error, exit 2', (_, args) => {
    const f = write(tempDir(), 'bomb.yaml', bomb);
    expectRefused(runCli(args(f)), new RegExp(`^error: ${f}:2:\\d+: more than 100 YAML aliases to expand \\(an alias bomb\\?\\): refused\\n$`));
  });

  it('an alias with no anchor is a located error, exit 2', () => {
    const f = write(tempDir(), 'a.yaml', noAnchor);
    expectRefused(
      runCli(['assess', '--answers', f]),
      new RegExp(`^error: ${f}:3:7: a YAML alias \\(\\*name\\) refers to no anchor \\(&name\\) set before it\\n$`),
    );
  });

  it('a saved result nested 200,000 deep is refused, not a stack overflow', () => {
    const f = write(tempDir(), 'r.json', `{"schemaVersion":"2.0.0","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expectRefused(runCli(['report', f]), /^error: .*r\.json:1(:\d+)?: nested too deeply to read|^error: .*r\.json:1(:\d+)?: nested more than 100 levels deep/);
  });
});

describe('sizes and encodings', () => {
  it('/dev/zero hits the size limit instead of filling memory', () => {
    const r = spawnSync(process.execPath, [bin, 'assess', '--answers', '/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
    expectRefused({ code: r.status, stderr: r.stderr }, /^error: \/dev\/zero: larger than 16 MiB: refused/);
  });

  it('reads answers through a pipe (process substitution, /dev/stdin)', () => {
    const r = spawnSync(process.execPath, [bin, 'assess', '--answers', '/dev/stdin', '--format', 'json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      input: readFileSync(join(repoRoot, 'examples/pilot-ready.yaml')),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).verdict.id).toBe('pilot');
  });

  it('names UTF-16 and UTF-32, and reads UTF-8 with a byte order mark', () => {
    const text = readFileSync(join(repoRoot, 'examples/pilot-ready.yaml'), 'utf8');
    const dir = tempDir();
    const le = write(dir, 'le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expectRefused(runCli(['assess', '--answers', le]), new RegExp(`^error: ${le}: the file is UTF-16 \\(little-endian\\); save it as UTF-8\\n$`));
    const bare = write(dir, 'bare.yaml', Buffer.from(text, 'utf16le'));
    expectRefused(runCli(['validate', bare]), /the file looks like UTF-16 \(little-endian\) without a byte order mark; save it as UTF-8/);
    const u32 = write(dir, 'u32.yaml', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a')]));
    expectRefused(runCli(['assess', '--answers', u32]), /the file is UTF-32 \(little-endian\); save it as UTF-8/);
    const latin1 = write(dir, 'latin1.yaml', Buffer.from('checklist: caf\xe9\n', 'latin1'));
    expectRefused(runCli(['assess', '--answers', latin1]), /the file is not valid UTF-8 \(first bad byte at offset 14\); save it as UTF-8/);
    const bom = write(dir, 'bom.yaml', `\ufeff${text}`);
    expect(runCli(['assess', '--answers', bom, '--quiet', '--format', 'json']).code).toBe(0);
  });
});

describe('a scan survives any one file', () => {
  const hostileRepo = () => {
    const dir = tempDir('rollout-check-hostile-');
    write(dir, '.github/workflows/bomb.yml', bomb);
    write(dir, '.github/workflows/undefined-alias.yml', 'on: push\njobs:\n  a: *nowhere\n');
    write(dir, '.mcp.json', `{"mcpServers":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    write(dir, 'CLAUDE.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Rules\n', 'utf16le')]));
    write(dir, '.claude/settings.json', '{ "permissions": { "defaultMode": "bypassPermissions" } }\n');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    return dir;
  };

  it('lists each unreadable file with why, and scans every other', () => {
    const dir = hostileRepo();
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const scan = JSON.parse(r.stdout);
    expect(scan.skipped).toEqual([
      { path: '.github/workflows/bomb.yml', reason: 'more than 100 YAML aliases to expand (an alias bomb?): skipped' },
      { path: '.github/workflows/undefined-alias.yml', reason: 'a YAML alias (*name) refers to no anchor (&name) set before it: skipped' },
      { path: '.mcp.json', reason: 'nested more than 100 levels deep: skipped' },
      { path: 'CLAUDE.md', reason: 'the file is UTF-16 (little-endian); save it as UTF-8: skipped' },
    ]);
    expect(scan.findings.map((f: { id: string }) => f.id)).toContain('claude-code.bypass-permissions');
    expect(runCli(['scan', '--help']).stdout).toMatch(/1 MiB/);
  });

  it('assess --scan still weighs everything else, and names the files it could not read', () => {
    const dir = hostileRepo();
    const r = runCli(['assess', '--answers', 'examples/scale-ready.yaml', '--scan', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('disputed by the repository');
    expect(r.stdout).toContain('- `.mcp.json`: nested more than 100 levels deep: skipped');
  });

  it('stops quietly when the reader of a scan goes away', () => {
    const dir = hostileRepo();
    const err = join(tempDir(), 'err.txt');
    execFileSync('bash', ['-c', `node ${bin} assess --answers examples/not-ready.yaml --scan ${dir} 2>${err} | head -5 >/dev/null`], { cwd: repoRoot });
    expect(readFileSync(err, 'utf8')).not.toMatch(/EPIPE|Error|\n\s+at /);
  });
});

describe('an output never replaces an input', () => {
  it.each([
    ['assess --answers a.yaml --out a.yaml', (d: string) => ['assess', '--answers', join(d, 'a.yaml'), '--out', join(d, 'a.yaml')], 'a.yaml'],
    [
      'assess --policy p.yaml --out p.yaml',
      (d: string) => ['assess', '--answers', join(d, 'a.yaml'), '--policy', join(d, 'p.yaml'), '--out', join(d, 'p.yaml')],
      'p.yaml',
    ],
    ['assess --out through a symbolic link to the answers', (d: string) => ['assess', '--answers', join(d, 'a.yaml'), '--out', join(d, 'link.md')], 'a.yaml'],
    ['report result.json --out result.json', (d: string) => ['report', join(d, 'r.json'), '--format', 'md', '--out', join(d, 'r.json')], 'r.json'],
    [
      'assess --format pdf --out onto the logo',
      (d: string) => ['assess', '--answers', join(d, 'a.yaml'), '--logo', join(d, 'logo.png'), '--format', 'pdf', '--out', join(d, 'logo.png')],
      'logo.png',
    ],
    ['compare --out onto the newer result', (d: string) => ['compare', join(d, 'a.yaml'), join(d, 'r.json'), '--out', join(d, 'r.json')], 'r.json'],
  ])('%s is refused with exit 2 and the file is left as it was', (_, args, victim) => {
    const d = tempDir();
    writeFileSync(join(d, 'a.yaml'), readFileSync(join(repoRoot, 'examples/pilot-ready.yaml')));
    writeFileSync(join(d, 'p.yaml'), readFileSync(join(repoRoot, 'policies/ai-coding-rollout.yaml')));
    writeFileSync(join(d, 'r.json'), readFileSync(join(repoRoot, 'examples/pilot-ready.report.json')));
    writeFileSync(join(d, 'logo.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    symlinkSync(join(d, 'a.yaml'), join(d, 'link.md'));
    const before = readFileSync(join(d, victim));
    const r = runCli(args(d));
    expectRefused(r, /is an input of this run.*refusing to write over it: nothing was written/);
    expect(readFileSync(join(d, victim)).equals(before)).toBe(true);
  });

  it('refuses a job summary that is an input too, before writing the report', () => {
    const d = tempDir();
    const answers = join(d, 'a.yaml');
    writeFileSync(answers, readFileSync(join(repoRoot, 'examples/pilot-ready.yaml')));
    const r = runCli(['assess', '--answers', answers, '--out', join(d, 'report.md')], { env: { GITHUB_STEP_SUMMARY: answers } });
    expectRefused(r, /a\.yaml: is an input of this run/);
    expect(spawnSync('ls', [d], { encoding: 'utf8' }).stdout.trim().split('\n')).toEqual(['a.yaml']);
  });
});

describe('a closed pipe', () => {
  it.each([
    ['html to head -c 100', '--format html', 'head -c 100'],
    ['Markdown to head -n 2', '', 'head -n 2'],
  ])('%s stops quietly, every time', (_, flags, reader) => {
    const err = join(tempDir(), 'err.txt');
    for (let i = 0; i < 5; i++) {
      execFileSync('bash', ['-c', `node ${bin} assess --answers examples/not-ready.yaml ${flags} 2>${err} | ${reader} >/dev/null`], { cwd: repoRoot });
      const stderr = readFileSync(err, 'utf8');
      expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    }
  });
});

describe('a slow reader', () => {
  it('gets the whole report through a pipe another process made non-blocking', () => {
    const d = tempDir();
    const expected = runCli(['assess', '--answers', 'examples/not-ready.yaml', '--format', 'html']);
    // More than a pipe holds (64 KiB).
    expect(expected.stdout.length).toBeGreaterThan(65_536);
    // python sets O_NONBLOCK on the pipe (shared with the node it becomes); the reader waits a second,
    // so the pipe fills and writes are refused for a while (EAGAIN) before they are taken.
    const setNonBlocking =
      'import fcntl,os,sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execvp(sys.argv[1], sys.argv[1:])';
    execFileSync(
      'bash',
      ['-c', `python3 -c '${setNonBlocking}' node ${bin} assess --answers examples/not-ready.yaml --format html 2>${d}/err | (sleep 1; cat > ${d}/out)`],
      { cwd: repoRoot },
    );
    expect(readFileSync(join(d, 'err'), 'utf8')).toBe(expected.stderr);
    expect(readFileSync(join(d, 'out'), 'utf8') === expected.stdout).toBe(true);
  });
});

describe('two sessions, one answers file', () => {
  const sessions: TmuxSession[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.close()));

  it('the second is told who holds the file; a lock left by a dead process is taken over', async () => {
    const dir = tempDir();
    const cmd = `node ${bin} assess --answers-out shared.yaml`;
    const first = new TmuxSession('lock-a', cmd, dir);
    sessions.push(first);
    await first.waitFor(/Organisation:/);
    const pid = first.programPid();
    const second = new TmuxSession('lock-b', cmd, dir);
    sessions.push(second);
    const screen = await second.waitFor(/EXIT=\d+/);
    expect(screen.replace(/\n/g, '')).toContain(`another rollout-check session is saving to this file (process ${pid} on ${hostname()})`);
    expect(screen).toContain('EXIT=2');
    // The first dies without cleaning up: its lock names a process that is gone.
    process.kill(pid, 'SIGKILL');
    await first.waitFor(/EXIT=\d+/);
    expect(JSON.parse(readFileSync(join(dir, 'shared.yaml.lock'), 'utf8')).pid).toBe(pid);
    const third = new TmuxSession('lock-c', cmd, dir);
    sessions.push(third);
    await third.waitFor(/Organisation:/);
  });
});
