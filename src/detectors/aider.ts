// Aider: https://aider.chat/docs/config/aider_conf.html
import type { FindingDraft } from './types.js';
import { obj } from './shared/data.js';
import type { Detector } from './types.js';

export const aider: Detector = {
  id: 'aider',
  name: 'Aider',
  docsUrl: 'https://aider.chat/docs/config/aider_conf.html',
  patterns: ['.aider.conf.yml', '**/CONVENTIONS.md'],
  inspect(files) {
    return files.flatMap((f): FindingDraft[] => {
      if (!f.path.endsWith('.aider.conf.yml'))
        return [{ id: 'aider.conventions', failureMode: 'FM5', severity: 'info', kind: 'fact', path: f.path, message: 'shared coding conventions for Aider' }];
      const c = obj(f.data);
      const out: FindingDraft[] = [];
      if (c['yes-always'] === true)
        out.push({
          id: 'aider.yes-always',
          failureMode: 'FM1',
          severity: 'high',
          kind: 'risk',
          path: f.path,
          line: f.lineOf('yes-always'),
          message: 'yes-always answers every confirmation with yes, commands included',
        });
      if (c['attribute-co-authored-by'] === false && c['attribute-author'] === false)
        out.push({
          id: 'aider.attribution-off',
          failureMode: 'FM6',
          severity: 'medium',
          kind: 'risk',
          path: f.path,
          line: f.lineOf('attribute-co-authored-by'),
          message: 'Aider commits carry no attribution',
        });
      if (c['auto-commits'] !== false)
        out.push({
          id: 'aider.auto-commits',
          failureMode: 'FM3',
          severity: 'info',
          kind: 'fact',
          path: f.path,
          message: 'Aider commits its changes automatically (auto-commits is on)',
        });
      return out;
    });
  },
};
