// The HTML report in a real headless Chromium (Debian's chromium, installed by .ci/run): it loads
// with no console errors and no network requests, the chart is drawn, hostile text stays text,
// and the PDF printed from it has the expected pages.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/io/pdf.js';
import { fixture, runCli, tempDir } from '../helpers/cli.js';
// @ts-expect-error: a plain ES module script, shared with the bench.
import { makeHistoryRepo } from '../../scripts/history-fixture.mjs';

const mini = ['--policy', fixture('checklists', 'mini.yaml')];
const executablePath = findChromium();

/** Opens a local HTML file in headless Chromium; `problems` collects the page's console errors. */
async function inChromium(file: string, use: (tab: Page, problems: string[]) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await use(tab, problems);
  } finally {
    await browser.close();
  }
}

describe('HTML report in headless Chromium', () => {
  it('is found on this machine (CI installs Debian chromium)', () => {
    expect(executablePath, 'install chromium: apt-get install chromium').toBeTruthy();
  });

  it('loads offline with no console errors or requests, draws the chart and keeps hostile names as text', async () => {
    const dir = tempDir();
    const hostile = '<script>alert("owned")</script><img src=x onerror=alert(2)>';
    const logo = join(dir, 'logo.svg');
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#2b4c7e"/></svg>');
    const page = join(dir, 'report.html');
    const r = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--format', 'html', '--out', page, '--client', hostile, '--logo', logo]);
    expect(r.code, r.stderr).toBe(0);

    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      tab.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
      tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      tab.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
      tab.on('request', (req) => !/^(file|data):/.test(req.url()) && requests.push(req.url()));
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      const facts = await tab.evaluate(() => ({
        scripts: document.scripts.length,
        images: [...document.images].map((i) => ({ ok: i.complete && i.naturalWidth > 0, src: i.src.slice(0, 22) })),
        client: [...document.querySelectorAll('.prepared')].map((d) => d.textContent),
        bars: [...document.querySelectorAll('svg.scores rect.fill')].map((b) => ({ fm: b.getAttribute('data-fm'), width: Number(b.getAttribute('width')) })),
        barBoxes: [...document.querySelectorAll('svg.scores rect.fill')].map((b) => Math.round(b.getBoundingClientRect().width)),
        sections: [...document.querySelectorAll('main section h2')].map((h) => h.textContent),
      }));
      await tab.screenshot({ path: join(dir, 'report.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(facts.scripts).toBe(0);
      expect(facts.images).toEqual([{ ok: true, src: 'data:image/svg+xml;bas' }]);
      expect(facts.client.every((c) => c!.includes(`prepared for ${hostile}`))).toBe(true);
      expect(facts.bars.map((b) => b.fm)).toEqual(['FM1', 'FM2', 'FM3', 'FM4', 'FM5', 'FM6', 'FM7']);
      const result = JSON.parse(readFileSync('examples/pilot-ready.report.json', 'utf8'));
      expect(facts.bars.map((b) => b.width)).toEqual(result.failureModes.map((f: { score: number }) => Math.round((f.score / 100) * 360)));
      expect(facts.barBoxes.every((w) => w > 0)).toBe(true);
      expect(facts.sections).toEqual([
        'Executive summary',
        'Why this verdict',
        '30/60/90-day plan',
        'Before you scale',
        'Five characteristics of a stronger rollout',
        'Findings',
        'Appendix',
      ]);
    } finally {
      await browser.close();
    }
  });

  it('draws the history chart: a bar per month and the rework lines, inside the figure', async () => {
    const dir = tempDir();
    const repo = join(dir, 'repo');
    await makeHistoryRepo(repo, { commits: 300, seed: 11 });
    const page = join(dir, 'history.html');
    const r = runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--history', repo, '--format', 'html', '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    await inChromium(page, async (tab, problems) => {
      const facts = await tab.evaluate(() => {
        const svg = document.querySelector('svg.history')!;
        const box = svg.getBoundingClientRect();
        const inside = (e: Element) => {
          const b = e.getBoundingClientRect();
          return b.left >= box.left - 1 && b.right <= box.right + 1 && b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
        };
        return {
          months: [...svg.querySelectorAll('g.month title')].map((t) => t.textContent),
          barHeights: [...svg.querySelectorAll('rect.share')].map((b) => Math.round(b.getBoundingClientRect().height)),
          lines: [...svg.querySelectorAll('polyline')].map((p) => ({
            cls: p.getAttribute('class'),
            width: Math.round(p.getBoundingClientRect().width),
            inside: inside(p),
          })),
          barsInside: [...svg.querySelectorAll('rect.share')].every(inside),
          stroke: getComputedStyle(svg.querySelector('.rework-agents')!).stroke,
        };
      });
      await tab.locator('#history').screenshot({ path: process.env.HISTORY_SCREENSHOT ?? join(dir, 'history.png') });
      expect(problems).toEqual([]);
      const result = JSON.parse(runCli(['assess', '--answers', 'examples/pilot-ready.yaml', '--history', repo, '--format', 'json']).stdout);
      const months = result.history.months as { month: string; agentShare: number }[];
      expect(months.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
      expect(facts.months).toEqual(months.map((m) => `${m.month}: agent share ${Math.round(m.agentShare * 1000) / 10}%`));
      expect(facts.barHeights.every((h) => h > 10)).toBe(true);
      expect(facts.barsInside).toBe(true);
      expect(facts.lines.map((l) => l.cls)).toEqual(['rework-people', 'rework-agents']);
      expect(facts.lines.every((l) => l.width > 100 && l.inside)).toBe(true);
      expect(facts.stroke).toBe('rgb(179, 38, 30)');
    });
  });

  it('draws the portfolio heat map: a cell per team and failure mode, coloured by band, names as text', async () => {
    const page = join(tempDir(), 'portfolio.html');
    writeFileSync(page, readFileSync('examples/portfolio/portfolio.html', 'utf8'));
    await inChromium(page, async (tab, problems) => {
      const cells = await tab.evaluate(() =>
        [...document.querySelectorAll('svg.heatmap g.cell')].map((g) => ({
          team: g.getAttribute('data-team'),
          fm: g.getAttribute('data-fm'),
          fill: getComputedStyle(g.querySelector('rect')!).fill,
          score: g.querySelector('text')!.textContent,
          width: Math.round(g.getBoundingClientRect().width),
        })),
      );
      await tab
        .locator('figure')
        .first()
        .screenshot({ path: process.env.PORTFOLIO_SCREENSHOT ?? join(tempDir(), 'heatmap.png') });
      expect(problems).toEqual([]);
      const json = JSON.parse(runCli(['aggregate', 'examples/portfolio/results', '--format', 'json']).stdout);
      expect(cells).toHaveLength(json.teams.length * 7);
      const band = (s: number) => (s < 40 ? 'rgb(232, 163, 158)' : s < 60 ? 'rgb(243, 197, 139)' : s < 75 ? 'rgb(245, 227, 143)' : 'rgb(159, 212, 166)');
      json.teams.forEach((t: { team: string; scores: number[] }, i: number) =>
        t.scores.forEach((s, j) =>
          expect(cells[i * 7 + j]).toEqual({ team: t.team, fm: `FM${j + 1}`, fill: band(s), score: String(Math.round(s)), width: expect.any(Number) }),
        ),
      );
      expect(cells.every((c) => c.width > 20)).toBe(true);
      // Every team name starts inside the picture (none cut off at the left edge).
      const lefts = await tab.evaluate(() =>
        [...document.querySelectorAll('svg.heatmap text.team')].map(
          (t) => t.getBoundingClientRect().left - document.querySelector('svg.heatmap')!.getBoundingClientRect().left,
        ),
      );
      expect(lefts.every((x) => x >= 0)).toBe(true);
    });
  });

  it('draws the team heat map of roles by failure mode, in HTML and in the PDF', async () => {
    const dir = tempDir();
    const page = join(dir, 'team.html');
    expect(runCli(['assess', '--answers', 'examples/team', '--format', 'html', '--out', page]).code).toBe(0);
    const result = JSON.parse(runCli(['assess', '--answers', 'examples/team', '--format', 'json']).stdout);
    await inChromium(page, async (tab) => {
      const cells = await tab.evaluate(() =>
        [...document.querySelectorAll('svg.roles g.cell')].map((g) => ({
          role: g.getAttribute('data-role'),
          fm: g.getAttribute('data-fm'),
          text: g.querySelector('text')!.textContent,
          width: Math.round(g.getBoundingClientRect().width),
        })),
      );
      await tab.locator('#respondents').screenshot({ path: process.env.ROLES_SCREENSHOT ?? join(dir, 'roles.png') });
      expect(cells).toHaveLength(result.roleScores.length * 7);
      result.roleScores.forEach((r: { role: string; scores: number[] }, i: number) =>
        r.scores.forEach((s, j) => expect(cells[i * 7 + j]).toMatchObject({ role: r.role, fm: `FM${j + 1}`, text: String(Math.round(s)) })),
      );
      expect(cells.every((c) => c.width > 20)).toBe(true);
    });
    const pdf = join(dir, 'team.pdf');
    expect(runCli(['assess', '--answers', 'examples/team', '--format', 'pdf', '--out', pdf], { env: { PATH: process.env.PATH ?? '' } }).code).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Who said what[^]*Security \(1\)/);
  });

  it('is a document a client can be sent: executive page first, each question once, team report in 12 pages and pilot in 10', async () => {
    const dir = tempDir();
    const pages = (answers: string, name: string) => {
      const pdf = join(dir, `${name}.pdf`);
      const r = runCli(['assess', '--answers', answers, '--format', 'pdf', '--out', pdf], { env: { PATH: process.env.PATH ?? '' } });
      expect(r.code, r.stderr).toBeLessThanOrEqual(1);
      return Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
    };
    expect(pages('examples/team', 'team')).toBeLessThanOrEqual(12);
    expect(pages('examples/pilot-ready.yaml', 'pilot')).toBeLessThanOrEqual(10);
    const html = join(dir, 'team.html');
    expect(runCli(['assess', '--answers', 'examples/team', '--format', 'html', '--out', html, '--client', 'Globex Holdings']).code).toBeLessThanOrEqual(1);
    const text = readFileSync(html, 'utf8');
    const result = JSON.parse(runCli(['assess', '--answers', 'examples/team', '--format', 'json']).stdout);
    // Who said what: once per divergent question, and once in a summary.
    expect(text.match(/Respondents:/g)!.length).toBeLessThanOrEqual(result.divergent.count + 1);
    await inChromium(html, async (tab, problems) => {
      const screen = await tab.evaluate(() => ({
        cover: getComputedStyle(document.querySelector('.cover')!).display,
        header: document.querySelector('.screen-header h1')?.textContent,
        prepared: document.querySelector('.screen-header .prepared')?.textContent,
        chartHeading: document.querySelector('#summary figure.chart h3')?.textContent,
        labels: [...document.querySelectorAll('svg.scores text.fm')].map((t) => t.textContent),
        legend: document.querySelectorAll('#summary figure.chart .swatch').length,
        steps: document.querySelectorAll('#summary ol.top-steps li').length,
        perQuestion: [...document.querySelectorAll('#findings li .muted')].map((m) => m.textContent!.split(' · ')[0]),
      }));
      expect(screen.cover).toBe('none');
      expect(screen.header).toBe('Fabrikam Health / Patient scheduling');
      expect(screen.prepared).toBe('Assessment of Fabrikam Health / Patient scheduling, prepared for Globex Holdings by Example assessor, 2026-11-09');
      expect(screen.chartHeading).toBe('Score by failure mode');
      expect(screen.labels).toEqual([
        'FM1 Advisory vs executable',
        'FM2 Context access',
        'FM3 Review',
        'FM4 Isolation',
        'FM5 Standard patterns',
        'FM6 Quality metrics',
        'FM7 Operating model',
      ]);
      expect(screen.legend).toBe(4);
      expect(screen.steps).toBe(5);
      expect(screen.perQuestion.length).toBeGreaterThan(30);
      expect(new Set(screen.perQuestion).size).toBe(screen.perQuestion.length);
      await tab.emulateMedia({ media: 'print' });
      expect(
        await tab.evaluate(() => [
          getComputedStyle(document.querySelector('.cover')!).display,
          getComputedStyle(document.querySelector('.screen-header')!).display,
        ]),
      ).toEqual(['flex', 'none']);
      expect(problems).toEqual([]);
    });
  });

  it('prints a PDF: the cover alone on page one, the executive summary and its chart on page two, no heading left at the foot of a page', () => {
    const dir = tempDir();
    const pdf = join(dir, 'report.pdf');
    const r = runCli(['assess', ...mini, '--answers', fixture('answers', 'mini-scale.yaml'), '--format', 'pdf', '--out', pdf], {
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.code, r.stderr).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
    const lines = (n: number) =>
      spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(lines(1).join('\n')).not.toContain('Executive summary');
    expect(lines(2)[0]).toBe('Executive summary');
    expect(lines(2)).toContain('Score by failure mode');
    const headings = [
      'Why this verdict',
      'The seven failure modes',
      'Unmet musts',
      '30/60/90-day plan',
      'Before you scale',
      'Findings',
      'Appendix',
      'Framework crosswalk',
      'Score by failure mode',
    ];
    for (let n = 1; n <= pages; n++) expect(headings, `page ${n} ends on a heading`).not.toContain(lines(n).at(-1));
    const all = Array.from({ length: pages }, (_, i) => lines(i + 1).join('\n')).join('\n');
    for (const h of ['Why this verdict', 'Findings', 'Appendix']) expect(all).toContain(h);
  });

  it('says in one line how to get Chromium when there is none (exit 2)', () => {
    const r = runCli(['assess', ...mini, '--answers', fixture('answers', 'mini-scale.yaml'), '--format', 'pdf', '--out', join(tempDir(), 'x.pdf')], {
      env: { PATH: '/nonexistent' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: --format pdf needs a headless Chromium: install it (Debian: apt-get install chromium) or set ROLLOUT_CHECK_CHROMIUM to its path',
    );
  });
});
