// process.stdout and process.stderr are made on first use, and making one costs a short run a
// millisecond or more (a pipe brings in Node's socket code). Most runs never write to stderr, so
// the CLI sets up its handling of each stream when the stream is first used, and when it is done
// it waits only for the streams that exist.
//
// What the commands print goes through output(): to a file, a pipe, a socket or /dev/null (CI, a
// script, `| head`) as plain synchronous writes, since making Node's stream for one loads its
// stream code, and for a pipe its socket code too, several milliseconds of a short run; to a
// terminal through Node's own stream, as before. Each stream is written one way for the whole run,
// so nothing overtakes anything.
import { fstatSync, statSync, writeSync } from 'node:fs';

type StreamName = 'stdout' | 'stderr';
const opened: NodeJS.WriteStream[] = [];

/** Runs `setUp` on the stream the first time anything uses it (at once if process has no lazy getter for it). */
export function onFirstUse(name: StreamName, setUp: (stream: NodeJS.WriteStream) => void): void {
  const made = Object.getOwnPropertyDescriptor(process, name);
  if (!made?.get || !made.configurable) {
    // Not the lazy getter this expects (a test harness replaced it): set it up now.
    opened.push(process[name]);
    setUp(process[name]);
    return;
  }
  let stream: NodeJS.WriteStream | undefined;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: made.enumerable,
    get() {
      if (!stream) {
        stream = made.get!.call(process) as NodeJS.WriteStream;
        opened.push(stream);
        setUp(stream);
      }
      return stream;
    },
  });
}

/** True when nothing written to stdout or stderr is still waiting to go out. */
export const allWritten = (): boolean => opened.every((s) => s.writableLength === 0);

/** The part of a stream the commands use. */
export interface Output {
  write(text: string): void;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const outputs: Partial<Record<StreamName, Output>> = {};
const fds: Record<StreamName, number> = { stdout: 1, stderr: 2 };

/** Where a command prints: see the top of this file. */
export function output(name: StreamName): Output {
  return (outputs[name] ??= isPlainTarget(fds[name]) ? plainOutput(fds[name]) : process[name]);
}

/** A file, a pipe, a socket or /dev/null: never a terminal, whose stream Node sets up with care. */
function isPlainTarget(fd: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    const s = fstatSync(fd);
    return s.isFile() || s.isFIFO() || s.isSocket() || (s.isCharacterDevice() && s.rdev === statSync('/dev/null').rdev);
  } catch {
    return false;
  }
}

/** What Atomics.wait sleeps on while a full non-blocking pipe drains. */
const pause = new Int32Array(new SharedArrayBuffer(4));

function plainOutput(fd: number): Output {
  return {
    write(text) {
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length;) {
        try {
          at += writeSync(fd, bytes, at);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // A pipe another process made non-blocking: full for now, so wait a moment.
          if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
          // The reader went away (`| head`): stop quietly, as `git log | head` does.
          else if (code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
          else throw err;
        }
      }
    },
  };
}
