// A repository's own composite action that wraps an agent action is judged as that agent, with
// the inputs its caller passes, cited where the caller wrote them.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const action = `name: run-claude
inputs:
  github-token: { required: true }
  oauth: { required: true }
  allowed-tools: { default: "" }
  allowed-bots: { default: "" }
runs:
  using: composite
  steps:
    - run: rm -rf ~/.claude/.locks
      shell: bash
    - uses: anthropics/claude-code-action@v1
      env:
        GITHUB_TOKEN: \${{ inputs.github-token }}
      with:
        github_token: \${{ inputs.github-token }}
        claude_code_oauth_token: \${{ inputs.oauth }}
        allowed_bots: \${{ inputs.allowed-bots }}
        claude_args: |
          \${{ inputs.allowed-tools != '' && format('--allowedTools ''{0}''', inputs.allowed-tools) || '' }}
          --model opus
`;

const caller = (gate: string) => `on:
  issue_comment:
    types: [created]
permissions:
  contents: write
jobs:
  reply:
    if: ${gate}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: ./.github/actions/run-claude
        with:
          github-token: \${{ github.token }}
          oauth: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
          allowed-bots: "*"
          allowed-tools: "Read,Bash(*),WebFetch"
`;

const member = 'contains(fromJSON(\'["OWNER","MEMBER"]\'), github.event.comment.author_association)';

describe('a local action that wraps an agent action', () => {
  it('is the agent, with the tools and openers its caller passes, cited at the caller', async () => {
    const found = await scanLines({ '.github/actions/run-claude/action.yml': action, '.github/workflows/reply.yml': caller(member) });
    const wf = found.filter((l) => l.includes('reply.yml'));
    expect(wf).toContain('github.agent-workflow info .github/workflows/reply.yml:14');
    // Bash(*) and WebFetch for any address: one decision, one finding, at the caller's input.
    expect(wf).toContain('github.agent-broad-tools medium .github/workflows/reply.yml:19');
    expect(wf.some((l) => l.startsWith('github.agent-open-egress'))).toBe(false);
    // The OAuth token is a long-lived credential like an API key.
    expect(wf).toContain('github.agent-api-key info .github/workflows/reply.yml:17');
    // Behind a member gate a bot gets no further than anyone else: low.
    expect(wf).toContain('github.agent-bots-allowed low .github/workflows/reply.yml:18');
    // The agent action's own pin lives in the action's file, not at the caller's local reference.
    expect(wf.some((l) => l.startsWith('github.action-unpinned'))).toBe(false);
    expect(found).toContain('github.action-unpinned low .github/actions/run-claude/action.yml:12');
  });

  it('open to any commenter, a bot opener is medium; a local action that runs no agent is left alone', async () => {
    const open = await scanLines({ '.github/actions/run-claude/action.yml': action, '.github/workflows/reply.yml': caller('true') });
    expect(open).toContain('github.agent-bots-allowed medium .github/workflows/reply.yml:18');
    const plain = await scanLines({
      '.github/actions/run-claude/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n',
      '.github/workflows/reply.yml': caller('true'),
    });
    expect(plain.some((l) => l.startsWith('github.agent'))).toBe(false);
  });
});

describe('skill and command allowed-tools', () => {
  it('reads space-separated entries (the Agent Skills format) as well as comma-separated ones', async () => {
    const skill = (tools: string) => `---\nname: triage\nallowed-tools: ${tools}\n---\nTriage issues.\n`;
    const spaced = await scanLines({ '.claude/skills/triage/SKILL.md': skill('Bash(gh *) Bash(deno *) Read Glob') });
    expect(spaced.find((l) => l.includes('.command-'))).toBe('claude-code.command-broad-tools medium .claude/skills/triage/SKILL.md:3');
    const narrow = await scanLines({ '.claude/skills/triage/SKILL.md': skill('Bash(gh issue view:*), Read, Glob') });
    expect(narrow.find((l) => l.includes('.command-'))).toBe('claude-code.command-narrow-tools info .claude/skills/triage/SKILL.md:3');
  });
});

describe('joining a local action', () => {
  it('reads only inputs the caller wrote or the action declares, never a name every object inherits', async () => {
    const { inlineAgentAction } = await import('../../src/detectors/github/local-actions.js');
    const action = {
      path: '.github/actions/a/action.yml',
      text: '',
      format: 'yaml' as const,
      data: {
        runs: {
          using: 'composite',
          steps: [{ uses: 'anthropics/claude-code-action@v1', with: { prompt: '${{ inputs.constructor }}', model: '${{ inputs.model }}' } }],
        },
      },
      lineOf: () => undefined,
    };
    const joined = inlineAgentAction({ uses: './.github/actions/a', with: { model: 'opus' } }, new Map([[action.path, action]]));
    expect(joined.uses).toBe('anthropics/claude-code-action@v1');
    expect(joined.with).toEqual({ prompt: '', model: 'opus' });
  });
});
