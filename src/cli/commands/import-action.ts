// The work behind `rollout-check import`: read, check every row, then write every file (each
// atomically). Nothing is written unless everything is valid.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serializeAnswers } from '../../answers/serialize.js';
import { validateAnswers } from '../../answers/validate.js';
import { InputError } from '../../errors.js';
import { readUserFile, writeFileAtomic } from '../../io/files.js';
import { loadChecklist } from '../../load/checklist.js';
import { importCsv } from '../../respondents/import-csv.js';
import { output } from '../std-streams.js';

export async function runImport(csv: string, flags: { outDir: string; policy?: string; force?: boolean }): Promise<void> {
  const checklist = await loadChecklist(flags.policy);
  const imported = importCsv(csv, readUserFile(csv), checklist);
  if (!imported.ok) throw new InputError(imported.problems);
  const taken = new Set<string>();
  const planned = imported.files.map((f) => {
    const base =
      f.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'respondent';
    let name = `${base}.yaml`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.yaml`;
    taken.add(name);
    const path = join(flags.outDir, name);
    const text = serializeAnswers(checklist, f.answers, { placeholders: false });
    const check = validateAnswers(checklist, path, text);
    // Anything the row check missed is still the row's fault: name the row, not a file not yet written.
    if (!check.ok)
      throw new InputError(check.problems.map((p) => ({ file: csv, line: f.line, message: `row ${f.line}: ${p.path ? `${p.path}: ` : ''}${p.message}` })));
    if (existsSync(path) && !flags.force) throw new InputError(`${path}: already exists; pass --force to replace it, or --out-dir another folder`);
    return { path, text };
  });
  mkdirSync(flags.outDir, { recursive: true });
  for (const p of planned) writeFileAtomic(p.path, p.text);
  output('stdout').write(
    `Wrote ${planned.length} answers ${planned.length === 1 ? 'file' : 'files'} to ${flags.outDir}. Assess them together: rollout-check assess --answers ${flags.outDir}\n`,
  );
}
