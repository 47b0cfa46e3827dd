// Prints HTML to PDF with a headless Chromium, when one is installed. Chromium is found on PATH
// (or through ROLLOUT_CHECK_CHROMIUM) and run with no network, no profile and no extensions.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { refuseInputAsOutput } from './files.js';
import { scriptsIn, type Script } from '../scripts.js';

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ROLLOUT_CHECK_CHROMIUM) return env.ROLLOUT_CHECK_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of candidates) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  return undefined;
}

/**
 * Scripts the report's text uses that no installed font covers, asked of fontconfig (what Chromium
 * renders with): each would print as empty boxes. Unknown when fontconfig cannot be asked.
 */
export function uncoveredScripts(html: string): Script[] {
  return scriptsIn(html).filter((s) => {
    const r = spawnSync('fc-list', [`:lang=${s.lang}`, 'family'], { encoding: 'utf8', timeout: 10_000 });
    return r.status === 0 && !r.stdout.trim();
  });
}

/** Prints the PDF; returns one warning per script no installed font covers. */
export function printPdf(html: string, outFile: string): string[] {
  const chromium = findChromium();
  if (!chromium)
    throw new InputError('--format pdf needs a headless Chromium: install it (Debian: apt-get install chromium) or set ROLLOUT_CHECK_CHROMIUM to its path');
  refuseInputAsOutput(outFile);
  if (!statSync(dirname(outFile), { throwIfNoEntry: false })?.isDirectory())
    throw new InputError(`${outFile}: cannot write: folder ${dirname(outFile)} does not exist`);
  const warnings = uncoveredScripts(html).map(
    (s) =>
      `${outFile}: the report uses ${s.name} script, which no installed font covers: it prints as empty boxes; install a font for it (Debian: apt-get install ${s.debian})`,
  );
  const work = mkdtempSync(join(tmpdir(), 'rollout-check-pdf-'));
  // The PDF is printed beside its target, then renamed over it: never a half-written file.
  const partial = join(dirname(outFile), `.${basename(outFile)}.${process.pid}.tmp`);
  try {
    const page = join(work, 'report.html');
    writeFileSync(page, html);
    const r = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        `--user-data-dir=${join(work, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${partial}`,
        pathToFileURL(page).href,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000, encoding: 'utf8' },
    );
    if (r.status !== 0 || !statSync(partial, { throwIfNoEntry: false })?.size)
      throw new Error(`Chromium could not print the PDF (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').split('\n').filter(Boolean).slice(-1)[0] ?? ''}`);
    renameSync(partial, outFile);
    return warnings;
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
