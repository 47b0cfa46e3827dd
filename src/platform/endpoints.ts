// The GitHub REST reads a platform bundle holds, as data: which paths `collect github` asks `gh api`
// for, and how a path in a bundle is recognised again. A path is kept exactly as given to `gh api`
// (no leading slash), so a bundle can be replayed and audited against the commands that made it.

export type EndpointKind =
  | 'repository'
  | 'branch-protection'
  | 'branch-rules'
  | 'ruleset'
  | 'actions-permissions'
  | 'workflow-permissions'
  | 'selected-actions'
  | 'environments'
  | 'codeowners-errors';

const segment = '[^/?#]+';
const templates: { kind: EndpointKind; pattern: RegExp }[] = [
  { kind: 'repository', pattern: new RegExp(`^repos/${segment}/${segment}$`) },
  { kind: 'branch-protection', pattern: new RegExp(`^repos/${segment}/${segment}/branches/${segment}/protection$`) },
  { kind: 'branch-rules', pattern: new RegExp(`^repos/${segment}/${segment}/rules/branches/${segment}$`) },
  { kind: 'ruleset', pattern: new RegExp(`^repos/${segment}/${segment}/rulesets/\\d+$`) },
  { kind: 'actions-permissions', pattern: new RegExp(`^repos/${segment}/${segment}/actions/permissions$`) },
  { kind: 'workflow-permissions', pattern: new RegExp(`^repos/${segment}/${segment}/actions/permissions/workflow$`) },
  { kind: 'selected-actions', pattern: new RegExp(`^repos/${segment}/${segment}/actions/permissions/selected-actions$`) },
  { kind: 'environments', pattern: new RegExp(`^repos/${segment}/${segment}/environments(\\?per_page=\\d+)?$`) },
  { kind: 'codeowners-errors', pattern: new RegExp(`^repos/${segment}/${segment}/codeowners/errors$`) },
];

/** What a bundle path reads, or undefined for a path this version does not know. */
export function endpointKind(path: string): EndpointKind | undefined {
  return templates.find((t) => t.pattern.test(path))?.kind;
}

/** "owner/name", checked: the only repository names `collect` accepts. */
export const repositoryPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** A branch name as one path segment: slashes and other reserved characters percent-encoded. */
export const branchSegment = (branch: string): string => encodeURIComponent(branch);

export const repositoryPath = (repo: string): string => `repos/${repo}`;

/** The reads that need only the repository and its branch, in the order they are made. */
export function branchReads(repo: string, branch: string): string[] {
  const b = branchSegment(branch);
  return [
    `repos/${repo}/branches/${b}/protection`,
    `repos/${repo}/rules/branches/${b}`,
    `repos/${repo}/actions/permissions`,
    `repos/${repo}/actions/permissions/workflow`,
    `repos/${repo}/environments?per_page=100`,
    `repos/${repo}/codeowners/errors`,
  ];
}

/**
 * The reads that follow from earlier answers: each ruleset the branch's rules come from (only a
 * ruleset says who may bypass it), and the allowed-actions list when only selected actions run.
 */
export function followUpReads(repo: string, branch: string, body: (path: string) => unknown): string[] {
  const b = branchSegment(branch);
  const rules = body(`repos/${repo}/rules/branches/${b}`);
  const ids = Array.isArray(rules)
    ? [...new Set(rules.map((r) => (r as { ruleset_id?: unknown })?.ruleset_id).filter((id): id is number => Number.isInteger(id)))].sort((x, y) => x - y)
    : [];
  const allowed = (body(`repos/${repo}/actions/permissions`) as { allowed_actions?: unknown } | undefined)?.allowed_actions;
  return [...ids.map((id) => `repos/${repo}/rulesets/${id}`), ...(allowed === 'selected' ? [`repos/${repo}/actions/permissions/selected-actions`] : [])];
}
