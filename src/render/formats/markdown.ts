import { reportView } from '../report-view.js';
import { renderTemplates } from '../templates.js';
import { escapeMarkdown, mapStrings } from '../../text.js';
import type { ReportFormat } from './types.js';

export const markdown: ReportFormat = {
  id: 'md',
  extension: '.md',
  description: 'GitHub-flavoured Markdown report with findings and a 30/60/90-day plan.',
  templates: 'markdown',
  escapeHtml: false,
  // Strings are escaped for Markdown in the view, so Handlebars' HTML escaping stays off.
  render: (report, templates) => tidy(renderTemplates(templates, 'report', reportView(mapStrings(report, escapeMarkdown)), {}, false)),
};

/** Collapses the blank-line runs that template conditionals leave behind. */
function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
