// Scan output: JSON (the contract), Markdown and plain text. Pure.
import type { ScanResult } from '../detectors/types.js';
import { escapeMarkdown } from '../text.js';

/** SARIF: its own module, loaded only when asked for (it brings the SARIF format and hashing). */
export async function scanSarif(r: ScanResult, version: string): Promise<string> {
  return (await import('./scan-sarif.js')).scanSarif(r, version);
}

export function scanJson(r: ScanResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const where = (f: { path: string; line?: number }) => (f.line ? `${f.path}:${f.line}` : f.path);

export function scanText(r: ScanResult): string {
  const lines = [`Tools: ${r.tools.length ? r.tools.map((t) => `${t.name} (${t.files.length})`).join(', ') : 'no AI tool configuration found'}`];
  const counts = (k: string) => r.findings.filter((f) => f.kind === k).length;
  lines.push(`Findings: ${counts('risk')} risks, ${counts('protective')} protections, ${counts('fact')} facts`);
  for (const fm of ['FM1', 'FM2', 'FM3', 'FM4', 'FM5', 'FM6', 'FM7']) {
    const here = r.findings.filter((f) => f.failureMode === fm && f.kind !== 'fact');
    if (!here.length) continue;
    lines.push('', fm);
    for (const f of here) lines.push(`  ${f.kind === 'risk' ? `${f.severity.toUpperCase()} risk` : 'protective'}  ${where(f)}  ${f.message}`);
  }
  if (r.notObservable.length)
    lines.push('', 'Not observable in the repository (check these by hand):', ...r.notObservable.map((n) => `  ${n.failureMode}  ${n.message}`));
  if (r.skipped.length) lines.push('', 'Skipped:', ...r.skipped.map((s) => `  ${s.path}: ${s.reason}`));
  if (r.notActive.excludes.length) lines.push('', notActiveLine(r));
  return `${lines.join('\n')}\n`;
}

export function scanMarkdown(r: ScanResult): string {
  const e = escapeMarkdown;
  const out = ['# Agent configuration evidence', '', '| Tool | Files |', '|---|---|'];
  for (const t of r.tools) out.push(`| [${e(t.name)}](${t.docsUrl}) | ${t.files.map((f) => `\`${e(f)}\``).join(', ')} |`);
  out.push('', '## Findings', '', '| Failure mode | Kind | Severity | Where | Finding |', '|---|---|---|---|---|');
  for (const f of r.findings)
    out.push(`| ${f.failureMode} | ${f.kind} | ${f.severity} | \`${e(where(f))}\` | ${e(f.message)}${f.recommendation ? `<br>${e(f.recommendation)}` : ''} |`);
  out.push('', '## Not observable in the repository', '', ...r.notObservable.map((n) => `- ${n.failureMode} (${n.tool}): ${e(n.message)}`));
  if (r.skipped.length) out.push('', '## Skipped files', '', ...r.skipped.map((s) => `- \`${e(s.path)}\`: ${e(s.reason)}`));
  if (r.notActive.excludes.length) out.push('', '## Not active here', '', e(notActiveLine(r)));
  return `${out.join('\n')}\n`;
}

/** "Not active here: 93 findings in paths set aside (test/fixtures/, examples/), never weighed." */
export function notActiveLine(r: Pick<ScanResult, 'notActive'>): string {
  const n = r.notActive.findings.length;
  return `Not active here: ${n} finding${n === 1 ? '' : 's'} in paths the ignore file or --exclude set aside (${r.notActive.excludes.join(', ')}); they are not this repository's configuration and never weigh on an answer.`;
}
