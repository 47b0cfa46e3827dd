// Properties of the verdict that a team wanting a good grade would test: not knowing, choosing a
// better answer, and repository evidence against a claim. Over every example and over generated
// answer sets for the built-in checklist. Seeded, so a failure replays.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers, ResolvedAnswer, ResolvedValue } from '../../src/answers/model.js';
import { resolveEntry } from '../../src/answers/validate.js';
import type { ResolvedQuestion } from '../../src/checklist/model.js';
import { weighEvidence } from '../../src/evidence/weigh.js';
import { validateEvidenceMap } from '../../src/checklist/evidence-map.js';
import { assess, loadAnswers, loadChecklist } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import type { Finding, Severity, ToolId } from '../../src/detectors/types.js';
import { repoRoot } from '../helpers/cli.js';
import { scanResultOf } from '../helpers/scan-result.js';

const checklist = await loadChecklist();
const mapResult = validateEvidenceMap('map.yaml', readFileSync(`${repoRoot}/policies/evidence/ai-coding-rollout.yaml`, 'utf8'), checklist);
if (!mapResult.ok) throw new Error('the evidence map is invalid');
const map = mapResult.map;
const examples = ['not-ready', 'pilot-ready', 'scale-ready'].map((n) => loadAnswers(checklist, `${repoRoot}/examples/${n}.yaml`));
const scored = checklist.questions.filter((q) => !q.context);
const verdictRank = { tighten: 0, pilot: 1, scale: 2 } as const;
const seed = 20261125;

const run = (answers: Answers, findings: Finding[] = []): Report => {
  if (!findings.length) return assess(checklist, answers, '0').report;
  const scan = scanResultOf(findings);
  return assess(checklist, answers, '0', weighEvidence(checklist, answers, { scan }, map)).report;
};
const withAnswer = (a: Answers, id: string, value: ResolvedValue): Answers => ({
  ...a,
  answers: { ...a.answers, [id]: { ...(a.answers[id] ?? { evidence: [], acknowledge: [] }), value } as ResolvedAnswer },
});

/** `after` is no better than `before`: overall, every failure mode, and the verdict. */
function expectNoBetter(before: Report, after: Report, why: string): void {
  expect(after.overall.score ?? 0, `${why}: overall`).toBeLessThanOrEqual(before.overall.score ?? 0);
  for (const f of after.failureModes) {
    const b = before.failureModes.find((x) => x.id === f.id)!;
    expect(f.score ?? 0, `${why}: ${f.id}`).toBeLessThanOrEqual(b.score ?? 0);
  }
  expect(verdictRank[after.verdict.id], `${why}: verdict ${before.verdict.id} -> ${after.verdict.id}`).toBeLessThanOrEqual(verdictRank[before.verdict.id]);
}

/** Any valid value for a question, including unknown and (where allowed) N/A; or no answer. */
function valueFor(q: ResolvedQuestion): fc.Arbitrary<ResolvedValue | undefined> {
  const options: fc.Arbitrary<ResolvedValue | undefined>[] = [fc.constant(undefined), fc.constant({ kind: 'unknown' } as const)];
  if (q.naAllowed) options.push(fc.constant({ kind: 'na', reason: 'generated' } as const));
  if (q.type === 'number') options.push(fc.constantFrom(...q.bands.map((b) => b.min ?? 0)).map((value) => ({ kind: 'number', value }) as const));
  else if (q.type === 'multi') {
    const practices = q.choices.filter((c) => !c.exclusive).map((c) => c.id);
    const exclusive = q.choices.filter((c) => c.exclusive).map((c) => c.id);
    options.push(fc.subarray(practices).map((ids) => ({ kind: 'choices', ids }) as const));
    for (const id of exclusive) options.push(fc.constant({ kind: 'choices', ids: [id] } as const));
  } else options.push(fc.constantFrom(...q.choices.map((c) => c.id)).map((id) => ({ kind: 'choices', ids: [id] }) as const));
  return fc.oneof(...options);
}

const answerSets: fc.Arbitrary<Answers> = fc.tuple(...checklist.questions.map((q) => valueFor(q))).map((values) => ({
  ...examples[0]!,
  answers: Object.fromEntries(
    checklist.questions.flatMap((q, i) => (values[i] ? [[q.id, { value: values[i]!, evidence: [], acknowledge: [] } as ResolvedAnswer]] : [])),
  ),
}));

const contradictingFindings: Finding[] = map.entries
  .filter((e) => e.contradicts)
  .map((e, i) => ({
    id: e.finding,
    tool: e.finding.split('.')[0] as ToolId,
    failureMode: 'FM1',
    severity: (['high', 'medium', 'low'] as Severity[])[i % 3]!,
    kind: 'risk',
    path: `file-${i}.json`,
    line: 1,
    message: `finding ${i}`,
  }));

