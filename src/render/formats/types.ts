import type { Report } from '../../report/model.js';
import type { TemplateSet } from '../templates.js';

/** A report format: one pure function from the report to the file's text. */
export interface ReportFormat {
  id: string;
  extension: string;
  description: string;
  /** Name of the templates sub-folder this format reads, if it uses templates. */
  templates?: string;
  /** Whether its templates escape values for HTML (they are compiled at build time accordingly). */
  escapeHtml?: boolean;
  render(report: Report, templates: TemplateSet): string;
}
