// A shell comment ends at its line; shell-quote alone would run it to the end of the script.
import { describe, expect, it } from 'vitest';
import { shellWords } from '../../src/detectors/shared/shell-words.js';

describe('shell comments', () => {
  it('a trailing or whole-line comment hides only the rest of its line', () => {
    expect(shellWords('npm ci # deps\nclaude --dangerously-skip-permissions')).toEqual(['npm', 'ci', 'claude', '--dangerously-skip-permissions']);
    expect(shellWords('# setup\n  # more\ncodex exec "fix it"')).toEqual(['codex', 'exec', 'fix it']);
  });
  it('a # inside quotes, inside a word or escaped is not a comment', () => {
    expect(shellWords(`echo "a # b" 'c # d' e#f \\# g`)).toEqual(['echo', 'a # b', 'c # d', 'e#f', '#', 'g']);
  });
});

describe('parameter expansions', () => {
  it('one with an operator is kept as its variable, and the rest of the line is still read', () => {
    expect(shellWords('awf ${EXTRA:+--mount "$X"} ${DIR:-/tmp} -- copilot --allow-all-tools')).toEqual([
      'awf',
      '$EXTRA',
      '$DIR',
      '--',
      'copilot',
      '--allow-all-tools',
    ]);
  });
});