describe('unknown never pays', () => {
  it('turning any answer of any example into unknown never raises a score or improves the verdict', () => {
    for (const a of examples)
      for (const id of Object.keys(a.answers)) {
        if (a.answers[id]!.value.kind === 'unknown') continue;
        expectNoBetter(run(a), run(withAnswer(a, id, { kind: 'unknown' })), `${a.source} ${id}`);
      }
  });

  it('holds for generated answer sets too', () => {
    fc.assert(
      fc.property(answerSets, fc.constantFrom(...checklist.questions.map((q) => q.id)), (a, id) => {
        if (!a.answers[id] || a.answers[id]!.value.kind === 'unknown') return;
        expectNoBetter(run(a), run(withAnswer(a, id, { kind: 'unknown' })), id);
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('better answers never hurt', () => {
  it('choosing a higher-scored choice never lowers a score or worsens the verdict', () => {
    const single = scored.filter((q) => q.type !== 'multi' && q.type !== 'number');
    fc.assert(
      fc.property(answerSets, fc.constantFrom(...single.map((q) => q.id)), fc.nat(), fc.nat(), (a, id, i, j) => {
        const q = single.find((x) => x.id === id)!;
        const [lo, hi] = [q.choices[i % q.choices.length]!, q.choices[j % q.choices.length]!].sort((x, y) => x.score - y.score);
        if (lo!.score === hi!.score) return;
        const worse = run(withAnswer(a, id, { kind: 'choices', ids: [lo!.id] }));
        const better = run(withAnswer(a, id, { kind: 'choices', ids: [hi!.id] }));
        expectNoBetter(better, worse, `${id}: ${lo!.id} vs ${hi!.id}`);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('adding a practice to a multi-select answer never lowers a score or worsens the verdict', () => {
    const multi = scored.filter((q) => q.type === 'multi');
    fc.assert(
      fc.property(answerSets, fc.constantFrom(...multi.map((q) => q.id)), fc.nat(), (a, id, k) => {
        const q = multi.find((x) => x.id === id)!;
        const practices = q.choices.filter((c) => !c.exclusive).map((c) => c.id);
        const given = a.answers[id]?.value;
        const ids = given?.kind === 'choices' && !q.choices.some((c) => c.exclusive && given.ids.includes(c.id)) ? given.ids : [];
        const extra = practices.filter((p) => !ids.includes(p));
        if (!extra.length) return;
        const before = run(withAnswer(a, id, { kind: 'choices', ids }));
        const after = run(withAnswer(a, id, { kind: 'choices', ids: [...ids, extra[k % extra.length]!] }));
        expectNoBetter(after, before, `${id} + ${extra[k % extra.length]}`);
      }),
      { seed, numRuns: 200 },
    );
  });
});

describe('evidence never helps a contested claim', () => {
  it('adding a contradicting finding never improves the verdict or raises a score', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...examples), answerSets),
        fc.subarray(contradictingFindings),
        fc.constantFrom(...contradictingFindings),
        (a, some, extra) => {
          expectNoBetter(run(a, some), run(a, [...some, extra]), `+ ${extra.id}`);
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it('a disputed must means tighten, and a high-severity dispute keeps the verdict below scale', () => {
    const scale = examples[2]!;
    expect(run(scale).verdict.id).toBe('scale');
    for (const f of contradictingFindings) {
      const r = run(scale, [f]);
      const disputes = r.evidence!.disputes;
      if (!disputes.length) continue;
      if (disputes.some((d) => d.obligation === 'must')) expect(r.verdict.id, f.id).toBe('tighten');
      if (disputes.some((d) => d.severity === 'high')) expect(r.verdict.id, f.id).not.toBe('scale');
      expect(r.disputed.count, f.id).toBe(disputes.length);
    }
  });

  it('a finding milder than its entry asks for proposes but does not dispute (an agent that can write nothing)', () => {
    const scale = examples[2]!;
    const open = (severity: Severity): Finding => ({
      id: 'github.agent-open-to-anyone',
      tool: 'github',
      failureMode: 'FM4',
      severity,
      kind: 'risk',
      path: '.github/workflows/triage.yml',
      line: 3,
      message: 'anyone can start it',
    });
    expect(run(scale, [open('low')]).evidence!.disputes.filter((d) => d.question === 'fm2.external-content')).toEqual([]);
    expect(run(scale, [open('medium')]).evidence!.disputes.map((d) => d.question)).toContain('fm2.external-content');
  });

  it('an acknowledged finding no longer disputes the answer, and is listed with its reason', () => {
    const scale = examples[2]!;
    const f = contradictingFindings.find((x) => x.id === 'github.auto-merge-agent-prs')!;
    expect(run(scale, [f]).verdict.id).toBe('tighten');
    const key = `${f.id}@${f.path}`;
    const acked: Answers = {
      ...scale,
      answers: {
        ...scale.answers,
        'fm3.agents-cannot-merge': { ...scale.answers['fm3.agents-cannot-merge']!, acknowledge: [{ finding: key, reason: 'merges only Dependabot' }] },
      },
    };
    const r = run(acked, [f]);
    expect(r.verdict.id).toBe('scale');
    expect(r.evidence!.disputes).toEqual([]);
    expect(r.evidence!.acknowledged).toMatchObject([{ question: 'fm3.agents-cannot-merge', finding: key, reason: 'merges only Dependabot' }]);
  });
});

describe('N/A', () => {
  it('is accepted only where the checklist allows it, and never on a must', () => {
    for (const q of checklist.questions) {
      const r = resolveEntry(q, { na: 'not here' });
      expect(typeof r === 'string', q.id).toBe(!q.naAllowed);
      if (q.obligation === 'must') expect(q.naAllowed, q.id).toBe(false);
    }
  });
});
