// Semantic checks that a schema cannot express. Each rule returns every problem it finds, so a
// checklist author sees the whole list at once. Paths are key paths into the YAML document.
import type { Checklist, Condition, Question } from './schema.js';
import { failureModeIds } from './schema.js';

export interface RuleProblem {
  path: (string | number)[];
  message: string;
}
type Rule = (c: Checklist) => RuleProblem[];

const reservedChoiceIds = new Set(['unknown', 'na']);

const questionIdsAreUnique: Rule = (c) =>
  duplicates(
    c.questions.map((q) => q.id),
    (i, id) => ({
      path: ['questions', i, 'id'],
      message: `duplicate question id "${id}"`,
    }),
  );

const failureModesAreTheSeven: Rule = (c) =>
  c.failureModes.flatMap((fm, i) =>
    fm.id === failureModeIds[i] ? [] : [{ path: ['failureModes', i, 'id'], message: `expected ${failureModeIds[i]} here, found ${fm.id}` }],
  );

const verdictsAreDistinct: Rule = (c) => {
  const want = ['tighten', 'pilot', 'scale'];
  return c.verdicts.flatMap((v, i) =>
    v.id === want[i] ? [] : [{ path: ['verdicts', i, 'id'], message: `expected verdict "${want[i]}" here, found "${v.id}"` }],
  );
};

const questionShapesFitTheirType: Rule = (c) =>
  c.questions.flatMap((q, i) => {
    const at = (...rest: (string | number)[]) => ['questions', i, ...rest];
    const out: RuleProblem[] = [];
    const has = { choices: q.choices !== undefined, scale: q.scale !== undefined, bands: q.bands !== undefined };
    if (q.type === 'single' && has.choices === has.scale)
      out.push({ path: at('type'), message: `single question "${q.id}" needs exactly one of "choices" or "scale"` });
    if (q.type === 'multi' && !has.choices) out.push({ path: at('type'), message: `multi question "${q.id}" needs "choices"` });
    if (q.type === 'number' && !has.bands) out.push({ path: at('type'), message: `number question "${q.id}" needs "bands"` });
    if (q.type !== 'number' && has.bands) out.push({ path: at('bands'), message: `only number questions have "bands"` });
    if (q.type !== 'single' && has.scale) out.push({ path: at('scale'), message: `only single questions use a "scale"` });
    if (q.scale !== undefined && !c.scales?.[q.scale]) out.push({ path: at('scale'), message: `unknown scale "${q.scale}"` });
    if (q.type === 'yesno' && has.choices) {
      const ids = (q.choices ?? [])
        .map((ch) => ch.id)
        .sort()
        .join(',');
      if (ids !== 'no,yes') out.push({ path: at('choices'), message: `yes/no question "${q.id}" choices must be exactly "yes" and "no"` });
    }
    (q.choices ?? []).forEach((ch, j) => {
      if (reservedChoiceIds.has(ch.id))
        out.push({ path: at('choices', j, 'id'), message: `choice id "${ch.id}" is reserved (every question accepts "unknown", and N/A where allowed)` });
      if (q.type !== 'multi' && (ch.exclusive !== undefined || ch.weight !== undefined))
        out.push({ path: at('choices', j), message: `"exclusive" and "weight" belong to multi-select choices only` });
    });
    out.push(
      ...duplicates(
        (q.choices ?? []).map((ch) => ch.id),
        (j, id) => ({ path: at('choices', j, 'id'), message: `duplicate choice id "${id}" in "${q.id}"` }),
      ),
    );
    out.push(
      ...duplicates(
        (q.bands ?? []).map((b) => b.id),
        (j, id) => ({ path: at('bands', j, 'id'), message: `duplicate band id "${id}" in "${q.id}"` }),
      ),
    );
    return out;
  });

const scoredQuestionsAreComplete: Rule = (c) =>
  c.questions.flatMap((q, i) => {
    const at = (...rest: (string | number)[]) => ['questions', i, ...rest];
    const out: RuleProblem[] = [];
    if (q.context) {
      for (const key of ['failureModes', 'obligation', 'recommendations'] as const)
        if (q[key] !== undefined) out.push({ path: at(key), message: `context question "${q.id}" is not scored, so it takes no "${key}"` });
      return out;
    }
    if (!q.failureModes?.length) out.push({ path: at('failureModes'), message: `question "${q.id}" informs no failure mode` });
    if (!q.obligation) out.push({ path: at('obligation'), message: `question "${q.id}" needs an obligation (must, should or could)` });
    if (q.obligation === 'must' && !q.recommendations?.length)
      out.push({ path: at('recommendations'), message: `must question "${q.id}" has no recommendation` });
    if (q.type === 'single' && q.choices)
      q.choices.forEach((ch, j) => {
        if (ch.score === undefined) out.push({ path: at('choices', j), message: `choice "${ch.id}" of "${q.id}" is missing its score` });
      });
    if (q.type === 'multi' && !(q.choices ?? []).some((ch) => !ch.exclusive))
      out.push({ path: at('choices'), message: `multi question "${q.id}" lists no practice` });
    (q.bands ?? []).forEach((b, j) => {
      if (b.score === undefined) out.push({ path: at('bands', j), message: `band "${b.id}" of "${q.id}" is missing its score` });
    });
    return out;
  });

