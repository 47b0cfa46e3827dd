// process.stdout and process.stderr are made on first use, and making one costs a short run a
// millisecond or more (a pipe brings in Node's socket code). Most runs never write to stderr, so
// the CLI sets up its handling of each stream when the stream is first used, and when it is done
// it waits only for the streams that exist.
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
