// Every `rollout-check` command shown in the README and in docs/ is run here, as a reader would
// paste it, in a copy of the examples made a git repository: none can go stale. A command that
// opens the questionnaire is run in a real terminal (tmux) until the first question.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { bin, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';

const pages = ['README.md', ...readdirSync(join(repoRoot, 'docs')).map((f) => `docs/${f}`)];

/** The rollout-check commands of a page's shell blocks: comments dropped, continued lines joined. */
function commandsOf(page: string): string[] {
  const text = readFileSync(join(repoRoot, page), 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\\\n\s*/g, ' '));
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .map((l) => l.replace(/^npm ci && /, ''))
    .filter((l) => l.startsWith('npx rollout-check '));
}

const commands = pages.flatMap((page) => commandsOf(page).map((command) => ({ page, command })));

function sandbox(): string {
  const dir = tempDir('rollout-check-docs-');
  cpSync(join(repoRoot, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(repoRoot, 'test', 'fixtures', 'real', 'anthropics-claude-code-action'), join(dir, 'repo'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Docs', '-c', 'user.email=docs@example.com', 'commit', '-q', '-m', 'docs sandbox\n\nCo-Authored-By: Claude <noreply@anthropic.com>');
  return dir;
}

describe('every command in the README and docs/', () => {
  it('finds them: at least thirty, on most pages', () => {
    expect(commands.length).toBeGreaterThanOrEqual(30);
    expect(new Set(commands.map((c) => c.page)).size).toBeGreaterThanOrEqual(8);
  });

  // A page's commands run in order in one sandbox, as a reader follows them: `init` writes the
  // file the next command reads.
  it.each(pages.filter((page) => commandsOf(page).length))('%s', async (page) => {
    const dir = sandbox();
    for (const command of commandsOf(page)) {
      const parsed = parse(command.replace(/^npx rollout-check /, '')) as (string | { op: string })[];
      const redirect = parsed.findIndex((x) => typeof x === 'object' && x.op === '>');
      const args = (redirect >= 0 ? parsed.slice(0, redirect) : parsed).map(String);
      const interactive = args[0] === 'assess' && !args.includes('--answers') && !args.includes('-a');
      if (interactive) {
        const s = new TmuxSession(`docs-${Math.random().toString(36).slice(2, 8)}`, `node ${bin} ${args.join(' ')}`, dir, 100, 40);
        try {
          const screen = await s.waitFor(/Organisation:|already exists|Resuming: \d+|\[1\/\d+\]/);
          if (/Organisation:/.test(screen)) {
            // Leave an answers file behind, as a reader who stops at the first question would.
            // Enter past the questions about the assessment, one at a time, to the first question.
            for (let i = 0; i < 8; i++) {
              s.send('Enter');
              const shown = await s.waitFor(/\?[^\n]*$/m, 5_000).catch(() => '');
              if (/\[1\/\d+\]/.test(shown)) break;
            }
            await s.waitFor(/\[1\/\d+\]/);
            s.send('C-c');
            await s.waitFor(/EXIT=130/);
          }
        } finally {
          s.close();
        }
        continue;
      }
      const r = runCli(args, { cwd: dir });
      // 1 is a gate doing its job on an example that fails it; 2 and 3 would be a broken command.
      expect([0, 1], `${page}: ${command}\n${r.stderr}`).toContain(r.code);
      if (redirect >= 0) writeFileSync(join(dir, String(parsed[redirect + 1])), r.stdout);
    }
  });
});
