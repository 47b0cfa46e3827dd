// The work behind `rollout-check schema`, loaded only when the command runs.
import { toJSONSchema } from '../../zod-mini.js';
import { AnswersFile } from '../../answers/schema.js';
import { Checklist } from '../../checklist/schema.js';
import { HistoryResult, historySchemaVersion } from '../../history/model.js';
import { Report, reportSchemaVersion } from '../../report/model.js';
import { PlatformBundle, platformSchemaVersion } from '../../platform/bundle.js';

export type SchemaKind = 'result' | 'answers' | 'checklist' | 'history' | 'platform';

export function jsonSchemaOf(kind: SchemaKind): object {
  const schemas = { result: Report, answers: AnswersFile, checklist: Checklist, history: HistoryResult, platform: PlatformBundle };
  const body = toJSONSchema(schemas[kind], { io: 'input', unrepresentable: 'any' });
  const title = {
    result: `rollout-check result ${reportSchemaVersion}`,
    answers: 'rollout-check answers file',
    checklist: 'rollout-check checklist',
    history: `rollout-check history ${historySchemaVersion}`,
    platform: `rollout-check platform bundle ${platformSchemaVersion}`,
  }[kind];
  return { ...body, $id: `https://rollout-check.dev/schema/${kind}.json`, title };
}
