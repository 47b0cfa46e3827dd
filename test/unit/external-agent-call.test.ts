// An agent kept in another repository's reusable workflow is out of sight, not out of mind: the
// caller still shows that it runs, who can start it, what it is handed and whether it is pinned.
import { describe, expect, it } from 'vitest';
import { externalAgentCall } from '../../src/detectors/github/external-agent-call.js';
import { scanRepository } from '../../src/scan/scan.js';
import { repoWith } from '../helpers/repo.js';

const sha = 'd9d8977425f512c21d72ace682b9fae6e4c5b901';
const caller = (uses: string, secrets: string, gate = '') => `on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
${gate}    uses: ${uses}
    secrets:${secrets}
`;

describe('agent workflows kept in another repository', () => {
  it('knows one by the called file name or the model key it is handed, and nothing else', () => {
    expect(externalAgentCall({ uses: `org/shared/.github/workflows/gemini-issue-triage.yml@${sha}` })?.workflow).toBe(
      'org/shared/.github/workflows/gemini-issue-triage.yml',
    );
    expect(externalAgentCall({ uses: 'org/shared/.github/workflows/triage.yml@main', secrets: { ANTHROPIC_API_KEY: '${{ secrets.X }}' } })).toBeDefined();
    expect(externalAgentCall({ uses: 'org/shared/.github/workflows/triage.yml@main', secrets: 'inherit' })).toBeUndefined();
    expect(externalAgentCall({ uses: './.github/workflows/claude.yml' })).toBeUndefined();
    expect(externalAgentCall({ uses: 'org/shared/.github/workflows/release-email.yml@v1' })).toBeUndefined();
  });

  it('says an outsider-started call low when it hands named keys, medium when every secret and a write token', async () => {
    const named = await scanRepository(
      repoWith({ '.github/workflows/t.yml': caller(`org/shared/.github/workflows/gemini-triage.yml@${sha}`, '\n      GEMINI_API: ${{ secrets.GEMINI_API }}') }),
    );
    const trigger = named.findings.find((f) => f.id === 'github.outside-agent-open')!;
    expect([trigger.severity, trigger.line]).toEqual(['low', 2]);
    expect(named.findings.find((f) => f.id === 'github.action-pinned')?.line).toBe(8);
    expect(named.findings.some((f) => f.id === 'github.agent-workflow' && f.line === 8)).toBe(true);

    const inherit = await scanRepository(repoWith({ '.github/workflows/t.yml': caller('org/shared/.github/workflows/claude.yml@main', ' inherit') }));
    expect(inherit.findings.find((f) => f.id === 'github.outside-agent-open')?.severity).toBe('medium');
    expect(inherit.findings.find((f) => f.id === 'github.action-unpinned')?.severity).toBe('medium');
    expect(inherit.findings.some((f) => f.id === 'github.agent-secrets-inherit' && f.line === 9)).toBe(true);
  });

  it('reports no outsider risk when the calling job checks who asked', async () => {
    const gated = await scanRepository(
      repoWith({
        '.github/workflows/t.yml': caller(
          'org/shared/.github/workflows/claude.yml@main',
          ' inherit',
          '    if: contains(fromJSON(\'["OWNER","MEMBER"]\'), github.event.issue.author_association)\n',
        ),
      }),
    );
    expect(gated.findings.filter((f) => f.id === 'github.outside-agent-open')).toEqual([]);
    expect(gated.findings.some((f) => f.id === 'github.agent-trigger' && f.line === 2)).toBe(true);
  });
});
