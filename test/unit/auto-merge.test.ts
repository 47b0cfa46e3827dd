// A workflow that approves or merges pull requests by itself: agent work landing with no person is
// high; one limited to named people's own pull requests skips their second reviewer, no more.
import { describe, expect, it } from 'vitest';
import { scanLines } from '../helpers/repo.js';

const workflow = (condition: string, who = '') => `on: pull_request_target
jobs:
  approve:
    if: ${condition}
    runs-on: ubuntu-latest
    steps:
      - run: gh pr review "$PR" --approve${who}
`;

describe('automatic approval', () => {
  it("is high for bots' and agents' pull requests, and low where it is limited to named people", async () => {
    const bots = await scanLines({ '.github/workflows/a.yml': workflow("github.actor == 'dependabot[bot]'") });
    expect(bots).toContain('github.auto-merge-agent-prs high .github/workflows/a.yml:7');
    const person = await scanLines({
      '.github/workflows/a.yml': workflow("github.event.pull_request.user.login == 'octocat'", ' # dismisses github-actions[bot] approvals later'),
    });
    expect(person).toContain('github.auto-merge low .github/workflows/a.yml:7');
    expect(person.some((l) => l.startsWith('github.auto-merge-agent-prs'))).toBe(false);
    // Another job of the same file merging a bot's pull requests keeps it high.
    const both = await scanLines({
      '.github/workflows/a.yml': workflow("github.event.pull_request.user.login == 'octocat' || github.actor == 'renovate[bot]'"),
    });
    expect(both).toContain('github.auto-merge-agent-prs high .github/workflows/a.yml:7');
  });
});
