// The work behind `rollout-check collect github`, loaded only when the command runs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Problem } from '../../errors.js';
import { readUserFile, refuseInputAsOutput, writeFileAtomic } from '../../io/files.js';
import { ghApi } from '../../io/gh.js';
import { assembleBundle } from '../../platform/assemble.js';
import { branchReads, followUpReads, repositoryPath, repositoryPattern } from '../../platform/endpoints.js';
import { parseIncluded, type HttpAnswer } from '../../platform/http-response.js';
import { printCommands } from '../../platform/print-commands.js';
import { readPlatformBundle } from '../../platform/read-bundle.js';
import { output } from '../std-streams.js';

export interface CollectFlags {
  branch?: string;
  out?: string;
  printCommands?: boolean;
  from?: string;
}

const defaultFolder = 'rollout-check-responses';

export async function runCollect(repository: string, flags: CollectFlags): Promise<number> {
  if (!repositoryPattern.test(repository)) throw new InputError(`"${repository}" is not OWNER/REPO (for example octo-org/widgets)`);
  if (flags.branch !== undefined && !flags.branch.trim()) throw new InputError('--branch is empty');
  if (flags.printCommands) {
    output('stdout').write(printCommands(repository, flags.branch, flags.from ?? defaultFolder));
    return 0;
  }
  if (flags.out) refuseInputAsOutput(flags.out);
  const answers = flags.from ? readSaved(flags.from, repository) : await readLive(repository, flags.branch);
  // Nothing reached GitHub (no gh, not signed in, no network): a bundle of nothing would only
  // pass for one; say why and write none.
  const reached = [...answers.values()].filter((a) => a.status !== 0);
  if (!reached.length) {
    const why = ((answers.values().next().value?.body as { message?: string } | undefined)?.message ?? 'no answer').split('\n')[0];
    throw new InputError(`nothing was read from GitHub for ${repository}: ${why}${flags.from ? '' : ' (install and sign in to gh, or use --print-commands)'}`);
  }
  // With saved answers, the branch is the one they were read for: a different --branch is refused.
  if (flags.from && flags.branch !== undefined) {
    const saved = [...answers.keys()].map((p) => /\/branches\/([^/]+)\/protection$/.exec(p)?.[1]).find((b) => b !== undefined);
    if (saved !== undefined && decodeURIComponent(saved) !== flags.branch)
      throw new InputError(`${flags.from}: the saved answers are for branch "${decodeURIComponent(saved)}", not "${flags.branch}"`);
  }
  const repo = answers.get(repositoryPath(repository));
  const defaultBranch = (repo?.body as { default_branch?: unknown } | undefined)?.default_branch;
  const branch = flags.branch ?? (typeof defaultBranch === 'string' ? defaultBranch : null);
  const bundle = assembleBundle(repository, branch, answers);
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  // What GitHub answered is kept as it is; an answer this version cannot read is said now, not later.
  const checked = readPlatformBundle(flags.out ?? 'platform bundle', text);
  if (!checked.ok) for (const p of checked.problems) output('stderr').write(`warning: ${p.message}${p.path ? ` (${p.path})` : ''}\n`);
  const unreadable = Object.entries(bundle.responses).filter(([, r]) => r.status < 200 || r.status >= 300);
  if (branch === null) output('stderr').write(`warning: the default branch of ${repository} is not readable: pass --branch\n`);
  if (unreadable.length)
    output('stderr').write(
      `note: ${unreadable.length} of ${Object.keys(bundle.responses).length} reads were refused or not reached; they are recorded as not readable\n`,
    );
  if (flags.out) writeFileAtomic(flags.out, text);
  else output('stdout').write(text);
  return 0;
}

async function readLive(repository: string, branch: string | undefined): Promise<Map<string, HttpAnswer>> {
  const answers = new Map<string, HttpAnswer>();
  const read = async (path: string) => answers.set(path, await ghApi(path));
  await read(repositoryPath(repository));
  const defaultBranch = (answers.get(repositoryPath(repository))!.body as { default_branch?: unknown } | null)?.default_branch;
  const name = branch ?? (typeof defaultBranch === 'string' ? defaultBranch : undefined);
  if (name === undefined) return answers;
  for (const path of branchReads(repository, name)) await read(path);
  const body = (path: string) => {
    const a = answers.get(path);
    return a && a.status >= 200 && a.status < 300 ? a.body : undefined;
  };
  for (const path of followUpReads(repository, name, body)) await read(path);
  return answers;
}

/** The files the printed commands saved: the path asked for on the first line, then gh's answer. */
function readSaved(dir: string, repository: string): Map<string, HttpAnswer> {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.http'))
      .sort();
  } catch {
    throw new InputError(`${dir}: not a folder of saved answers (run the commands --print-commands prints first)`);
  }
  if (!names.length) throw new InputError(`${dir}: no .http files (run the commands --print-commands prints first)`);
  const answers = new Map<string, HttpAnswer>();
  const problems: Problem[] = [];
  const prefix = repositoryPath(repository).toLowerCase();
  for (const name of names) {
    const file = join(dir, name);
    const text = readUserFile(file);
    const newline = text.indexOf('\n');
    const path = (newline < 0 ? text : text.slice(0, newline)).trim();
    const lower = path.toLowerCase();
    if (!(lower === prefix || lower.startsWith(`${prefix}/`)) || /\s/.test(path)) {
      problems.push({ file, line: 1, message: `the first line should be the path read for ${repository}, found "${path.slice(0, 80)}"` });
      continue;
    }
    const answer = parseIncluded(newline < 0 ? '' : text.slice(newline + 1));
    // An empty answer is a read that never reached GitHub (gh missing or signed out there).
    answers.set(path, answer ?? { status: 0, date: null, body: { message: 'no HTTP answer was saved (was gh signed in?)' } });
  }
  if (problems.length) throw new InputError(problems);
  return answers;
}
