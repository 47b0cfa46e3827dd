// Template handling shared by the text formats: a private Handlebars environment in strict mode,
// so a template naming a value the report does not have fails loudly instead of printing nothing.
//
// The build precompiles the bundled templates, and running a precompiled template needs only
// Handlebars' small runtime. The compiler (a fifth of the CLI's code, with its parser and
// source-map support) is loaded only for a template the build did not compile: a user's own
// templates folder, or a bundled template edited since the build.
import type Handlebars from 'handlebars';
import Runtime from 'handlebars/runtime';
import { InputError } from '../errors.js';
import type { TemplateSet } from '../io/artefacts.js';
import { escapeRegExp } from '../regexp.js';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type Engine = Pick<typeof Handlebars, 'create'>;
let compiler: typeof Handlebars | undefined;

/** Gives rendering the full Handlebars, for templates that are not precompiled. */
export function useCompiler(handlebars: typeof Handlebars): void {
  compiler = handlebars;
}

/** Loads the template compiler if the set has a template the build did not compile; returns the set. */
export async function readyTemplates(templates: TemplateSet): Promise<TemplateSet> {
  if (!compiler && Object.values(templates).some((t) => t.precompiled === undefined)) useCompiler((await import('handlebars')).default);
  return templates;
}

/**
 * Template sources by name ("report", "failure-modes", ...), as read from a templates folder, with
 * the build's precompiled spec when the source is unchanged since the build.
 */
export type { TemplateSet };

/** The compile options of every template: the build's precompiler starts from them too. */
export function compileOptions(escapeHtml: boolean): CompileOptions {
  return { strict: true, noEscape: !escapeHtml, preventIndent: true };
}

export type Helpers = Record<string, Handlebars.HelperDelegate>;

/** The helpers every template may use, besides Handlebars' own (each, if, unless, with, lookup). */
const sharedHelpers: Helpers = { eq: (a: unknown, b: unknown) => a === b };

/**
 * The bundled templates are precompiled knowing every helper there is, so that a plain {{value}}
 * compiles to a lookup of the value alone, not a search for a helper of that name first: less
 * code to load, and less work for each value rendered. A template of a user's own is compiled with
 * compileOptions alone, so it may still use Handlebars' looser forms (a block over a value).
 */
export function precompileOptions(escapeHtml: boolean): CompileOptions {
  return { ...compileOptions(escapeHtml), knownHelpersOnly: true, knownHelpers: Object.fromEntries(Object.keys(sharedHelpers).map((name) => [name, true])) };
}

export function renderTemplates(templates: TemplateSet, main: string, view: unknown, helpers: Helpers, escape: boolean): string {
  const env = ((compiler ?? Runtime) as Engine).create();
  env.registerHelper({ ...sharedHelpers, ...helpers });
  const compileOne = (name: string) => {
    const t = templates[name];
    if (!t) throw new InputError(`template "${name}" is missing from the templates folder`);
    const fn = t.precompiled ? env.template(t.precompiled as Parameters<typeof env.template>[0]) : compile(env, t.source, compileOptions(escape));
    return { t, fn };
  };
  for (const name of Object.keys(templates).sort()) if (name !== main) env.registerPartial(name, compileOne(name).fn);
  const { t, fn } = compileOne(main);
  try {
    return fn(view);
  } catch (err) {
    throw templateError(err, templates, t.file);
  }
}

function compile(env: ReturnType<Engine['create']>, source: string, options: CompileOptions): Handlebars.TemplateDelegate {
  // readyTemplates loads the compiler before any template that needs it is rendered.
  if (!compiler) throw new Error('a template is not precompiled and the template compiler is not loaded');
  return env.compile(source, options);
}

// Handlebars reports a strict-mode miss as '"name" not defined in [object Object] - 12:4', without
// saying which template (partials are compiled lazily). A missing middle segment of a dotted path
// ("{{a.b.c}}" when "a" is missing) even surfaces as a plain TypeError. Find the template line that
// names the value, so the author gets file, line and variable either way.
function templateError(err: unknown, templates: TemplateSet, mainFile: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  const strictMiss = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  const typeMiss = /Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(message);
  const name = strictMiss?.[1] ?? typeMiss?.[1];
  if (!name) return new InputError(`${mainFile}: ${message.split('\n')[0]}`);
  // Report the whole dotted path the template wrote, not just its last segment.
  const pattern = new RegExp(`${strictMiss ? '(?:[\\w@]+\\.)*' : '[\\w.]+\\.'}${escapeRegExp(name)}\\b`);
  for (const t of Object.values(templates)) {
    const lines = t.source.split('\n');
    const wantLine = strictMiss ? Number(strictMiss[2]) : undefined;
    const index = lines.findIndex((l, i) => (wantLine === undefined || i === wantLine - 1) && /{{/.test(l) && pattern.test(l));
    if (index >= 0) {
      const variable = lines[index]!.match(pattern)![0];
      return new InputError(`${t.file}:${index + 1}: template uses "${variable}", which the report does not have`);
    }
  }
  return new InputError(`${mainFile}: template uses "${name}", which the report does not have`);
}
