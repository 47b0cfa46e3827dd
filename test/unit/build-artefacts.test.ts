// The build's precompiled checklist and templates are shortcuts: they must give exactly what
// parsing the sources at run time gives, and must be ignored once the sources change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LoadedChecklist } from '../../src/checklist/model.js';
import { validateChecklist } from '../../src/checklist/validate.js';
import { builtinChecklist, loadTemplates, readCompiledChecklist } from '../../src/io/artefacts.js';
import { assess, loadAnswers, loadChecklist, renderReport } from '../../src/pipeline.js';
import { markdown } from '../../src/render/formats/markdown.js';
import { readyTemplates } from '../../src/render/templates.js';

const text = readFileSync(builtinChecklist, 'utf8');

describe('build artefacts', () => {
  it('the compiled built-in checklist equals the parsed one, and is ignored when the YAML differs', () => {
    const parsed = validateChecklist('policies/ai-coding-rollout.yaml', text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(readCompiledChecklist<LoadedChecklist>('ai-coding-rollout.yaml', text)).toEqual(parsed.checklist);
    expect(readCompiledChecklist('ai-coding-rollout.yaml', `${text}\n# edited\n`)).toBeUndefined();
  });

  it('precompiled templates render exactly what compiling the sources renders', async () => {
    const checklist = await loadChecklist();
    const { report } = assess(checklist, loadAnswers(checklist, 'examples/not-ready.yaml'), '1.0.0');
    const templates = loadTemplates('markdown');
    expect(Object.values(templates).every((t) => t.precompiled !== undefined)).toBe(true);
    // Not precompiled: readyTemplates loads the compiler for them, as the CLI does.
    const fromSource = await readyTemplates(Object.fromEntries(Object.entries(templates).map(([k, t]) => [k, { source: t.source, file: t.file }])));
    expect(markdown.render(report, templates)).toBe(markdown.render(report, fromSource));
    expect(await renderReport(report, 'md')).toBe(markdown.render(report, fromSource));
  });
});
