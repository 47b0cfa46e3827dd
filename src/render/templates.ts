// Template handling shared by the text formats: a private Handlebars environment in strict mode,
// so a template naming a value the report does not have fails loudly instead of printing nothing.
import Handlebars from 'handlebars';
import { InputError } from '../errors.js';

/** Template sources by name ("report", "failure-modes", ...), as read from a templates folder. */
export type TemplateSet = Record<string, { source: string; file: string }>;

export type Helpers = Record<string, Handlebars.HelperDelegate>;

export function renderTemplates(templates: TemplateSet, main: string, view: unknown, helpers: Helpers, escape: boolean): string {
  const env = Handlebars.create();
  env.registerHelper(helpers);
  const compileOne = (name: string) => {
    const t = templates[name];
    if (!t) throw new InputError(`template "${name}" is missing from the templates folder`);
    return { t, fn: env.compile(t.source, { strict: true, noEscape: !escape, preventIndent: true }) };
  };
  for (const name of Object.keys(templates).sort()) if (name !== main) env.registerPartial(name, compileOne(name).fn);
  const { t, fn } = compileOne(main);
  try {
    return fn(view);
  } catch (err) {
    throw templateError(err, templates, t.file);
  }
}

// Handlebars reports a strict-mode miss as '"name" not defined in [object Object] - 12:4', without
// saying which template. Partials are compiled lazily, so find the one whose line mentions it.
function templateError(err: unknown, templates: TemplateSet, mainFile: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  const miss = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (!miss) return new InputError(`${mainFile}: ${message.split('\n')[0]}`);
  const [, name, line, column] = miss;
  const file =
    Object.values(templates).find((t) => new RegExp(`\\b${escapeRegExp(name!)}\\b`).test(t.source.split('\n')[Number(line) - 1] ?? ''))?.file ?? mainFile;
  return new InputError(`${file}:${line}:${Number(column) + 1}: template uses "${name}", which the report does not have`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
