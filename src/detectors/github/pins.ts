// Whether an action is taken at a fixed commit: a tag or a branch can be moved by its owner, and
// whatever is pushed there next runs with the job's token and secrets.
import type { FindingDraft } from '../types.js';

const fullSha = /^[0-9a-f]{40}$/;

/** The pin of `repo@ref`, at `line` of `path`: credited at a full SHA, a risk otherwise (a branch graver than a tag). */
export function pinFinding(path: string, repo: string, ref: string, line: number | undefined, writes: string[]): FindingDraft {
  if (fullSha.test(ref))
    return {
      id: 'github.action-pinned',
      failureMode: 'FM2',
      severity: 'info',
      kind: 'protective',
      path,
      line,
      message: `${repo} is pinned to a full commit SHA`,
    };
  const tag = /^v?\d+(\.\d+)*$/.test(ref);
  return {
    id: 'github.action-unpinned',
    failureMode: 'FM2',
    severity: tag ? 'low' : 'medium',
    kind: 'risk',
    path,
    line,
    message: `${repo} is taken from ${tag ? `the tag @${ref}, which its owner can move` : `the moving branch @${ref}`}${writes.length ? ` in a job that can write ${writes.join(', ')}` : ''}: whatever is pushed there next runs with this job's token and secrets`,
    recommendation: `Pin ${repo} to a full commit SHA (uses: ${repo}@<40-character SHA> # ${tag ? ref : 'vX.Y.Z'}) and update it through reviewed pull requests.`,
  };
}

/** owner/repo and ref of a `uses:` that names another repository's action; not a local one (./) or a container (docker://). */
export function actionRef(uses: string): { repo: string; ref: string } | undefined {
  const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:\/[^@\s]*)?@(\S+)$/.exec(uses.trim());
  return m ? { repo: m[1]!, ref: m[2]! } : undefined;
}
