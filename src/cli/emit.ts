// Turns a finished report into the requested output: branding and redaction first (so every
// format gets them), then the format, then stdout or an atomically written file.
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { readLogo } from '../io/logo.js';
import { applyBranding, redact } from '../report/adjust.js';
import type { Report } from '../report/model.js';
import { renderReport } from '../pipeline.js';

import type { OutputFormat } from './formats-list.js';
import { output } from './std-streams.js';

export { outputFormats, type OutputFormat } from './formats-list.js';

export interface EmitFlags {
  format: OutputFormat;
  out?: string;
  templates?: string;
  client?: string;
  engagement?: string;
  assessor?: string;
  logo?: string;
  redact?: boolean;
  /** Print nothing but the verdict line: the report is written only where --out puts it. */
  quiet?: boolean;
  /** CSV only: one row per question (the default), or one per respondent and question. */
  csvLayout?: 'questions' | 'responses';
}

/** Applies branding and redaction, renders, and writes. Returns the report as rendered. */
export async function emitReport(report: Report, flags: EmitFlags, logoFromAnswers?: string): Promise<Report> {
  const logoFile = flags.logo ?? logoFromAnswers;
  let final = applyBranding(report, {
    client: flags.client,
    engagement: flags.engagement,
    assessor: flags.assessor,
    logo: logoFile ? readLogo(logoFile) : undefined,
  });
  if (flags.redact) final = redact(final);
  if (flags.format === 'pdf') {
    if (!flags.out) throw new InputError('--format pdf needs --out FILE.pdf');
    const { printPdf } = await import('../io/pdf.js');
    for (const w of printPdf(await renderReport(final, 'html', flags.templates), flags.out)) output('stderr').write(`warning: ${w}\n`);
    return final;
  }
  if (flags.csvLayout && flags.format !== 'csv') throw new InputError(`--csv-layout applies to --format csv, not ${flags.format}`);
  const text = await renderReport(final, flags.csvLayout === 'responses' ? 'csv-responses' : flags.format, flags.templates);
  if (flags.out) writeFileAtomic(flags.out, text);
  else if (!flags.quiet) output('stdout').write(text);
  return final;
}
