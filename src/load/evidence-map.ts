// Reading a checklist's evidence map: the build's validated copy when it still matches, the
// source validated against the checklist otherwise. The edge: it reads policies/evidence.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedChecklist } from '../checklist/model.js';
import { InputError } from '../errors.js';
import { readUserFile } from '../io/files.js';
import { packageRoot, readCompiledEvidenceMap } from '../io/artefacts.js';
import { validateEvidenceMap, type EvidenceMap } from '../checklist/evidence-map.js';

/**
 * The evidence map of a checklist: policies/evidence/<checklist id>.yaml, validated against the
 * checklist. Undefined when the checklist has none: the evidence is then reported but proposes
 * and disputes nothing.
 */
export function loadEvidenceMap(checklist: LoadedChecklist): EvidenceMap | undefined {
  const mapFile = join(packageRoot, 'policies', 'evidence', `${checklist.id}.yaml`);
  if (!existsSync(mapFile)) return undefined;
  const text = readUserFile(mapFile);
  // Validated by the build for the built-in checklist; overlays change the checklist, so not then.
  const compiled = checklist.overlays.length ? undefined : readCompiledEvidenceMap<EvidenceMap>(checklist.id, checklist.hash, text);
  if (compiled) return compiled;
  const result = validateEvidenceMap(`policies/evidence/${checklist.id}.yaml`, text, checklist);
  if (!result.ok) throw new InputError(result.problems);
  return result.map;
}

/**
 * The evidence map an answers text needs: it is only used to check acknowledgements, so a file
 * without any never loads it (and a run without --scan does not depend on the map fitting a
 * customised checklist).
 */
export function evidenceMapFor(checklist: LoadedChecklist, answersText: string): EvidenceMap | undefined {
  return /\backnowledge\b/.test(answersText) ? loadEvidenceMap(checklist) : undefined;
}
