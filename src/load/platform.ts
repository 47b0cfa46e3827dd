// Reading a platform bundle (`--platform FILE`, saved by `collect github`): the edge that touches
// disk. Checking it and deriving its signals are pure (src/platform).
import { InputError } from '../errors.js';
import { readUserFile } from '../io/files.js';
import { readPlatformBundle } from '../platform/read-bundle.js';
import { platformEvidence, type PlatformEvidence } from '../platform/signals.js';
import type { PlatformBundle } from '../platform/bundle.js';

export function loadPlatformBundle(file: string): PlatformBundle {
  const read = readPlatformBundle(file, readUserFile(file));
  if (!read.ok) throw new InputError(read.problems);
  return read.bundle;
}

export function loadPlatformEvidence(file: string): PlatformEvidence {
  return platformEvidence(loadPlatformBundle(file));
}
