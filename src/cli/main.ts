// The bin entry: builds the command line, runs one command, and maps the outcome to an exit code
// (0 pass, 1 gate failed, 2 invalid input or usage, 3 internal error).
import { Command, CommanderError } from 'commander';
import { ExitCode, formatProblem, InputError } from '../errors.js';
import { readPackageVersion } from '../io/package.js';
import { registerAggregate } from './commands/aggregate.js';
import { registerAssess } from './commands/assess.js';
import { registerCollect } from './commands/collect.js';
import { registerCompare } from './commands/compare.js';
import { registerExplain } from './commands/explain.js';
import { registerHistory } from './commands/history.js';
import { registerImport } from './commands/import.js';
import { registerReport } from './commands/report.js';
import { registerScan } from './commands/scan.js';
import { registerSchema } from './commands/schema.js';
import { registerInit } from './commands/init.js';
import { registerValidate } from './commands/validate.js';
import { allWritten, onFirstUse, output } from './std-streams.js';

const program = new Command('rollout-check')
  .description('Is this organisation ready to roll out AI coding agents, and what should it fix first?')
  .version(readPackageVersion(), '-V, --version')
  .exitOverride();
program.configureOutput({
  writeOut: (text) => output('stdout').write(text),
  writeErr: (text) => output('stderr').write(text),
  outputError: (text, write) => write(text),
});
const commands = {
  assess: registerAssess,
  init: registerInit,
  validate: registerValidate,
  report: registerReport,
  compare: registerCompare,
  schema: registerSchema,
  scan: registerScan,
  collect: registerCollect,
  history: registerHistory,
  aggregate: registerAggregate,
  import: registerImport,
  explain: registerExplain,
};
// A run names its command first: building only that one spares a short run the options and help
// of the other ten. Help, the version and anything not a command name get them all, so what they
// print (the command list, suggestions for a mistyped name) is unchanged.
const named = process.argv[2] ?? '';
for (const register of Object.hasOwn(commands, named) ? [commands[named as keyof typeof commands]] : Object.values(commands)) register(program);
program.commands.forEach((c) => c.exitOverride());

// When the reader goes away (`| head`), stop quietly, as `git log | head` does: the run has
// nothing left to say to anyone.
for (const name of ['stdout', 'stderr'] as const)
  onFirstUse(name, (stream) =>
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw err;
    }),
  );

// No top-level await: the bundle is CommonJS so that it can be loaded with V8's code cache.
program
  .parseAsync(process.argv)
  .catch(async (err: unknown) => {
    process.exitCode = await handleError(err);
  })
  .then(exitOnceWritten);

/**
 * Ends the process as soon as the command is done and its output is written. Left to itself, Node
 * would first let V8 finish any garbage collection it has begun, which adds 10 to 20 ms to a short
 * run. Output still being written (a slow pipe) is waited for as usual.
 */
function exitOnceWritten(): void {
  if (allWritten()) process.exit();
}

async function handleError(err: unknown): Promise<number> {
  // Colour is loaded only for the errors that use it.
  const red = async () => (await (await import('./colour.js')).colourFor(output('stderr'))).red;
  if (err instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage mistake.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.pass;
    return ExitCode.invalidInput;
  }
  if (err instanceof InputError) {
    const lines = err.problems.length ? err.problems.map(formatProblem) : [err.message];
    for (const line of lines) output('stderr').write(`${(await red())('error:')} ${line}\n`);
    if (err.hint) output('stderr').write(`hint: ${err.hint}\n`);
    return ExitCode.invalidInput;
  }
  const message = err instanceof Error ? err.message : String(err);
  output('stderr').write(`${(await red())('internal error:')} ${message}\n`);
  output('stderr').write(`This is a bug in rollout-check ${readPackageVersion()} (Node ${process.version}); please report it.\n`);
  if (process.env.ROLLOUT_CHECK_DEBUG && err instanceof Error) output('stderr').write(`${err.stack}\n`);
  return ExitCode.internal;
}
