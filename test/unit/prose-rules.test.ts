// A rule stated only in prose may be enforced where no file shows it (CI, the platform): it
// suggests an answer for an unknown question, and never disputes a given one.
import { describe, expect, it } from 'vitest';
import { weighEvidence } from '../../src/evidence/weigh.js';
import { loadAnswers, loadChecklist, loadEvidenceMap } from '../../src/pipeline.js';
import { repoRoot } from '../helpers/cli.js';
import { scanResultOf } from '../helpers/scan-result.js';

describe('prose-only rules', () => {
  it('never dispute "enforced in configuration everywhere", and propose an answer where there is none', async () => {
    const checklist = await loadChecklist();
    const map = loadEvidenceMap(checklist);
    const answers = loadAnswers(checklist, `${repoRoot}/examples/scale-ready.yaml`);
    const finding = {
      id: 'codex.instruction-not-enforced',
      tool: 'codex' as const,
      failureMode: 'FM1' as const,
      severity: 'low' as const,
      kind: 'risk' as const,
      path: 'AGENTS.md',
      line: 3,
      message: 'states a rule',
    };
    expect(answers.answers['fm1.enforced-in-config']?.value).toEqual({ kind: 'choices', ids: ['all'] });
    expect(weighEvidence(checklist, answers, { scan: scanResultOf([finding]) }, map).evidence.disputes).toEqual([]);
    const { ['fm1.enforced-in-config']: _, ...rest } = answers.answers;
    const proposals = weighEvidence(checklist, { ...answers, answers: rest }, { scan: scanResultOf([finding]) }, map).evidence.proposals;
    expect(proposals.map((p) => [p.question, p.value])).toEqual([['fm1.enforced-in-config', ['some']]]);
  });
});
