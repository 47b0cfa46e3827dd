// Colour for one output stream: off when the stream is not a terminal or when NO_COLOR is set,
// so CI logs and pipes stay plain. Chalk (and the terminal modules it reads at load) is loaded
// only when colour is on: CI runs, the most frequent, never pay for it.
import type { ChalkInstance } from 'chalk';

/** Colour off: every style, however chained (`c.bold.red(text)`), returns the text as it is. */
const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), {
  // Not a promise (`then`), and symbols (inspection) answered by the function itself.
  get: (target, key) => (key === 'then' ? undefined : typeof key === 'symbol' ? Reflect.get(target, key) : key === 'level' ? 0 : plain),
}) as unknown as ChalkInstance;

export async function colourFor(stream: { readonly isTTY?: boolean }): Promise<ChalkInstance> {
  const off = !stream.isTTY || (process.env.NO_COLOR ?? '') !== '' || process.env.TERM === 'dumb';
  if (off) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
