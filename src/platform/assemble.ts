// Pure: GitHub's answers, keyed by the path asked for, into a bundle. The bundle's date is when
// GitHub answered the repository read (its Date header): a fact of the collection, not our clock.
import { platformSchemaVersion, type PlatformBundle } from './bundle.js';
import type { HttpAnswer } from './http-response.js';
import { repositoryPath } from './endpoints.js';

export function assembleBundle(repository: string, branch: string | null, answers: ReadonlyMap<string, HttpAnswer>): PlatformBundle {
  const paths = [...answers.keys()].sort();
  return {
    schemaVersion: platformSchemaVersion,
    source: 'github',
    repository,
    branch,
    collectedAt: answers.get(repositoryPath(repository))?.date ?? paths.map((p) => answers.get(p)!.date).find((d) => d) ?? null,
    responses: Object.fromEntries(paths.map((p) => [p, { status: answers.get(p)!.status, body: answers.get(p)!.body }])),
  };
}
