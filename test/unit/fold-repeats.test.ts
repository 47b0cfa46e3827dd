// One job running its agent in several steps with the same token and flags is one decision: the
// scanner says it once, at the first step, naming the others; a second job's copy stays its own.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/scan/scan.js';
import { repoWith, scanLines } from '../helpers/repo.js';

const steps = `    steps:
      - run: claude -p "plan" --dangerously-skip-permissions
        env:
          GH_TOKEN: \${{ github.token }}
      - run: claude -p "implement" --dangerously-skip-permissions
        env:
          GH_TOKEN: \${{ github.token }}
`;
const workflow = (jobs: string[]) => `on:
  workflow_dispatch:
permissions:
  contents: write
jobs:
${jobs.map((j) => `  ${j}:\n    runs-on: ubuntu-latest\n${steps}`).join('')}`;

describe('repeats within one job', () => {
  it('folds the same risk said at each agent step of a job into one, citing the later lines', async () => {
    const { findings } = await scanRepository(repoWith({ '.github/workflows/agent.yml': workflow(['work']) }));
    const bypass = findings.filter((f) => f.id === 'github.agent-bypass-flag');
    expect(bypass.map((f) => f.line)).toEqual([9]);
    expect(bypass[0]!.message).toMatch(/\(the same at line 12\)$/);
    expect(findings.filter((f) => f.id === 'github.agent-token-in-env')).toHaveLength(1);
  });

  it('keeps one finding per job when two jobs repeat each other', async () => {
    const lines = await scanLines({ '.github/workflows/agent.yml': workflow(['plan', 'build']) });
    expect(lines.filter((l) => l.includes('github.agent-bypass-flag'))).toHaveLength(2);
  });
});