const scaleChoicesHaveScores: Rule = (c) =>
  Object.entries(c.scales ?? {}).flatMap(([name, choices]) =>
    choices.flatMap((ch, j) => {
      const out: RuleProblem[] = [];
      if (ch.score === undefined) out.push({ path: ['scales', name, j], message: `choice "${ch.id}" of scale "${name}" is missing its score` });
      if (reservedChoiceIds.has(ch.id)) out.push({ path: ['scales', name, j, 'id'], message: `choice id "${ch.id}" is reserved` });
      return out;
    }),
  );

const conditionsNameEarlierQuestions: Rule = (c) => {
  const index = new Map(c.questions.map((q, i) => [q.id, i]));
  return c.questions.flatMap((q, i) => (q.when ? checkCondition(c, q.when, i, index, ['questions', i, 'when']) : []));
};

function checkCondition(c: Checklist, cond: Condition, at: number, index: Map<string, number>, path: (string | number)[]): RuleProblem[] {
  if ('all' in cond) return cond.all.flatMap((x, k) => checkCondition(c, x, at, index, [...path, 'all', k]));
  if ('any' in cond) return cond.any.flatMap((x, k) => checkCondition(c, x, at, index, [...path, 'any', k]));
  if ('not' in cond) return checkCondition(c, cond.not, at, index, [...path, 'not']);
  const target = index.get(cond.question);
  if (target === undefined) return [{ path: [...path, 'question'], message: `condition names unknown question "${cond.question}"` }];
  if (target >= at) return [{ path: [...path, 'question'], message: `condition names "${cond.question}", which is not asked earlier` }];
  const q = c.questions[target]!;
  const ids = new Set(choiceIdsOf(c, q));
  const out: RuleProblem[] = [];
  for (const key of ['anyOf', 'noneOf'] as const)
    (cond[key] ?? []).forEach((id, k) => {
      if (!ids.has(id)) out.push({ path: [...path, key, k], message: `"${cond.question}" has no choice "${id}"` });
    });
  if ((cond.atLeast !== undefined || cond.below !== undefined) && q.type !== 'number')
    out.push({ path, message: `"atLeast"/"below" need a number question, "${cond.question}" is ${q.type}` });
  return out;
}

const referencesNameKnownQuestions: Rule = (c) => {
  const ids = new Set(c.questions.map((q) => q.id));
  const scored = new Set(c.questions.filter((q) => !q.context).map((q) => q.id));
  const out: RuleProblem[] = [];
  c.questions.forEach((q, i) =>
    (q.recommendations ?? []).forEach((r, j) =>
      (r.requires ?? []).forEach((req, k) => {
        if (!ids.has(req)) out.push({ path: ['questions', i, 'recommendations', j, 'requires', k], message: `prerequisite names unknown question "${req}"` });
      }),
    ),
  );
  for (const key of ['preScale', 'characteristics'] as const)
    c[key].forEach((entry, i) =>
      entry.questions.forEach((qid, k) => {
        if (!scored.has(qid)) out.push({ path: [key, i, 'questions', k], message: `"${qid}" is not a scored question of this checklist` });
      }),
    );
  return out;
};

const whenMissingNamesPractices: Rule = (c) =>
  c.questions.flatMap((q, i) =>
    (q.recommendations ?? []).flatMap((r, j) => {
      if (!r.whenMissing) return [];
      const path = ['questions', i, 'recommendations', j, 'whenMissing'];
      if (q.type !== 'multi') return [{ path, message: `"whenMissing" needs a multi-select question, "${q.id}" is ${q.type}` }];
      const practices = new Set((q.choices ?? []).filter((ch) => !ch.exclusive).map((ch) => ch.id));
      return r.whenMissing.flatMap((id, k) => (practices.has(id) ? [] : [{ path: [...path, k], message: `"${q.id}" has no practice "${id}"` }]));
    }),
  );

