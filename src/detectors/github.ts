// GitHub review and governance signals: CODEOWNERS, pull request templates, workflows that
// approve or merge, agent actions and their triggers, branch protection kept as code.
// https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
import picomatch from 'picomatch';
import type { FindingDraft, ParsedFile, ScanContext } from './types.js';
import { agenticSourceFindings, isAgenticSource } from './github/agentic-source.js';
import { localActionPins, withLocalActions } from './github/local-actions.js';
import { citeTriggersAtSource } from './github/lock-source.js';
import { runsAgent, workflowFindings } from './github/workflows.js';
import { settingsAllowList } from './github/read-only-tools.js';
import { turnLimitFindings, untrustedMarkFindings } from './github/prompt-facts.js';
import { obj } from './shared/data.js';
import { parseJsonc } from '../parse-boundary/jsonc.js';
import type { Detector } from './types.js';

const autoMerge =
  /(gh pr merge[^\n]*--auto|gh pr review[^\n]*--approve|hmarr\/auto-approve-action|pascalgn\/automerge-action|reitermarkus\/automerge|enable-pull-request-automerge|enablePullRequestAutoMerge)/;

/** Named people whose pull requests a condition limits the run to (`pull_request.user.login == 'x'`), bots aside. */
function namedAuthors(t: string): string[] {
  const names = [...t.matchAll(/pull_request\.user\.login\s*==\s*'([^']+)'/g)].map((m) => m[1]!);
  // A bot named anywhere else in the file (another job merging Dependabot's) keeps the graver reading.
  const botsNamed = /dependabot|renovate|\[bot\]/i.test(t);
  return names.length && !botsNamed && names.every((n) => !/bot$/i.test(n)) ? [...new Set(names)] : [];
}

function mergeFindings(f: ParsedFile): FindingDraft[] {
  // The workflow's own approving identity (github-actions[bot]) says nothing of whose pull requests it approves.
  const t = f.text.replace(/github-actions\[bot\]/g, '');
  const merges = autoMerge.exec(t);
  if (!merges) return [];
  const people = namedAuthors(t);
  // Limited to named people's pull requests: their own changes skip a second reviewer; no agent's work lands through it.
  if (people.length)
    return [
      {
        id: 'github.auto-merge',
        failureMode: 'FM3',
        severity: 'low',
        kind: 'risk',
        path: f.path,
        line: f.lineOf(autoMerge),
        message: `approves or merges the pull requests of ${people.join(', ')} automatically (${merges[1]!.split(/\s+--/)[0]}): their changes skip a second reviewer`,
        recommendation: 'Keep the exception as narrow as it is (named paths, dismissed when the change grows), or require a person to approve.',
      },
    ];
  const agent = /anthropics\/claude-code-action|openai\/codex-action|run-gemini-cli|copilot|claude|codex|cursor|bot/i.test(t);
  return [
    {
      id: agent ? 'github.auto-merge-agent-prs' : 'github.auto-merge',
      failureMode: 'FM3',
      severity: 'high',
      kind: 'risk',
      path: f.path,
      line: f.lineOf(autoMerge),
      message: `merges or approves pull requests automatically (${merges[1]!.split(/\s+--/)[0]}${/bot|copilot|claude|codex|cursor/i.test(t) ? ', including bot or agent pull requests' : ''}): agent work can land with no person approving it`,
      recommendation: 'Remove automatic approval and merging for agent pull requests; require a human approval in branch protection.',
    },
  ];
}

// The paths whose changes change what agents may do: a named owner should review them.
const controlPaths = [
  '.github/workflows/',
  '.mcp.json',
  '.claude/',
  'CLAUDE.md',
  'AGENTS.md',
  '.github/copilot-instructions.md',
  '.github/agents/',
  '.github/hooks/',
  '.codex/',
  '.cursor/',
  '.gemini/',
  '.vscode/mcp.json',
];

function codeownersFindings(f: ParsedFile, ctx: ScanContext): FindingDraft[] {
  // GitHub takes the last rule that matches a path; a rule with no owners takes ownership away.
  const rules = f.text
    .split('\n')
    .map((l, i) => ({ line: i + 1, parts: l.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean) }))
    .filter((r) => r.parts.length > 0)
    .map((r) => ({ line: r.line, owned: r.parts.length >= 2, matches: ownerMatcher(r.parts[0]!) }));
  const ruleFor = (path: string) => [...rules].reverse().find((r) => r.matches(path));
  const candidates = [...new Set([...ctx.agentConfigPaths, ...ctx.candidatePaths.filter((p) => p.startsWith('.github/workflows/'))])]
    .filter((p) => controlPaths.some((c) => p === c || p.startsWith(c) || p.endsWith(`/${c}`)))
    .sort();
  if (!candidates.length) return [];
  const unowned = candidates.filter((p) => !ruleFor(p)?.owned);
  if (!unowned.length) {
    // Cite the rule that owns most of them: the line a reviewer would point at.
    const owning = new Map<number, number>();
    for (const p of candidates) owning.set(ruleFor(p)!.line, (owning.get(ruleFor(p)!.line) ?? 0) + 1);
    const line = [...owning.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
    return [
      {
        id: 'github.codeowners-agent-paths',
        failureMode: 'FM3',
        severity: 'info',
        kind: 'protective',
        path: f.path,
        line,
        message: `code owners cover all ${candidates.length} agent-control and workflow files`,
      },
    ];
  }
  // A rule without owners that un-owns one of them is the line to fix; otherwise nothing covers it.
  const unowning = unowned.map(ruleFor).find((r) => r !== undefined);
  return [
    {
      id: 'github.codeowners-missing-agent-paths',
      failureMode: 'FM3',
      // The same gap as no CODEOWNERS at all, for these files: hardening, not an opening.
      severity: 'low',
      kind: 'risk',
      path: f.path,
      line: unowning?.line,
      message: `no code owner for ${unowned.length} agent-control or workflow file(s): ${unowned.slice(0, 5).join(', ')}${unowned.length > 5 ? ', …' : ''}${unowning ? ` (line ${unowning.line} names no owner, which takes ownership away)` : ''}`,
      recommendation: 'Add CODEOWNERS entries for workflows and agent configuration so a named owner reviews every change.',
    },
  ];
}

