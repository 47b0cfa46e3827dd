// The work behind `rollout-check history`, loaded only when the command runs.
import { relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { readUserFile } from '../../io/files.js';
import { loadAttribution, readHistory, type HistoryOptions } from '../../history/read-history.js';
import { historyJson, historyMarkdown, historyText } from '../../history/render.js';

/** The command's flags, as commander hands them over (declared in history.ts). */
export interface HistoryFlags {
  format: 'text' | 'md' | 'json';
  out?: string;
  since: string;
  all?: boolean;
  attribution: string[];
  prs?: string;
}

/** Reads the history (and the optional pull request export) as both `history` and `assess` need. */
export async function collectHistory(dir: string, flags: { since?: string; all?: boolean; attribution?: string[]; prs?: string }, anchorDate?: string) {
  // Loaded and validated once, for the commits and the pull requests alike.
  const attribution = await loadAttribution(flags.attribution ?? []);
  let pullRequests: HistoryOptions['pullRequests'] = null;
  if (flags.prs) {
    // The export's schema and parser load only with --prs.
    const { parsePullRequests, summarisePullRequests } = await import('../../history/pull-requests.js');
    const parsed = parsePullRequests(flags.prs, readUserFile(flags.prs));
    if (!parsed.ok) throw new InputError(parsed.problems);
    pullRequests = summarisePullRequests(flags.prs, parsed.prs, attribution);
  }
  const label = relative(process.cwd(), resolve(dir)).split('\\').join('/') || '.';
  return readHistory(dir, { since: flags.all ? 'all' : flags.since, anchorDate, attribution, pullRequests, label });
}

export async function runHistory(dir: string, flags: HistoryFlags): Promise<string> {
  const result = await collectHistory(dir, flags);
  return { text: historyText, md: historyMarkdown, json: historyJson }[flags.format](result);
}
