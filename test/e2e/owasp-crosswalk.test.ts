// The OWASP Top 10 for Agentic Applications (2026) beside NIST (issue 28, item 7): every mapping is
// data in the checklist with a reason, and shows, with that reason, in the crosswalk of every
// format, in the CSV and in `explain`.
import { describe, expect, it } from 'vitest';
import { owaspAgentic } from '../../src/checklist/ids.js';
import { runCli } from '../helpers/cli.js';

const pilot = 'examples/pilot-ready.yaml';

describe('OWASP agentic crosswalk', () => {
  const result = JSON.parse(runCli(['assess', '--answers', pilot, '--format', 'json']).stdout) as {
    questions: { id: string; references: { owaspAgentic: { id: string; reason: string }[] } }[];
    crosswalk: { framework: string; ref: string; title: string | null; questions: string[]; reasons: { question: string; reason: string }[] }[];
  };
  const mapped = result.questions.flatMap((q) => q.references.owaspAgentic.map((o) => ({ question: q.id, ...o })));

  it('maps questions to most of the ten risks, each with a reason of its own', () => {
    expect(mapped.length).toBeGreaterThanOrEqual(15);
    expect(new Set(mapped.map((m) => m.id)).size).toBeGreaterThanOrEqual(8);
    for (const m of mapped) {
      expect(Object.keys(owaspAgentic)).toContain(m.id);
      expect(m.reason.length, m.question).toBeGreaterThan(30);
    }
    expect(new Set(mapped.map((m) => m.reason)).size).toBe(mapped.length);
  });

  it('puts every mapping in the crosswalk with its reason, after NIST', () => {
    for (const m of mapped) {
      const row = result.crosswalk.find((c) => c.framework === 'OWASP Agentic Top 10 2026' && c.ref === m.id)!;
      expect(row.title).toBe(owaspAgentic[m.id as keyof typeof owaspAgentic]);
      expect(row.reasons).toContainEqual({ question: m.question, reason: m.reason });
    }
    const frameworks = result.crosswalk.map((c) => c.framework);
    expect(frameworks.indexOf('OWASP Agentic Top 10 2026')).toBeGreaterThan(frameworks.lastIndexOf('NIST AI 600-1'));
  });

  it('shows them in Markdown, HTML, CSV and explain', () => {
    const md = runCli(['assess', '--answers', pilot]).stdout;
    const html = runCli(['assess', '--answers', pilot, '--format', 'html']).stdout;
    const csv = runCli(['assess', '--answers', pilot, '--format', 'csv']).stdout;
    for (const m of mapped) {
      expect(md).toContain(`${m.question}: ${m.reason.replace(/'/g, "'")}`);
      expect(html).toContain(`<strong>${m.question}</strong>: ${m.reason.replace(/'/g, '&#x27;')}`);
    }
    expect(csv.split('\r\n')[0]!.split(',').at(-1)).toBe('owasp_agentic');
    expect(csv).toMatch(/\r\nfm2\.external-content,.*,ASI01 ASI06\r\n/);
    const explain = runCli(['explain', 'fm2.external-content']).stdout;
    expect(explain).toContain('OWASP Top 10 for Agentic Applications (2026):');
    expect(explain).toContain('- ASI01 Agent Goal Hijack: Issue text, web pages and documents carry instructions');
  });
});
