import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateEvidenceMap } from '../../src/checklist/evidence-map.js';
import { formatProblem } from '../../src/errors.js';
import { loadChecklist } from '../../src/pipeline.js';
import { detectors } from '../../src/detectors/index.js';
import { repoRoot } from '../helpers/cli.js';

const file = `${repoRoot}/policies/evidence/ai-coding-rollout.yaml`;
const text = readFileSync(file, 'utf8');
/** Where the entry holding `needle` stands, as the validator counts (one entry a line): the map grows, the tests follow. */
const at = (needle: string): number =>
  text
    .split('\n')
    .filter((l) => /^\s*- \{ finding: /.test(l))
    .findIndex((l) => l.includes(needle));

describe('evidence map', () => {
  it('names only questions and choices of the built-in checklist, and findings of known tools', async () => {
    const r = validateEvidenceMap('map.yaml', text, await loadChecklist());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const tools = new Set(detectors.map((d) => d.id));
    for (const e of r.map.entries) expect(tools.has(e.finding.split('.')[0] as never), e.finding).toBe(true);
  });

  it('reports an unknown question or choice with its line', async () => {
    const bad = text
      .replace('question: fm3.agents-cannot-merge', 'question: fm3.agents-may-merge')
      .replace('question: fm4.egress, proposes: open', 'question: fm4.egress, proposes: wide-open');
    const r = validateEvidenceMap('map.yaml', bad, await loadChecklist());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem).map((l) => l.replace(/^map\.yaml:\d+:\d+: /, ''))).toEqual([
      `unknown question "fm3.agents-may-merge" (at entries.${at('question: fm3.agents-cannot-merge')}.question)`,
      `"fm4.egress" has no choice "wide-open" (at entries.${at('question: fm4.egress, proposes: open')})`,
    ]);
  });

  it('refuses an implied answer that does not exist, that is contradicted, or that would raise the score', async () => {
    const bad = text
      .replace('question: fm1.bypass-modes, proposes: allowed, implies: discouraged,', 'question: fm1.bypass-modes, proposes: allowed, implies: forbidden,')
      .replace('question: fm4.egress, implies: allowlist-some,', 'question: fm4.egress, implies: allowlist-all,')
      .replace("question: fm3.agents-cannot-merge, proposes: 'no', implies: 'no',", "question: fm3.agents-cannot-merge, proposes: 'no',");
    const r = validateEvidenceMap('map.yaml', bad, await loadChecklist());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem).map((l) => l.replace(/^map\.yaml:\d+:\d+: /, ''));
    expect(lines).toEqual([
      `"fm1.bypass-modes" has no choice "forbidden" (at entries.${at('question: fm1.bypass-modes, proposes: allowed, implies: discouraged,')})`,
      `"fm3.agents-cannot-merge" takes one answer: say which choice the finding implies ("implies") (at entries.${at("question: fm3.agents-cannot-merge, proposes: 'no', implies: 'no',")})`,
      `"allowlist-all" is one of the answers this entry contradicts (at entries.${at('question: fm4.egress, implies: allowlist-some,')}.implies)`,
    ]);
  });

  it('keeps every dispute a step down: each implied answer scores below what it contradicts', async () => {
    const r = validateEvidenceMap('map.yaml', text, await loadChecklist());
    expect(r.ok).toBe(true);
    const changed = text.replace(
      'question: fm6.attribution, proposes: some, implies: most, contradicts: { anyOf: [all] }',
      'question: fm6.attribution, proposes: some, implies: all, contradicts: { anyOf: [most] }',
    );
    const bad = validateEvidenceMap('map.yaml', changed, await loadChecklist());
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.message)).toContain('"all" scores at least as much as the contradicted "most": a dispute must lower the answer');
  });
});
