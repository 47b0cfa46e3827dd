// GitHub workflow commands (`::error file=...,line=...::message`), so findings and gate failures
// appear on the pull request where reviewers look. Pure: lines in, the CLI prints them (to
// standard error, so a report on standard output stays clean; the runner reads both).
// Escaping follows the Actions toolkit (packages/core/src/command.ts): data escapes %, CR and LF;
// property values also escape : and ,.
import type { SarifResult } from './formats/sarif.js';

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const command = { error: 'error', warning: 'warning', note: 'notice' } as const;

export function annotationLines(results: SarifResult[], gateFailures: string[]): string[] {
  const lines = results
    .filter((r) => !r.suppression)
    .map((r) => {
      const props = [`file=${escapeProperty(r.uri)}`, ...(r.line ? [`line=${r.line}`] : []), `title=${escapeProperty(`rollout-check ${r.rule.id}`)}`];
      return `::${command[r.rule.level]} ${props.join(',')}::${escapeData(r.message)}`;
    });
  for (const f of gateFailures) lines.push(`::error title=${escapeProperty('rollout-check gate failed')}::${escapeData(f)}`);
  return lines;
}
