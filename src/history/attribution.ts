// Attribution as data: which commits are agent work, and by which tool (policies/attribution.yaml).
// Validated like the checklist: every problem comes back with its file and line, including a
// pattern that does not compile.
import * as z from 'zod';
import { located } from '../yaml/parse-located.js';
import type { Problem } from '../errors.js';
import { parseLocated } from '../yaml/parse-located.js';
import { parseTolerantly } from '../yaml/zod-problems.js';

const pattern = z.string().min(1).max(500);
const source = z.string().min(1);
const Rule = z.union([
  z.strictObject({ author: pattern, source }),
  z.strictObject({ committer: pattern, source }),
  z.strictObject({ trailer: z.strictObject({ key: z.string().regex(/^[A-Za-z0-9-]+$/, 'a trailer key is letters, digits and dashes'), value: pattern }), source }),
  z.strictObject({ message: pattern, source }),
  z.strictObject({ branch: pattern, source }),
  z.strictObject({ login: pattern, source }),
]);

export const AttributionFile = z.strictObject({
  version: z.literal(1),
  tools: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a tool id is lower-case letters, digits and dashes'),
      name: z.string().min(1),
      rules: z.array(Rule).min(1),
    }),
  ),
  fixSubjects: z.array(pattern).optional(),
});
type AttributionFile = z.infer<typeof AttributionFile>;

/** What the analysis needs: compiled matchers, in the order they are tried. */
export interface Attribution {
  tools: { id: string; name: string }[];
  /** Index into `tools` of the tool that made the commit, or -1 for human work. */
  classify(commit: { author: string; committer: string; message: string; trailers: readonly Trailer[] }): number;
  /** Index into `tools` of the tool whose branch a merge commit brought in, or -1. */
  classifyBranch(branch: string): number;
  /** Index into `tools` of the tool whose account opened a pull request, or -1. */
  classifyLogin(login: string): number;
  isFix(subject: string): boolean;
  /** The files the rules came from, for the report. */
  sources: string[];
}

export interface Trailer {
  key: string;
  value: string;
}

interface Compiled {
  tool: number;
  kind: 'author' | 'committer' | 'trailer' | 'message' | 'branch' | 'login';
  key?: string;
  re: RegExp;
}

/** Pure: validates one attribution file; `problems` is empty when it is sound. */
export function validateAttribution(file: string, text: string): { ok: true; data: AttributionFile; compiled: (RegExp | undefined)[][] } | { ok: false; problems: Problem[] } {
  const doc = parseLocated(file, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const { parsed, problems } = parseTolerantly(doc, AttributionFile);
  if (!parsed) return { ok: false, problems };
  const ids = new Map<string, number>();
  parsed.data.tools.forEach((t, i) => {
    if (ids.has(t.id)) problems.push(located(doc, ['tools', i, 'id'], `tool "${t.id}" is listed twice`));
    ids.set(t.id, i);
  });
  if (ids.has('human')) problems.push(located(doc, ['tools', ids.get('human')!, 'id'], '"human" is what unmatched commits are called: pick another id'));
  const compile = (text: string, path: (string | number)[]): RegExp | undefined => {
    try {
      return new RegExp(text, 'i');
    } catch (err) {
      problems.push(located(doc, path, `not a regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`));
      return undefined;
    }
  };
  const compiled = parsed.data.tools.map((t, i) =>
    t.rules.map((r, j) => {
      if ('trailer' in r) return compile(r.trailer.value, ['tools', i, 'rules', j, 'trailer', 'value']);
      const kind = ruleKind(r);
      return compile((r as Record<string, string>)[kind]!, ['tools', i, 'rules', j, kind]);
    }),
  );
  (parsed.data.fixSubjects ?? []).forEach((s, i) => compile(s, ['fixSubjects', i]));
  return problems.length ? { ok: false, problems } : { ok: true, data: parsed.data, compiled };
}

function ruleKind(rule: z.infer<typeof Rule>): Compiled['kind'] {
  return (['author', 'committer', 'trailer', 'message', 'branch', 'login'] as const).find((k) => k in rule)!;
}

/**
 * Pure: combines validated files into one attribution. The user's files come first, so an
 * in-house rule wins over a built-in one; a tool id in both keeps its place and gains the rules.
 */
export function combineAttribution(files: { file: string; data: AttributionFile }[]): Attribution {
  const tools: { id: string; name: string }[] = [];
  const rules: Compiled[] = [];
  const fixes: RegExp[] = [];
  for (const { data } of files) {
    for (const t of data.tools) {
      let index = tools.findIndex((x) => x.id === t.id);
      if (index < 0) index = tools.push({ id: t.id, name: t.name }) - 1;
      for (const r of t.rules) {
        const kind = ruleKind(r);
        if ('trailer' in r) rules.push({ tool: index, kind, key: r.trailer.key.toLowerCase(), re: new RegExp(r.trailer.value, 'i') });
        else rules.push({ tool: index, kind, re: new RegExp((r as Record<string, string>)[kind]!, 'i') });
      }
    }
    for (const s of data.fixSubjects ?? []) fixes.push(new RegExp(s, 'i'));
  }
  const commitRules = rules.filter((r) => r.kind !== 'branch' && r.kind !== 'login');
  const branchRules = rules.filter((r) => r.kind === 'branch');
  const loginRules = rules.filter((r) => r.kind === 'login');
  return {
    tools,
    sources: files.map((f) => f.file),
    classify(c) {
      // Rules are tried in file order; the first that matches decides.
      for (const r of commitRules) {
        if (r.kind === 'author' ? r.re.test(c.author) : r.kind === 'committer' ? r.re.test(c.committer) : r.kind === 'message' ? r.re.test(c.message) : c.trailers.some((t) => t.key === r.key && r.re.test(t.value)))
          return r.tool;
      }
      return -1;
    },
    classifyBranch(branch) {
      return branchRules.find((r) => r.re.test(branch))?.tool ?? -1;
    },
    classifyLogin(login) {
      return loginRules.find((r) => r.re.test(login))?.tool ?? -1;
    },
    isFix: (subject) => fixes.some((re) => re.test(subject)),
  };
}
