// A synchronous renderReport for tests that render inside synchronous properties and fixtures.
// The CLI loads each format on use (src/render/formats/index.ts), and the template compiler only
// for templates the build did not precompile; here they are all imported.
import Handlebars from 'handlebars';
import { loadTemplates } from '../../src/io/artefacts.js';
import { csv } from '../../src/render/formats/csv.js';
import { html } from '../../src/render/formats/html.js';
import { json } from '../../src/render/formats/json.js';
import { junit } from '../../src/render/formats/junit.js';
import { markdown } from '../../src/render/formats/markdown.js';
import { sarif } from '../../src/render/formats/sarif.js';
import type { Report } from '../../src/report/model.js';
import { useCompiler } from '../../src/render/templates.js';

useCompiler(Handlebars);

const byId = Object.fromEntries([csv, html, json, junit, markdown, sarif].map((f) => [f.id, f]));

export function renderReport(report: Report, formatId: string, templatesDir?: string): string {
  const format = byId[formatId];
  if (!format) throw new Error(`no format ${formatId}`);
  return format.render(report, format.templates ? loadTemplates(format.templates, templatesDir) : {});
}
