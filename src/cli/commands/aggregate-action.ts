// The work behind `rollout-check aggregate`: the edge that lists and reads the files. One file at
// a time is read and reduced to its summary, so 10,000 results take little memory.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { readUserFile, writeFileAtomic } from '../../io/files.js';
import { buildPortfolio } from '../../portfolio/build.js';
import { portfolioCsv, portfolioHtml, portfolioJson, portfolioMarkdown } from '../../portfolio/render.js';
import { summariseResult, type Summary } from '../../portfolio/summary.js';
import { output } from '../std-streams.js';

export function runAggregate(inputs: string[], flags: { format: 'md' | 'html' | 'json' | 'csv'; out?: string }): void {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new InputError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory())
      files.push(
        ...(readdirSync(input, { recursive: true }) as string[])
          .filter((f) => f.endsWith('.json'))
          .map((f) => join(input, f))
          .sort(),
      );
    else files.push(input);
  }
  const summaries: Summary[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const intern = new Map<string, string>();
  // The portfolio written last time into the same folder is not one of the results.
  const out = flags.out ? resolve(flags.out) : undefined;
  for (const file of [...new Set(files)].filter((f) => resolve(f) !== out)) {
    const name = relative(process.cwd(), file).split('\\').join('/') || file;
    let text: string;
    try {
      text = readUserFile(file);
    } catch (err) {
      skipped.push({ file: name, reason: err instanceof Error ? err.message.replace(`${file}: `, '') : String(err) });
      continue;
    }
    const read = summariseResult(name, text, intern);
    if (read.ok) summaries.push(read.summary);
    else skipped.push({ file: name, reason: read.reason });
  }
  if (!summaries.length)
    throw new InputError(
      `no rollout-check results among ${files.length} file${files.length === 1 ? '' : 's'}${skipped[0] ? ` (${skipped[0].file}: ${skipped[0].reason})` : ''}: write them with assess --format json`,
    );
  const portfolio = buildPortfolio(summaries, skipped);
  const text = { md: portfolioMarkdown, html: portfolioHtml, json: portfolioJson, csv: portfolioCsv }[flags.format](portfolio);
  if (flags.out) writeFileAtomic(flags.out, text);
  else output('stdout').write(text);
  for (const s of skipped) output('stderr').write(`skipped: ${s.file}: ${s.reason}\n`);
}
