// The output formats the command line accepts, kept apart from the renderers so that parsing
// flags loads nothing heavy.
export const outputFormats = ['md', 'json', 'html', 'csv', 'pdf', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof outputFormats)[number];
