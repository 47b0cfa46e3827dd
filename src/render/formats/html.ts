import { reportView } from '../report-view.js';
import { renderTemplates } from '../templates.js';
import type { ReportFormat } from './types.js';

export const html: ReportFormat = {
  id: 'html',
  extension: '.html',
  description: 'One self-contained page (inline CSS and SVG, no network) that reads on screen and prints well.',
  templates: 'html',
  // Handlebars escapes every value for HTML: a client called "<script>" stays text.
  escapeHtml: true,
  render: (report, templates) => renderTemplates(templates, 'report', reportView(report), {}, true),
};
