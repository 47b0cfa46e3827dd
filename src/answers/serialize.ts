// Writes an answers file a person can read and edit: every answer preceded by its question, why
// it matters and the choices, as YAML comments. Used by `init` and by the questionnaire, so the
// file a lead produces interactively is the same kind CI reads.
import { stringify } from 'yaml';
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';
import type { AnswersFile } from './schema.js';

export interface SerializeOptions {
  /** Write a commented-out placeholder for questions that have no entry (init does). */
  placeholders: boolean;
}

export function serializeAnswers(checklist: LoadedChecklist, file: AnswersFile, options: SerializeOptions): string {
  const out: string[] = [
    `# rollout-check answers for checklist ${checklist.id} ${checklist.version}.`,
    '# Answer with the choice ids listed above each question. "unknown" is always allowed but earns',
    '# nothing; { na: "reason" } only where the question says N/A is allowed. Optional per answer:',
    '# { answer: ..., note: "...", evidence: ["link or path"], accepted: { reason, owner, until } }.',
    yamlBlock({ checklist: file.checklist }),
  ];
  const metadata = file.metadata ?? {};
  if (Object.keys(metadata).length) out.push(yamlBlock({ metadata }));
  else out.push('metadata:', '  # organization: Example Ltd', '  # team: Platform', '  # assessor: Your Name', '  # date: 2026-01-31');
  if (file.respondent) out.push(yamlBlock({ respondent: file.respondent }));
  if (file.scope) out.push(yamlBlock({ scope: file.scope }));
  out.push('answers:');
  let section = '';
  for (const q of checklist.questions) {
    const entry = file.answers?.[q.id];
    if (entry === undefined && !options.placeholders) continue;
    const lead = q.failureModes[0]?.id;
    const key = q.context || !lead ? 'context' : lead;
    if (key !== section) {
      const title =
        key === 'context' ? 'Context (not scored; decides which questions apply)' : `${key}: ${checklist.failureModes.find((f) => f.id === key)!.title}`;
      out.push('', `  # ── ${title} ──`);
      section = key;
    }
    out.push('', ...questionComments(q).map((l) => `  # ${l}`));
    if (entry === undefined) out.push(`  ${q.id}: unknown`);
    else out.push(indent(yamlBlock({ [q.id]: entry }), '  '));
  }
  return `${out.join('\n')}\n`;
}

function questionComments(q: ResolvedQuestion): string[] {
  const tag = q.context ? 'context' : q.obligation;
  const lines = [`${q.text} [${tag}]`, `Why: ${q.why}`];
  if (q.type === 'number') lines.push(`A number${q.unit ? ` (${q.unit})` : ''}: ${q.bands.map((b) => `${b.label}`).join('; ')}`);
  else {
    const how = q.type === 'multi' ? 'Pick any, as a list [a, b]:' : 'Pick one:';
    lines.push(how, ...q.choices.map((c) => `  ${c.id}: ${c.label}`));
  }
  if (q.naAllowed) lines.push('N/A allowed: { na: "reason" }');
  if (q.when) lines.push(`Only applies when: ${q.whenLabel ?? 'an earlier answer says so'}`);
  // Keep each comment on one line: prose from the checklist may wrap.
  return lines.map((l) => l.replace(/(\S)\s*\n\s*/g, '$1 ').trimEnd());
}

function yamlBlock(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}