const recommendationsAgreeOnText: Rule = (c) => {
  const seen = new Map<string, string>();
  const out: RuleProblem[] = [];
  c.questions.forEach((q, i) =>
    (q.recommendations ?? []).forEach((r, j) => {
      const prior = seen.get(r.id);
      if (prior !== undefined && prior !== r.text)
        out.push({ path: ['questions', i, 'recommendations', j, 'id'], message: `recommendation id "${r.id}" is reused with different text` });
      seen.set(r.id, r.text);
    }),
  );
  return out;
};

/**
 * Stages: only musts have one, each with its reason; a must to pilot cannot wait on a must to
 * scale (its step would need a control the pilot is allowed to lack); the pilot size and the
 * context rules name questions and choices that exist.
 */
const stagesAreConsistent: Rule = (c) => {
  const out: RuleProblem[] = [];
  const stageOf = new Map(c.questions.map((q) => [q.id, q.obligation === 'must' ? (q.stage ?? 'pilot') : undefined]));
  c.questions.forEach((q, i) => {
    if (q.stage !== undefined && q.obligation !== 'must')
      out.push({ path: ['questions', i, 'stage'], message: `"${q.id}" has a stage but is not a must: only musts are needed for a stage` });
    if (q.stage !== undefined && !q.stageWhy)
      out.push({ path: ['questions', i, 'stage'], message: `"${q.id}" names its stage without "stageWhy": say why it is needed for that stage` });
    if (q.stageWhy !== undefined && q.stage === undefined) out.push({ path: ['questions', i, 'stageWhy'], message: `"${q.id}" has "stageWhy" but no "stage"` });
    if (stageOf.get(q.id) !== 'pilot') return;
    (q.recommendations ?? []).forEach((r, j) =>
      (r.requires ?? []).forEach((req, k) => {
        if (stageOf.get(req) === 'scale')
          out.push({
            path: ['questions', i, 'recommendations', j, 'requires', k],
            message: `"${q.id}" is a must to pilot but its step requires "${req}", a must to scale: make "${req}" a must to pilot, or drop the prerequisite`,
          });
      }),
    );
  });
  const index = new Map(c.questions.map((q, i) => [q.id, i]));
  if (c.pilotSize) out.push(...checkCondition(c, c.pilotSize.when, Infinity, index, ['pilotSize', 'when']));
  const seen = new Set<string>();
  (c.contextRules ?? []).forEach((rule, i) => {
    const path = ['contextRules', i];
    if (seen.has(rule.id)) out.push({ path: [...path, 'id'], message: `duplicate context rule id "${rule.id}"` });
    seen.add(rule.id);
    out.push(...checkCondition(c, rule.when, Infinity, index, [...path, 'when']));
    const q = c.questions.find((x) => x.id === rule.question);
    if (!q) return void out.push({ path: [...path, 'question'], message: `context rule "${rule.id}" names unknown question "${rule.question}"` });
    if (!q.context || q.type === 'number')
      return void out.push({ path: [...path, 'question'], message: `context rule "${rule.id}": "${rule.question}" is not a context question with choices` });
    const ids = new Set(choiceIdsOf(c, q));
    rule.contradicts.forEach((id, k) => ids.has(id) || out.push({ path: [...path, 'contradicts', k], message: `"${rule.question}" has no choice "${id}"` }));
    if (!ids.has(rule.implies)) out.push({ path: [...path, 'implies'], message: `"${rule.question}" has no choice "${rule.implies}"` });
    else if (rule.contradicts.includes(rule.implies))
      out.push({ path: [...path, 'implies'], message: `context rule "${rule.id}" implies "${rule.implies}", which it also contradicts` });
  });
  return out;
};

export const checklistRules: Rule[] = [
  questionIdsAreUnique,
  failureModesAreTheSeven,
  verdictsAreDistinct,
  questionShapesFitTheirType,
  scoredQuestionsAreComplete,
  scaleChoicesHaveScores,
  conditionsNameEarlierQuestions,
  referencesNameKnownQuestions,
  whenMissingNamesPractices,
  recommendationsAgreeOnText,
  stagesAreConsistent,
];

export function choiceIdsOf(c: Checklist, q: Question): string[] {
  if (q.type === 'yesno') return ['yes', 'no'];
  if (q.type === 'number') return (q.bands ?? []).map((b) => b.id);
  const choices = q.scale ? c.scales?.[q.scale] : q.choices;
  return (choices ?? []).map((ch) => ch.id);
}

function duplicates(ids: string[], report: (index: number, id: string) => RuleProblem): RuleProblem[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    if (seen.has(id)) return [report(i, id)];
    seen.add(id);
    return [];
  });
}
