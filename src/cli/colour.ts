// Colour for one output stream: off when the stream is not a terminal or when NO_COLOR is set,
// so CI logs and pipes stay plain. Apart from the summary so that error messages need only chalk.
import { Chalk, type ChalkInstance } from 'chalk';

export function colourFor(stream: NodeJS.WriteStream): ChalkInstance {
  const off = !stream.isTTY || (process.env.NO_COLOR ?? '') !== '' || process.env.TERM === 'dumb';
  return new Chalk({ level: off ? 0 : 1 });
}
