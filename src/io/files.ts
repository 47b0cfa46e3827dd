// The only place that reads and writes user files. Writes are atomic: a temp file beside the
// target, then a rename, so a crash never leaves a half-written report or answers file.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import type { TemplateSet } from '../render/templates.js';

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
  return set;
}

export function readPackageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
