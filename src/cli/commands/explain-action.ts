// The work behind `rollout-check explain`, loaded only when the command runs.
import { InputError } from '../../errors.js';
import { output } from '../std-streams.js';
import { owaspAgentic } from '../../checklist/ids.js';

export async function runExplain(id: string | undefined, flags: { policy?: string }): Promise<void> {
  const { loadChecklist } = await import('../../load/checklist.js');
  const { wrap } = await import('../../text.js');
  const checklist = await loadChecklist(flags.policy);
  const width = Math.max(60, Math.min(output('stdout').columns ?? 100, 100));
  const out: string[] = [];
  if (!id) {
    out.push(`${checklist.title} (${checklist.id} ${checklist.version}): ${checklist.questions.length} questions`);
    let group = '';
    for (const q of checklist.questions) {
      const key = q.context ? 'Context' : q.failureModes[0]!.id;
      if (key !== group) {
        const fm = checklist.failureModes.find((f) => f.id === key);
        out.push('', fm ? `${fm.id} ${fm.title}` : 'Context (not scored)');
        group = key;
      }
      out.push(`  ${q.id.padEnd(30)} ${q.obligation ?? ''}${q.obligation ? ' ' : ''}${q.quick ? '(quick) ' : ''}${q.text}`.slice(0, 400));
    }
  } else {
    const q = checklist.questions.find((x) => x.id === id);
    if (!q) {
      const { didYouMean } = await import('../../closest.js');
      throw new InputError(
        `no question "${id}" in ${checklist.id} ${checklist.version}${didYouMean(
          id,
          checklist.questions.map((x) => x.id),
        )} (run \`rollout-check explain\` for the list)`,
      );
    }
    const fms = q.failureModes.map((f) => `${f.id} (weight ${f.weight})`).join(', ');
    out.push(...wrap(q.text, width), '', ...wrap(`Why it matters: ${q.why}`, width));
    if (q.help) out.push('', ...wrap(q.help, width));
    out.push('', `Type: ${q.type}${q.context ? ' (context, not scored)' : `; ${q.obligation}; informs ${fms}; met at ${q.metAt}`}`);
    if (q.naAllowed) out.push('N/A allowed, with a reason');
    if (q.whenLabel) out.push(...wrap(`Skipped when: ${q.whenLabel}`, width));
    out.push('', 'Answers:');
    const detail = (c: (typeof q.choices)[number]) =>
      q.context
        ? ''
        : q.type === 'multi'
          ? c.exclusive
            ? ' (excludes the others)'
            : ` (weight ${c.weight}, risk if missing: ${c.risk})`
          : ` (score ${c.score}, risk ${c.risk})`;
    for (const c of q.choices) out.push(...wrap(`${c.id}: ${c.label}${detail(c)}`, width - 2, '  ').map((l) => `  ${l}`));
    for (const b of q.bands) out.push(`  ${b.label} (score ${b.score}, risk ${b.risk})`);
    out.push(
      `  unknown: not sure (earns nothing: it stays in the score's denominator${q.obligation === 'must' ? ', and an unknown must is not verified, so the verdict is tighten' : ''})`,
    );
    const refs = [...q.references.airmf, ...q.references.ai600];
    if (refs.length) out.push('', ...wrap(`References: ${refs.join(', ')}`, width));
    if (q.references.owaspAgentic.length) {
      out.push('', 'OWASP Top 10 for Agentic Applications (2026):');
      for (const o of q.references.owaspAgentic) out.push(...wrap(`- ${o.id} ${owaspAgentic[o.id as keyof typeof owaspAgentic]}: ${o.reason}`, width, '  '));
    }
    if (q.recommendations.length) {
      out.push('', 'Recommended steps when this is a gap:');
      for (const r of q.recommendations)
        out.push(...wrap(`- ${r.text} (effort ${r.effort}, impact ${r.impact}${r.requires ? `; after ${r.requires.join(', ')}` : ''})`, width, '  '));
    }
  }
  output('stdout').write(`${out.join('\n')}\n`);
}
