// Names in every script render in the PDF (issue 28, item 8), checked on the rendered page: the
// cover of a report whose organisation, team and assessor are written in Japanese, Arabic (right
// to left) and Devanagari is drawn with glyphs, not the empty boxes a missing font gives. The
// control: the same report printed with no fonts for those scripts (an empty fontconfig) draws the
// same boxes as names made of characters no font has, and warns, naming the Debian package.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const names = { organization: '株式会社ひかり', team: 'فريق المنصة', assessor: 'अनुराधा शर्मा' };
// Private-use characters, of the same lengths: no font has a glyph for them.
const boxes = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, String.fromCodePoint(...[...v].map((_, i) => 0xe000 + i))]));

function answers(dir: string, meta: Record<string, string>, file: string): string {
  const text = readFileSync('examples/pilot-ready.yaml', 'utf8')
    .replace(/^  organization: .*$/m, `  organization: "${meta.organization}"`)
    .replace(/^  team: .*$/m, `  team: "${meta.team}"`)
    .replace(/^  assessor: .*$/m, `  assessor: "${meta.assessor}"`);
  writeFileSync(join(dir, file), text);
  return join(dir, file);
}

/** The cover (page one) as pixels. */
function cover(pdf: string): Buffer {
  const out = pdf.replace(/\.pdf$/, '');
  const r = spawnSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, out]);
  expect(r.status).toBe(0);
  return readFileSync(`${out}.png`);
}

describe('names in every script, in the PDF', () => {
  const dir = tempDir();
  const print = (file: string, pdf: string, env: Record<string, string> = {}) =>
    runCli(['assess', '--answers', file, '--format', 'pdf', '--out', join(dir, pdf)], { env: { PATH: process.env.PATH ?? '', ...env } });
  // A machine with DejaVu only (Latin, Greek, Cyrillic, some Arabic), as many minimal images are.
  const latinOnly = join(dir, 'fonts.conf');
  writeFileSync(
    latinOnly,
    `<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );

  it('draws glyphs for Japanese, Arabic and Devanagari with the fonts .ci/run installs, and keeps the text', () => {
    const real = print(answers(dir, names, 'real.yaml'), 'real.pdf');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr).not.toContain('warning:');
    const tofu = print(answers(dir, boxes, 'tofu.yaml'), 'tofu.pdf');
    expect(tofu.code, tofu.stderr).toBe(0);
    expect(cover(join(dir, 'real.pdf')).equals(cover(join(dir, 'tofu.pdf')))).toBe(false);
    const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'real.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain(names.organization);
  });

  it('without those fonts draws boxes, and says which package to install', () => {
    const env = { FONTCONFIG_FILE: latinOnly };
    const some = { organization: names.organization, team: 'Platform', assessor: names.assessor };
    const missing = print(answers(dir, some, 'missing.yaml'), 'missing.pdf', env);
    expect(missing.code, missing.stderr).toBe(0);
    expect(missing.stderr).toContain(
      'uses Japanese script, which no installed font covers: it prints as empty boxes; install a font for it (Debian: apt-get install fonts-noto-cjk)',
    );
    expect(missing.stderr).toContain(
      'uses Devanagari script, which no installed font covers: it prints as empty boxes; install a font for it (Debian: apt-get install fonts-noto-core)',
    );
    // The control for the check above: with no font for it, a name is drawn as the same boxes as
    // characters no font has, while the Latin around it is drawn alike.
    const japanese = { organization: names.organization, team: 'Platform', assessor: 'Sam' };
    expect(print(answers(dir, japanese, 'jp.yaml'), 'jp.pdf', env).code).toBe(0);
    expect(print(answers(dir, { ...japanese, organization: boxes.organization! }, 'jp-tofu.yaml'), 'jp-tofu.pdf', env).code).toBe(0);
    expect(cover(join(dir, 'jp.pdf')).equals(cover(join(dir, 'jp-tofu.pdf')))).toBe(true);
  });
});
