// Outsiders' text pasted into an agent job's script by ${{ }}: a command, with what the job holds.
import { describe, expect, it } from 'vitest';
import { injectedFields } from '../../src/detectors/github/script-injection.js';
import { scanLines } from '../helpers/repo.js';

const workflow = (on: string, gate: string, script: string) => `on:
${on}
permissions:
  contents: write
jobs:
  fix:
    if: ${gate}
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "start"
          echo "${script}" > prompt.txt
      - uses: anthropics/claude-code-action@v1
        with:
          allowed_non_write_users: "*"
`;

const member = "github.event.comment.author_association == 'MEMBER'";

describe('script injection in an agent job', () => {
  it('is as grave as what the job holds when anyone can start it, cited at the line', async () => {
    const found = await scanLines({ '.github/workflows/fix.yml': workflow('  issues:\n    types: [opened]', 'true', '${{ github.event.issue.title }}') });
    expect(found).toContain('github.script-injection high .github/workflows/fix.yml:13');
  });

  it('behind a member gate: an issue title is still an outsider’s (lower), a comment the member wrote lower still', async () => {
    const onComment = '  issue_comment:\n    types: [created]';
    expect(await scanLines({ '.github/workflows/fix.yml': workflow(onComment, member, '${{ github.event.issue.title }}') })).toContain(
      'github.script-injection medium .github/workflows/fix.yml:13',
    );
    expect(await scanLines({ '.github/workflows/fix.yml': workflow(onComment, member, '${{ github.event.comment.body }}') })).toContain(
      'github.script-injection low .github/workflows/fix.yml:13',
    );
  });

  it('needs an event that fills the field, and text passed through env: is not pasted', async () => {
    expect(injectedFields('echo "${{ github.event.pull_request.title }}"', ['workflow_dispatch'])).toEqual([]);
    expect(injectedFields('echo "${{ github.event.pull_request.title }}" "${{ github.head_ref }}"', ['pull_request_target'])).toEqual([
      'github.event.pull_request.title',
      'github.head_ref',
    ]);
    expect(injectedFields('echo "$TITLE" ${{ github.event.issue.number }}', ['issues'])).toEqual([]);
  });
});
