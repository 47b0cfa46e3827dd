// The one place `gh` runs: `gh api --include PATH`, a GET with the user's own sign-in (nothing is
// stored but GitHub's answer). A refusal (403, 404) is an answer like any other; when gh cannot be
// run or prints no HTTP answer at all, the read is recorded as not reached (status 0), never as absent.
import { execFile } from 'node:child_process';
import { parseIncluded, type HttpAnswer } from '../platform/http-response.js';
import { maskSecrets } from '../detectors/shared/secrets.js';

export function ghApi(path: string): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    execFile(
      'gh',
      ['api', '--include', '--method', 'GET', '-H', 'Accept: application/vnd.github+json', path],
      { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, env: { ...process.env, GH_PROMPT_DISABLED: '1', NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const answer = parseIncluded(stdout);
        if (answer) return resolve(answer);
        const reason =
          (err as NodeJS.ErrnoException | null)?.code === 'ENOENT'
            ? 'gh (the GitHub CLI) was not found on PATH'
            : maskSecrets(stderr.trim().split('\n')[0] ?? '') || 'gh printed no HTTP answer';
        resolve({ status: 0, date: null, body: { message: reason } });
      },
    );
  });
}
