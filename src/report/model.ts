// The report: everything any format needs, already sorted and labelled. It is also the saved
// result (JSON), so it must be self-contained and every field explicit (null, never missing).
import type { FailureModeId, Level, Obligation, RiskLevel } from '../checklist/schema.js';
import type { QuestionStatus } from '../scoring/question.js';
import type { CharacteristicStatus, PreScaleStatus } from '../scoring/readiness.js';
import type { VerdictId } from '../scoring/verdict.js';

export const reportSchemaVersion = '1.0.0';

export interface ReportQuestion {
  id: string;
  text: string;
  why: string;
  context: boolean;
  failureModes: { id: FailureModeId; weight: number }[];
  obligation: Obligation | null;
  status: QuestionStatus;
  /** Human-readable answer: chosen labels, "Unknown", "N/A", or "Not asked". */
  answer: string;
  /** Raw answer value as given (choice ids, number), for machine readers. */
  value: string[] | number | null;
  score: number | null;
  risk: RiskLevel | null;
  met: boolean | null;
  note: string | null;
  evidence: string[];
  naReason: string | null;
  notAskedReason: string | null;
  references: { airmf: string[]; ai600: string[] };
}

export interface ReportFailureMode {
  id: FailureModeId;
  title: string;
  description: string;
  score: number | null;
  points: number;
  answeredMax: number;
  maxAchievable: number;
  totalMax: number;
  high: number;
  medium: number;
  low: number;
  answered: number;
  applicable: number;
  coverage: number | null;
  na: number;
  notAsked: number;
  unmetMusts: string[];
  unknownMusts: string[];
}

export interface ReportStep {
  id: string;
  text: string;
  effort: Level;
  impact: Level;
  obligation: Obligation;
  risk: RiskLevel;
  questions: string[];
  failureModes: FailureModeId[];
  after: string[];
  links: { title: string; url: string }[];
  phase: 30 | 60 | 90;
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  checklist: { id: string; version: string; title: string; sha256: string };
  answers: { file: string; sha256: string };
  metadata: {
    organization: string | null;
    team: string | null;
    assessor: string | null;
    date: string | null;
    client: string | null;
    engagement: string | null;
  };
  scope: { partial: boolean; quick: boolean; failureModes: FailureModeId[] | null };
  verdict: { id: VerdictId; title: string; description: string; reasons: string[] };
  overall: { score: number | null; answered: number; applicable: number; coverage: number | null; unknown: number };
  failureModes: ReportFailureMode[];
  questions: ReportQuestion[];
  nextSteps: ReportStep[];
  preScale: { id: string; text: string; status: PreScaleStatus; fuzzyBecause: string[] }[];
  characteristics: { id: string; title: string; description: string; status: CharacteristicStatus; score: number | null }[];
  crosswalk: { framework: 'NIST AI RMF 1.0' | 'NIST AI 600-1'; ref: string; questions: string[]; failureModes: FailureModeId[] }[];
}
