// The registry of report formats. Adding a format: one file in this folder plus one line here.
// Each is loaded when a report is rendered in it, so a Markdown run never loads the HTML, SARIF or
// XML code.
import type { ReportFormat } from './types.js';

const registry: Record<string, () => Promise<ReportFormat>> = {
  csv: async () => (await import('./csv.js')).csv,
  'csv-responses': async () => (await import('./csv-responses.js')).csvResponses,
  html: async () => (await import('./html.js')).html,
  json: async () => (await import('./json.js')).json,
  junit: async () => (await import('./junit.js')).junit,
  md: async () => (await import('./markdown.js')).markdown,
  sarif: async () => (await import('./sarif.js')).sarif,
};

export const formatIds: readonly string[] = Object.keys(registry);

export async function loadFormat(id: string): Promise<ReportFormat | undefined> {
  return Object.hasOwn(registry, id) ? registry[id]!() : undefined;
}

/** Every format, for the build (which precompiles their templates) and for tests. */
export async function loadFormats(): Promise<ReportFormat[]> {
  return Promise.all(formatIds.map(async (id) => (await loadFormat(id))!));
}
