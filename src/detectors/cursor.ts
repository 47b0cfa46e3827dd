// Cursor: https://docs.cursor.com/context/rules
import type { FindingDraft, ParsedFile } from './types.js';
import { keys, obj, strings } from './shared/data.js';
import { instructionFindings } from './shared/instructions.js';
import { mcpFindings } from './shared/mcp.js';
import type { Detector } from './types.js';

const broadShell = /^Shell\((bash|sh|zsh|curl|wget|python|python3|node|npx|\*)\)$|^Write\(\*\*\)$/;

function cliFindings(f: ParsedFile): FindingDraft[] {
  const p = obj(obj(f.data).permissions);
  const out: FindingDraft[] = [];
  // One decision, one finding: every broad grant named, cited at the first.
  const broad = strings(p.allow).filter((rule) => broadShell.test(rule));
  if (broad.length)
    out.push({
      id: 'cursor.broad-allow',
      failureMode: 'FM4',
      severity: 'high',
      kind: 'risk',
      path: f.path,
      line: f.lineOf(broad[0]!),
      message: `CLI permissions allow ${broad.map((r) => `"${r}"`).join(', ')}: ${broad.length > 1 ? 'broad grants' : 'a broad grant'}`,
    });
  if (strings(p.deny).some((r) => /Read\(.*(\.env|secret|key)/i.test(r)))
    out.push({
      id: 'cursor.secret-deny',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: f.lineOf('deny'),
      message: 'CLI permissions deny reading secrets',
    });
  return out;
}

function hookFindings(f: ParsedFile): FindingDraft[] {
  const hooks = obj(obj(f.data).hooks);
  const events = keys(hooks);
  const open = events.filter((e) => /^before/.test(e) && (Array.isArray(hooks[e]) ? (hooks[e] as unknown[]) : []).some((h) => obj(h).failClosed !== true));
  return [
    { id: 'cursor.hooks', failureMode: 'FM1', severity: 'info', kind: 'protective', path: f.path, message: `hooks run on ${events.join(', ') || 'no event'}` },
    ...open.map((e) => ({
      id: 'cursor.hook-fails-open',
      failureMode: 'FM1' as const,
      severity: 'medium' as const,
      kind: 'risk' as const,
      path: f.path,
      line: f.lineOf(e),
      message: `the ${e} hook lets actions through when it fails (failClosed is not true)`,
    })),
  ];
}

export const cursor: Detector = {
  id: 'cursor',
  name: 'Cursor',
  docsUrl: 'https://docs.cursor.com/context/rules',
  patterns: ['**/.cursor/rules/**/*.{md,mdc}', '.cursorrules', '.cursor/mcp.json', '.cursor/cli.json', '.cursor/hooks.json', '.cursor/environment.json'],
  inspect(files, ctx) {
    const enforced = files.some((f) => f.path === '.cursor/hooks.json' || f.path === '.cursor/cli.json');
    // Rules that apply by path (globs in their front matter) are standards, not a wall of text.
    const scoped = files.filter((f) => /\.cursor\/rules\//.test(f.path) && obj(f.data).globs !== undefined);
    const shared: FindingDraft[] = scoped.length
      ? [
          {
            id: 'cursor.scoped-rules',
            failureMode: 'FM5',
            severity: 'info',
            kind: 'protective',
            path: scoped[0]!.path,
            message: `${scoped.length} Cursor rule(s) scoped to paths with globs: shared standards where they apply`,
          },
        ]
      : [];
    return [
      ...shared,
      ...files.flatMap((f) => {
        if (f.path === '.cursor/mcp.json') return mcpFindings('cursor', f, obj(f.data).mcpServers);
        if (f.path === '.cursor/cli.json') return cliFindings(f);
        if (f.path === '.cursor/hooks.json') return hookFindings(f);
        if (f.path === '.cursor/environment.json')
          return [
            {
              id: 'cursor.cloud-agents',
              failureMode: 'FM4' as const,
              // Whether their egress is limited is a Cursor dashboard setting no file shows: said,
              // and listed as not observable, never held against an answer.
              severity: 'info' as const,
              kind: 'fact' as const,
              path: f.path,
              message:
                'background (cloud) agents are set up: they run in a VM and auto-run commands; whether their network egress is limited is a Cursor setting, not visible here',
            },
          ];
        return instructionFindings('cursor', f, ctx, enforced);
      }),
    ];
  },
  notObservable: [
    {
      id: 'cursor.cloud-network',
      failureMode: 'FM4',
      message: "Cloud agents' network access and team rules are set in Cursor's dashboard, not in the repository.",
    },
  ],
};
