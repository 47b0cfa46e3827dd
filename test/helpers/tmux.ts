// Drives a program in a real pseudo-terminal with tmux: send keystrokes, read the screen. Each
// session has its own tmux server socket, so tests can run side by side.
import { execFileSync, spawnSync } from 'node:child_process';

export class TmuxSession {
  private readonly socket: string;
  constructor(name: string, command: string, cwd: string, width = 60, height = 40) {
    this.socket = `rc-${name}-${process.pid}`;
    // The shell prints the exit code and keeps the pane open so the test can read the last screen.
    const shell = `${command}; echo "EXIT=$?"; sleep 120`;
    this.tmux('new-session', '-d', '-s', 'main', '-x', String(width), '-y', String(height), '-c', cwd, shell);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
  }

  send(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'main', key);
  }

  /** Literal text, then Enter. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
    this.tmux('send-keys', '-t', 'main', 'Enter');
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', 'main', '-S', '-200');
  }

  /** Polls the screen until `pattern` shows up; no fixed sleeps, a generous deadline. */
  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The program's pid (the child of the pane's shell). */
  programPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim();
    const r = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' });
    return Number(r.stdout.trim().split('\n')[0]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
