// The checklist after validation: scales resolved, yes/no defaults filled in, every optional
// field given its default, so later stages never re-derive them.
import type { AppliedOverlay } from './applied-overlay.js';
import type { Band, Characteristic, Checklist, Condition, FailureModeId, Obligation, PreScaleQuestion, Recommendation, RiskLevel } from './schema.js';

export interface ResolvedChoice {
  id: string;
  label: string;
  score: number;
  risk: RiskLevel;
  exclusive: boolean;
  weight: number;
}

export interface ResolvedQuestion {
  id: string;
  index: number;
  context: boolean;
  failureModes: { id: FailureModeId; weight: number }[];
  text: string;
  why: string;
  help?: string;
  type: 'single' | 'multi' | 'yesno' | 'number';
  choices: ResolvedChoice[];
  bands: (Band & { score: number; risk: RiskLevel })[];
  unit?: string;
  /** Undefined for context questions only. */
  obligation?: Obligation;
  /** Musts only: the stage they are needed for (pilot unless the checklist says scale). */
  stage?: 'pilot' | 'scale';
  stageWhy?: string;
  metAt: number;
  when?: Condition;
  whenLabel?: string;
  naAllowed: boolean;
  quick: boolean;
  recommendations: Recommendation[];
  references: { airmf: string[]; ai600: string[]; owaspAgentic: { id: string; reason: string }[] };
  /** Set when an overlay takes the question out of this assessment: the reason. */
  ignored?: string;
}

export interface LoadedChecklist extends Omit<Checklist, 'questions' | 'scales'> {
  questions: ResolvedQuestion[];
  preScale: PreScaleQuestion[];
  characteristics: Characteristic[];
  /** sha256 of the checklist file's bytes, for provenance. */
  hash: string;
  /** Where it was read from, as the user named it. */
  source: string;
  /** Client overlays applied on top of the checklist, in order. */
  overlays: AppliedOverlay[];
}

export function resolveQuestions(c: Checklist): ResolvedQuestion[] {
  return c.questions.map((q, index) => {
    const base = q.scale ? (c.scales?.[q.scale] ?? []) : (q.choices ?? []);
    const noRisk = q.obligation === 'must' ? 'high' : 'medium';
    const raw =
      q.type === 'yesno' && !q.choices
        ? [
            { id: 'yes', label: 'Yes', score: 1, risk: 'none' as const },
            { id: 'no', label: 'No', score: 0, risk: noRisk as RiskLevel },
          ]
        : base;
    return {
      id: q.id,
      index,
      context: q.context ?? false,
      failureModes: q.failureModes ?? [],
      text: q.text,
      why: q.why,
      help: q.help,
      type: q.type,
      choices: raw.map((ch) => ({
        id: ch.id,
        label: ch.label,
        score: ch.score ?? 0,
        risk: ch.risk ?? 'none',
        exclusive: 'exclusive' in ch ? (ch.exclusive ?? false) : false,
        weight: 'weight' in ch ? (ch.weight ?? 1) : 1,
      })),
      bands: (q.bands ?? []).map((b) => ({ ...b, score: b.score ?? 0, risk: b.risk ?? 'none' })),
      unit: q.unit,
      obligation: q.context ? undefined : (q.obligation ?? 'should'),
      stage: !q.context && q.obligation === 'must' ? (q.stage ?? 'pilot') : undefined,
      stageWhy: q.stageWhy,
      metAt: q.metAt ?? c.scoring.metAt,
      when: q.when,
      whenLabel: q.whenLabel,
      naAllowed: q.naAllowed ?? false,
      quick: q.quick ?? false,
      recommendations: q.recommendations ?? [],
      references: { airmf: q.references?.airmf ?? [], ai600: q.references?.ai600 ?? [], owaspAgentic: q.references?.owaspAgentic ?? [] },
    };
  });
}
