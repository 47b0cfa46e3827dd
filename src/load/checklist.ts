// Loads a checklist: the build's validated copy of the built-in one when its text is unchanged,
// otherwise the YAML parsed and validated. The validator (the checklist schema, its rules, the
// YAML parser) is loaded only in the second case, so `explain` or `assess` with the built-in
// checklist never pay for it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readUserFile } from '../io/files.js';
import { builtinChecklist, readCompiledChecklist } from '../io/artefacts.js';
import type { LoadedChecklist } from '../checklist/model.js';

export async function loadChecklist(file?: string, overlayFiles: string[] = []): Promise<LoadedChecklist> {
  const source = file ?? 'policies/ai-coding-rollout.yaml';
  if (file === undefined && !overlayFiles.length) {
    // The package's own file, read plainly: any bytes but the ones the build compiled (a byte
    // order mark, bytes that are not UTF-8, an edit) take the checked path below.
    const compiled = readCompiledChecklist<LoadedChecklist>(basename(builtinChecklist), readFileSync(builtinChecklist));
    if (compiled) return { ...compiled, source };
  }
  const text = readUserFile(file ?? builtinChecklist);
  const overlays = overlayFiles.map((f) => ({ file: f, text: readUserFile(f) }));
  const { validateChecklist } = await import('../checklist/validate.js');
  const result = validateChecklist(source, text, overlays);
  if (!result.ok) throw new InputError(result.problems);
  return result.checklist;
}
