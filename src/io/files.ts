// The only place that reads and writes user files. Writes are atomic: a temp file beside the
// target, then a rename, so a crash never leaves a half-written report or answers file.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import type { TemplateSet } from '../render/templates.js';
import { hashText } from '../hash.js';

export function readUserFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
    throw new InputError(`${file}: cannot read: ${why}`);
  }
}

export function writeFileAtomic(file: string, content: string | Buffer): void {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new InputError(`${file}: cannot write: folder ${dir} does not exist`);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof InputError) throw err;
    throw new InputError(`${file}: cannot write: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The folder this package is installed in (holds policies/ and templates/). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const builtinChecklist = join(packageRoot, 'policies', 'ai-coding-rollout.yaml');

/** Where the build puts a validated copy of a built-in checklist. */
export const compiledChecklistPath = (yamlName: string): string => join(packageRoot, 'dist', 'policies', `${yamlName.replace(/\.yaml$/, '')}.json`);
/** Where the build puts the precompiled templates of one format. */
export const compiledTemplatesPath = (folder: string): string => join(packageRoot, 'dist', 'templates', `${folder}.cjs`);

/**
 * The build's validated copy of a checklist, when it was made from exactly this text; otherwise
 * undefined and the caller parses the YAML itself.
 */
export function readCompiledChecklist<T extends { hash: string }>(yamlName: string, text: string): T | undefined {
  try {
    const compiled = JSON.parse(readFileSync(compiledChecklistPath(yamlName), 'utf8')) as T;
    return compiled.hash === hashText(text) ? compiled : undefined;
  } catch {
    return undefined;
  }
}

function readCompiledTemplates(folder: string): Record<string, { sha256: string; spec: unknown }> {
  try {
    return createRequire(import.meta.url)(compiledTemplatesPath(folder)) as Record<string, { sha256: string; spec: unknown }>;
  } catch {
    return {};
  }
}

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
    if (c && c.sha256 === hashText(t.source)) t.precompiled = c.spec;
  }
  return set;
}

export function readPackageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
