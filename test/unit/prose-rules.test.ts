// Which rule stated only in prose a reader would cite: an order first, then the gravest act forbidden.
import { describe, expect, it } from 'vitest';
import { proseRuleLine } from '../../src/detectors/shared/instructions.js';

describe('the prose rule cited', () => {
  it('is an order before a mention, then the gravest act forbidden', () => {
    const lines = [
      '# Working here',
      '- Never commit generated files.',
      'We never push on Fridays, by habit.',
      '- Do not push to main.',
      '- Never commit secrets or API keys.',
    ];
    expect(proseRuleLine(lines)).toBe(4);
    expect(proseRuleLine(lines.slice(0, 4))).toBe(3);
  });

  it('reads whole words and skips exemptions', () => {
    expect(proseRuleLine(['- Never invoke Node-installed binaries directly.'])).toBe(-1);
    expect(proseRuleLine(['You do not need to push; CI does.'])).toBe(-1);
    expect(proseRuleLine(['- Do not delete tests.'])).toBe(0);
    expect(proseRuleLine(['- Never read or print the .env file.'])).toBe(0);
  });
});
