// A JSON Schema for the answers files of one checklist, for editors: with it, VS Code's YAML
// extension completes question ids and each question's choice ids, and flags a mistyped one as
// you type. Pure. The generic shape (`rollout-check schema answers`) cannot know the ids.
import type { LoadedChecklist, ResolvedQuestion } from '../checklist/model.js';

type Schema = Record<string, unknown>;

function valueSchema(q: ResolvedQuestion): Schema {
  const special = ['unknown'];
  const ids = q.choices.map((c) => c.id);
  const described = (id: string) => q.choices.find((c) => c.id === id)?.label ?? id;
  if (q.type === 'number') return { anyOf: [{ type: 'number', description: q.unit ? `in ${q.unit}` : undefined }, { const: 'unknown' }] };
  if (q.type === 'multi')
    return {
      anyOf: [
        { type: 'array', uniqueItems: true, items: { enum: ids }, description: ids.map((id) => `${id}: ${described(id)}`).join('; ') },
        { const: 'unknown' },
      ],
    };
  return { enum: [...ids, ...special], description: ids.map((id) => `${id}: ${described(id)}`).join('; ') };
}

export function answersJsonSchema(checklist: LoadedChecklist): Schema {
  const answers: Record<string, Schema> = {};
  for (const q of checklist.questions) {
    const value = valueSchema(q);
    const detailed: Schema = {
      type: 'object',
      additionalProperties: false,
      required: ['answer'],
      properties: {
        answer: value,
        note: { type: 'string' },
        evidence: { type: 'array', items: { type: 'string' } },
        acknowledge: {
          type: 'array',
          items: {
            type: 'object',
            required: ['finding', 'reason'],
            properties: { finding: { type: 'string', pattern: '^[a-z-]+\\.[a-z0-9-]+@.+$' }, reason: { type: 'string' } },
            additionalProperties: false,
          },
        },
        accepted: {
          type: 'object',
          additionalProperties: false,
          required: ['reason', 'owner', 'until'],
          properties: { reason: { type: 'string' }, owner: { type: 'string' }, until: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
        },
      },
    };
    const na: Schema = {
      type: 'object',
      additionalProperties: false,
      required: ['na'],
      properties: { na: { type: 'string' }, note: { type: 'string' }, evidence: { type: 'array', items: { type: 'string' } } },
    };
    answers[q.id] = { description: `${q.text}${q.why ? ` ${q.why}` : ''}`, anyOf: [value, detailed, ...(q.naAllowed ? [na] : [])] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `rollout-check answers for ${checklist.id} ${checklist.version}`,
    type: 'object',
    additionalProperties: false,
    required: ['checklist'],
    properties: {
      checklist: { type: 'object', properties: { id: { const: checklist.id }, version: { type: 'string' } }, required: ['id', 'version'] },
      metadata: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          ...Object.fromEntries(['organization', 'team', 'assessor', 'client', 'engagement', 'logo'].map((k) => [k, { type: 'string' }])),
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
      scope: { type: 'object' },
      respondent: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'role'],
        properties: { name: { type: 'string' }, role: checklist.roles ? { enum: checklist.roles.map((r) => r.id) } : { type: 'string' } },
      },
      answers: { type: ['object', 'null'], additionalProperties: false, properties: answers },
    },
  };
}
