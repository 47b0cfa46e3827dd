// `--answers` as given: files, folders (their *.yaml and *.yml) and quoted globs, expanded to a
// sorted list of files. And the checks that only make sense across files: one checklist, each
// respondent once. The edge: it reads the folder listings.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LoadedChecklist } from '../checklist/model.js';
import type { Answers } from '../answers/model.js';
import { InputError } from '../errors.js';

export async function expandAnswers(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?[]/.test(input) && !existsSync(input)) {
      const dir = dirname(input);
      // The glob matcher is loaded only for a glob: most runs name their files.
      const { default: picomatch } = await import('picomatch');
      const match = picomatch(basename(input));
      const found = existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => match(f))
            .sort()
        : [];
      if (!found.length) throw new InputError(`${input}: no answers file matches`);
      files.push(...found.map((f) => join(dir, f)));
    } else if (existsSync(input) && statSync(input).isDirectory()) {
      const found = readdirSync(input)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
      if (!found.length) throw new InputError(`${input}: a folder with no answers files (*.yaml) in it`);
      files.push(...found.map((f) => join(input, f)));
    } else files.push(input);
  }
  return [...new Set(files)];
}

/** One assessment, one checklist: files for another checklist or an unreadable version name both. */
export function checkSameChecklist(checklist: LoadedChecklist, loaded: Answers[]): void {
  const accepted = new Set([checklist.version, ...(checklist.compatible ?? [])]);
  const first = loaded[0]!;
  for (const a of loaded.slice(1)) {
    const sameId = a.checklist.id === first.checklist.id;
    if (!sameId || (a.checklist.version !== first.checklist.version && !(accepted.has(a.checklist.version) && accepted.has(first.checklist.version))))
      throw new InputError(
        `${first.source} is for checklist ${first.checklist.id} ${first.checklist.version} and ${a.source} for ${a.checklist.id} ${a.checklist.version}: every answers file of one assessment must be for the same checklist`,
      );
  }
  const seen = new Map<string, string>();
  for (const a of loaded) {
    const name = (a.respondent?.name ?? a.source).trim().toLowerCase();
    if (seen.has(name))
      throw new InputError(`${seen.get(name)} and ${a.source} are both from respondent "${a.respondent?.name ?? a.source}": each person answers once`);
    seen.set(name, a.source);
  }
}
