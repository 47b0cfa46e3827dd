// What a portfolio needs from one saved result, read fast: JSON.parse, then a check of only the
// fields used (the full result schema would cost more than the parse itself on 10,000 files):
// quick-fields.ts for a sound result, zod (summary-schema.ts) to word what is wrong with another. Pure.
import { reportSchemaVersion } from '../versions.js';
import { quickResultFields } from './quick-fields.js';
import { checkResultFields } from './summary-schema.js';

export interface Summary {
  file: string;
  team: string;
  date: string | null;
  checklist: { id: string; version: string; title: string };
  verdict: 'tighten' | 'pilot' | 'scale';
  score: number | null;
  coverage: number | null;
  /** Percent of the weight in scope the evidence corroborates; null before results carried it. */
  corroborated: number | null;
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
  // zod is asked only when the quick check cannot vouch for the result: it alone words a problem.
  let r = quickResultFields(data);
  if (!r) {
    const checked = checkResultFields(data);
    if (!checked.ok) return { ok: false, reason: `not a rollout-check result: ${checked.problem}` };
    r = checked.fields;
  }
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
      corroborated: r.overall.evidence?.corroborated ?? null,
      unknown: r.overall.unknown,
      failureModes: r.failureModes.map((f) => ({ id: one(f.id), title: one(f.title), score: f.score, high: f.high })),
      steps: r.nextSteps.map((s) => ({ id: one(s.id), text: one(s.text) })),
    },
  };
}
