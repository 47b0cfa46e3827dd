// The real validators the CI formats are checked with: Microsoft's SARIF multitool (a dev
// dependency that ships a self-contained Linux binary) and xmllint against the Jenkins JUnit XSD.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from './cli.js';

/** Errors and warnings the SARIF multitool finds, GitHub's ingestion rules included. */
export function sarifProblems(sarifText: string): string[] {
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  // The package's install script sets the run bit; an install with --ignore-scripts does not.
  if (!(statSync(binary).mode & 0o100)) chmodSync(binary, 0o755);
  const dir = mkdtempSync(join(tmpdir(), 'rollout-check-sarif-'));
  const input = join(dir, 'in.sarif');
  const output = join(dir, 'out.sarif');
  writeFileSync(input, sarifText);
  // Its exit code is 0 whatever it finds: the findings are read from its own SARIF log.
  const r = spawnSync(
    binary,
    [
      'validate',
      input,
      '--output',
      output,
      '--log',
      'ForceOverwrite',
      '--rule-kind',
      'Gh;Sarif',
      '--level',
      'Error;Warning',
      '--config',
      fixture('sarif', 'no-network.config.xml'),
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    },
  );
  if (r.status !== 0) throw new Error(`the SARIF validator did not run: ${r.stderr || r.stdout}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as {
    runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[];
  };
  return (log.runs[0]!.results ?? []).map(
    (x) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text ?? `${x.message.id} ${(x.message.arguments ?? []).join(' | ')}`}`,
  );
}

/** xmllint's verdict on a JUnit file against junit-4.xsd: empty when it validates. */
export function junitProblems(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-check-junit-'));
  const file = join(dir, 'junit.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', fixture('junit', 'junit-4.xsd'), file], { encoding: 'utf8' });
  if (r.error) throw new Error('xmllint is missing: apt-get install libxml2-utils');
  return r.status === 0 ? [] : r.stderr.trim().split('\n');
}
