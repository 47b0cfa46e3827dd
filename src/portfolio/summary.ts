// What a portfolio needs from one saved result, read fast: JSON.parse, then a small schema over
// only the fields used (the full result schema would cost more than the parse itself on 10,000
// files). Pure.
import * as z from '../zod-mini.js';
import { reportSchemaVersion } from '../report/versions.js';

const score = z.nullable(z.number());
const text = z.nullable(z.string());
export const ResultSummary = z.object({
  schemaVersion: z.string(),
  checklist: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  metadata: z.object({ organization: text, team: text, client: text, date: text }),
  verdict: z.object({ id: z.enum(['tighten', 'pilot', 'scale']) }),
  overall: z.object({ score, coverage: score, answered: z.number(), applicable: z.number(), unknown: z.number() }),
  failureModes: z.array(z.object({ id: z.string(), title: z.string(), score, high: z.number() })).check(z.length(7)),
  nextSteps: z.array(z.object({ id: z.string(), text: z.string() })),
});

export interface Summary {
  file: string;
  team: string;
  date: string | null;
  checklist: { id: string; version: string; title: string };
  verdict: 'tighten' | 'pilot' | 'scale';
  score: number | null;
  coverage: number | null;
  unknown: number;
  failureModes: { id: string; title: string; score: number | null; high: number }[];
  steps: { id: string; text: string }[];
}

export type Read = { ok: true; summary: Summary } | { ok: false; reason: string };

/**
 * `intern` keeps one copy of the strings every result repeats (titles, step texts): 10,000 teams
 * then hold 10,000 small summaries, not 10,000 copies of the checklist's prose.
 */
export function summariseResult(file: string, text: string, intern: Map<string, string> = new Map()): Read {
  const one = (s: string) => intern.get(s) ?? (intern.set(s, s), s);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'string') return { ok: false, reason: 'not a rollout-check result (no schemaVersion)' };
  if (version.split('.')[0] !== reportSchemaVersion.split('.')[0])
    return { ok: false, reason: `result schema ${version}, this version reads ${reportSchemaVersion.split('.')[0]}.x: assess its answers again` };
  const parsed = z.safeParse(ResultSummary, data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `not a rollout-check result: ${issue.path.join('.') || 'top level'}: ${issue.message}` };
  }
  const r = parsed.data;
  const m = r.metadata;
  const name = [m.organization ?? m.client, m.team].filter(Boolean).join(' / ');
  return {
    ok: true,
    summary: {
      file,
      team: name || file.replace(/\.json$/, ''),
      date: m.date,
      checklist: { id: one(r.checklist.id), version: one(r.checklist.version), title: one(r.checklist.title) },
      verdict: r.verdict.id,
      score: r.overall.score,
      coverage: r.overall.coverage,
      unknown: r.overall.unknown,
      failureModes: r.failureModes.map((f) => ({ id: one(f.id), title: one(f.title), score: f.score, high: f.high })),
      steps: r.nextSteps.map((s) => ({ id: one(s.id), text: one(s.text) })),
    },
  };
}