/** CODEOWNERS patterns follow .gitignore rules: unanchored names match at any depth. */
function ownerMatcher(pattern: string): (path: string) => boolean {
  let p = pattern.startsWith('/') ? pattern.slice(1) : pattern.includes('/') && !pattern.endsWith('/') ? pattern : `**/${pattern}`;
  if (p.endsWith('/')) p = `${p}**`;
  const exact = picomatch(p, { dot: true });
  const below = picomatch(`${p.replace(/\/\*\*$/, '')}/**`, { dot: true });
  return (path) => exact(path) || below(path);
}

export const github: Detector = {
  id: 'github',
  name: 'GitHub review and governance',
  docsUrl: 'https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners',
  patterns: [
    '{,.github/,docs/}CODEOWNERS',
    '{,.github/,docs/}{pull_request_template,PULL_REQUEST_TEMPLATE}.md',
    '{,.github/,docs/}PULL_REQUEST_TEMPLATE/*.md',
    '.github/workflows/*.{yml,yaml}',
    // GitHub Agentic Workflows' sources (front matter compiled into NAME.lock.yml).
    '.github/workflows/*.md',
    // The repository's own actions: one that wraps an agent action is read as that agent.
    '.github/actions/**/action.{yml,yaml}',
    '.github/settings.yml',
  ],
  reportsAbsence: true,
  malformedFailsClosed: true,
  inspect(files, ctx) {
    const out: FindingDraft[] = [];
    const actions = new Map(files.filter((f) => /^\.github\/actions\/.*action\.ya?ml$/.test(f.path)).map((f) => [f.path, f]));
    const workflows = new Map(files.filter((f) => /^\.github\/workflows\/.*\.ya?ml$/.test(f.path)).map((f) => [f.path, withLocalActions(f, actions)]));
    // A `claude -p` in CI runs with the project's settings: what they pre-approve, it may use.
    // Read once, and only when a workflow runs `claude -p`.
    let allow: readonly string[] | undefined;
    const claudeProjectAllow = (): readonly string[] => {
      if (allow) return allow;
      const settings = ctx.readText?.('.claude/settings.json');
      const parsed = settings && 'text' in settings ? parseJsonc(settings.text) : undefined;
      return (allow = parsed?.ok ? settingsAllowList(obj(parsed.data)) : []);
    };
    const owners = files.find((f) => /(^|\/)CODEOWNERS$/.test(f.path));
    if (owners) out.push(...codeownersFindings(owners, ctx));
    // An agent's configuration, or a workflow that runs one, is what CODEOWNERS should cover.
    else if (ctx.agentConfigPaths.length || [...workflows.values()].some((w) => runsAgent(w)))
      out.push({
        id: 'github.no-codeowners',
        failureMode: 'FM3',
        // An absent control: the gap is real, but nothing here opens a path to the agent.
        severity: 'low',
        kind: 'risk',
        path: '.github/CODEOWNERS',
        message: 'there is no CODEOWNERS file: nobody is required to review changes to agent configuration',
      });
    for (const f of files) {
      if (/pull_request_template/i.test(f.path))
        out.push(
          /\b(AI|agent|copilot|claude|codex|cursor|generated)\b/i.test(f.text)
            ? {
                id: 'github.pr-template-ai',
                failureMode: 'FM3',
                severity: 'info',
                kind: 'protective',
                path: f.path,
                line: f.lineOf(/\b(AI|agent|generated)\b/i),
                message: 'the pull request template asks about AI or agent involvement',
              }
            : {
                id: 'github.pr-template-no-ai',
                failureMode: 'FM3',
                severity: 'low',
                kind: 'risk',
                path: f.path,
                message: 'the pull request template does not ask whether an agent contributed',
              },
        );
      if (actions.has(f.path)) out.push(...localActionPins(f));
      if (workflows.has(f.path)) out.push(...mergeFindings(f), ...workflowFindings(workflows.get(f.path)!, workflows, claudeProjectAllow));
      if ((workflows.has(f.path) && runsAgent(workflows.get(f.path))) || isAgenticSource(f))
        out.push(...untrustedMarkFindings(f, ctx.readText), ...turnLimitFindings(f));
      if (isAgenticSource(f)) out.push(...agenticSourceFindings(f));
      if (f.path === '.github/settings.yml' && /branches:|required_pull_request_reviews|rulesets?:/.test(f.text))
        out.push({
          id: 'github.branch-protection-as-code',
          failureMode: 'FM3',
          severity: 'info',
          kind: 'protective',
          path: f.path,
          line: f.lineOf(/required_pull_request_reviews|branches:/),
          message: 'branch protection is kept as code',
        });
    }
    return citeTriggersAtSource(out, new Map(files.map((f) => [f.path, f])));
  },
  notObservable: [
    {
      id: 'github.branch-protection',
      failureMode: 'FM3',
      message: 'Branch protection rules and rulesets are GitHub settings: whether agent pull requests need an approval cannot be seen in the files.',
    },
    { id: 'github.actions-approve', failureMode: 'FM3', message: 'Whether GitHub Actions may approve pull requests is a repository setting.' },
  ],
};
