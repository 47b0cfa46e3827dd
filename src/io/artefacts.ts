// The build's own artefacts, found beside the package: the built-in policies, the validated copies
// the build keeps of them (used only when made from exactly the text read), and the templates,
// precompiled where unchanged. Apart from files.ts, which reads and writes the user's files.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readUserFile } from './files.js';
import { packageRoot, readPackageVersion } from './package.js';

export { packageRoot, readPackageVersion };
export const builtinChecklist = join(packageRoot, 'policies', 'ai-coding-rollout.yaml');
export const builtinAttribution = join(packageRoot, 'policies', 'attribution.yaml');

/** Where the build puts a validated copy of a built-in checklist. */
export const compiledChecklistPath = (yamlName: string): string => join(packageRoot, 'dist', 'policies', `${yamlName.replace(/\.yaml$/, '')}.json`);
/** Where the build puts a checklist's validated evidence map. */
export const compiledEvidenceMapPath = (checklistId: string): string => join(packageRoot, 'dist', 'policies', `evidence-${checklistId}.json`);

/**
 * The build's validated evidence map, when it was made from exactly this text for exactly this
 * checklist; otherwise undefined and the caller validates the YAML itself.
 */
export function readCompiledEvidenceMap<T>(checklistId: string, checklistHash: string, text: string): T | undefined {
  const compiled = compiledFrom<{ checklist: string; map: T }>(compiledEvidenceMapPath(checklistId), text);
  return compiled?.checklist === checklistHash ? compiled.map : undefined;
}

/** Where the build puts its validated copy of the built-in attribution rules. */
export const compiledAttributionPath = join(packageRoot, 'dist', 'policies', 'attribution.json');

/** The build's validated attribution data, when made from exactly this text; otherwise undefined. */
export function readCompiledAttribution<T>(text: string): T | undefined {
  return compiledFrom<{ data: T }>(compiledAttributionPath, text)?.data;
}

/** Where the build puts the precompiled templates of one format. */
export const compiledTemplatesPath = (folder: string): string => join(packageRoot, 'dist', 'templates', `${folder}.cjs`);

/**
 * The build's validated copy of a checklist, when it was made from exactly this source; otherwise
 * undefined and the caller parses the YAML itself.
 */
export function readCompiledChecklist<T extends { hash: string }>(yamlName: string, source: string | Uint8Array): T | undefined {
  return compiledFrom<{ checklist: T }>(compiledChecklistPath(yamlName), source)?.checklist;
}

/** Where the build keeps the source an artefact was made from, byte for byte. */
export const compiledSourcePath = (artefact: string): string => `${artefact}.source`;

/**
 * One of the build's JSON copies, when it was made from exactly this source (the build keeps a copy
 * of it beside the artefact); undefined when it was not, or is missing or unreadable. Bytes are
 * compared rather than hashed, so a short run never loads the hashing code, and rather than texts,
 * so it never decodes either copy.
 */
function compiledFrom<T>(path: string, source: string | Uint8Array): T | undefined {
  try {
    const made = readFileSync(compiledSourcePath(path));
    if (!made.equals(typeof source === 'string' ? Buffer.from(source, 'utf8') : source)) return undefined;
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function readCompiledTemplates(folder: string): Record<string, { source: string; spec: unknown }> {
  try {
    // In the built CLI `require` is the chunk loader of bin/rollout-check.cjs, which reads the
    // code cache the build primed for these files too; elsewhere (tests) it is Node's.
    const load = typeof require === 'function' ? require : createRequire(import.meta.url);
    return load(compiledTemplatesPath(folder)) as Record<string, { source: string; spec: unknown }>;
  } catch {
    return {};
  }
}

/** A format's templates as read: source and file, and the build's compiled form when unchanged. */
export type TemplateSet = Record<string, { source: string; file: string; precompiled?: unknown }>;

/**
 * Reads the templates of one format: the built-in ones, each replaced by a file of the same name
 * in `overrideDir/<format>/` when given.
 */
export function loadTemplates(format: string, overrideDir?: string): TemplateSet {
  const set: TemplateSet = {};
  const addFrom = (dir: string) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.hbs')) set[name.slice(0, -4)] = { file: join(dir, name), source: readUserFile(join(dir, name)) };
  };
  addFrom(join(packageRoot, 'templates', format));
  if (overrideDir) {
    if (!existsSync(overrideDir)) throw new InputError(`${overrideDir}: templates folder does not exist`);
    addFrom(join(overrideDir, format));
  }
  // Use the build's compiled form of any template whose source is unchanged.
  const compiled = readCompiledTemplates(format);
  for (const [name, t] of Object.entries(set)) {
    const c = compiled[name];
    if (c && c.source === t.source) t.precompiled = c.spec;
  }
  return set;
}
