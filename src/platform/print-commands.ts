// Pure: the `gh api` reads of `collect github`, as a POSIX shell script for someone who has to run
// them on another machine. Each read is saved with its path on the first line, so that
// `collect github OWNER/REPO --from DIR` makes the same bundle a live run makes. Read-only: every
// command is a GET. Reads that depend on an earlier answer (the default branch, the rulesets the
// branch's rules come from, the allowed-actions list) use gh's built-in --jq.
import { branchReads, branchSegment, repositoryPath } from './endpoints.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function printCommands(repo: string, branch: string | undefined, dir: string): string {
  const r = repositoryPath(repo);
  const b = branch === undefined ? '$b' : branchSegment(branch);
  // With a variable in it, a path is double-quoted so the shell expands it; otherwise single.
  const pathArg = (p: string) => (p.includes('$') ? `"${p}"` : quote(p));
  let n = 0;
  const save = (p: string, file?: string) =>
    `{ printf '%s\\n' ${pathArg(p)}; gh api --include ${pathArg(p)}; } > "$d/${file ?? String(++n).padStart(2, '0')}.http"`;
  const lines = [
    `# rollout-check collect github ${repo}: GitHub API reads (GET only, nothing is changed).`,
    '# Run where `gh` is signed in with access to the repository, then bring the folder back and run:',
    `#   rollout-check collect github ${repo}${branch === undefined ? '' : ` --branch ${quote(branch)}`} --from ${quote(dir)} --out platform.json`,
    'set -u',
    `d=${quote(dir)}`,
    'mkdir -p "$d"',
    save(r),
  ];
  if (branch === undefined) lines.push(`b=$(gh api ${quote(r)} --jq '.default_branch | @uri')`);
  for (const p of branchReads(repo, 'BRANCH')) lines.push(save(p.replace(branchSegment('BRANCH'), b)));
  lines.push(
    `for id in $(gh api ${pathArg(`repos/${repo}/rules/branches/${b}`)} --jq '[.[].ruleset_id | select(. != null)] | unique | .[]'); do`,
    `  ${save(`repos/${repo}/rulesets/$id`, 'ruleset-$id')}`,
    'done',
    `if [ "$(gh api ${quote(`repos/${repo}/actions/permissions`)} --jq .allowed_actions)" = selected ]; then`,
    `  ${save(`repos/${repo}/actions/permissions/selected-actions`, 'selected-actions')}`,
    'fi',
  );
  return `${lines.join('\n')}\n`;
}
