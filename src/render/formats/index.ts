// The registry of report formats. Adding a format: one file in this folder plus one line here.
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import type { ReportFormat } from './types.js';

export const formats: readonly ReportFormat[] = [csv, html, json, junit, markdown, sarif];

export function findFormat(id: string): ReportFormat | undefined {
  return formats.find((f) => f.id === id);
}
