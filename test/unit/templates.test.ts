import Handlebars from 'handlebars';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { formatIds, loadFormats } from '../../src/render/formats/index.js';
import { renderTemplates, useCompiler } from '../../src/render/templates.js';
import { repoRoot } from '../helpers/cli.js';

// These sets are not precompiled: the CLI loads the compiler for them (readyTemplates).
useCompiler(Handlebars);

const set = (sources: Record<string, string>) =>
  Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, { source, file: `tpl/${name}.hbs` }]));

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

describe('templates', () => {
  it('renders partials with the view', () => {
    expect(renderTemplates(set({ report: 'A {{> part}}', part: '{{name}}!' }), 'report', { name: 'x' }, {}, false)).toBe('A x!');
  });

  it('names the template, line and variable when a template uses a value the report lacks', () => {
    const templates = set({ report: 'line 1\n{{> part}}', part: 'ok {{name}}\n{{#each items}}\n  {{missingField}}\n{{/each}}' });
    expect(errorOf(() => renderTemplates(templates, 'report', { name: 'x', items: [{ a: 1 }] }, {}, false))).toBe(
      'tpl/part.hbs:3: template uses "missingField", which the report does not have',
    );
  });

  it('also catches a missing middle segment of a dotted path', () => {
    const templates = set({ report: 'x\ny\n{{meta.client.name}}' });
    expect(errorOf(() => renderTemplates(templates, 'report', { meta: {} }, {}, false))).toBe(
      'tpl/report.hbs:3: template uses "meta.client.name", which the report does not have',
    );
  });

  it('escapes HTML only when asked', () => {
    const templates = set({ report: '{{v}}' });
    expect(renderTemplates(templates, 'report', { v: '<b>' }, {}, true)).toBe('&lt;b&gt;');
    expect(renderTemplates(templates, 'report', { v: '<b>' }, {}, false)).toBe('<b>');
  });

  it('registers every format file, under its own id', async () => {
    const files = readdirSync(`${repoRoot}/src/render/formats`).filter(
      (f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f) && !f.endsWith('-view.ts'),
    );
    const formats = await loadFormats();
    expect(formats.length).toBe(files.length);
    expect(formats.map((f) => f.id)).toEqual(formatIds);
  });
});
