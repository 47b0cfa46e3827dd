// Cursor: https://docs.cursor.com/context/rules
import { dockerfileFindings, environmentDockerfile, environmentFindings } from './cursor/environment.js';
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

const cursorFiles = [
  '**/.cursor/rules/**/*.{md,mdc}',
  '.cursorrules',
  '.cursor/mcp.json',
  '.cursor/cli.json',
  '.cursor/hooks.json',
  '.cursor/environment.json',
];

export const cursor: Detector = {
  id: 'cursor',
  name: 'Cursor',
  docsUrl: 'https://docs.cursor.com/context/rules',
  patterns: [...cursorFiles, '.cursor/Dockerfile'],
  // The image a cloud agent is built from is read only beside environment.json that names it.
  markers: cursorFiles,
  inspect(files, ctx) {
    const environment = files.find((x) => x.path === '.cursor/environment.json');
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
        if (f.path === '.cursor/environment.json') return environmentFindings(f);
        if (f.path === '.cursor/Dockerfile') return environment && f.path === environmentDockerfile(environment) ? dockerfileFindings(f) : [];
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
