// The only module that imports inquirer. Everything else asks through the Prompter interface,
// so tests can script the answers and the questionnaire never depends on a terminal library.
import { checkbox, input, select, Separator } from '@inquirer/prompts';

export interface Option {
  value: string;
  name: string;
  /** Shown on its own line while the option is highlighted. */
  description?: string;
  checked?: boolean;
  /** Starts a visual group: a separator line with this title is drawn before the option. */
  group?: string;
}

/**
 * Single keys that end a prompt with an action instead of an answer ("?" not sure, "h" help...):
 * key -> the value the prompt then returns (a checkbox returns it alone in its list). Actions
 * are not choices, so they can never be ticked beside one.
 */
export type ActionKeys = Readonly<Record<string, string>>;

export interface Prompter {
  select(message: string, options: Option[], initial?: string, keys?: ActionKeys): Promise<string>;
  checkbox(message: string, options: Option[], validate: (values: string[]) => string | true, keys?: ActionKeys): Promise<string[]>;
  input(message: string, validate: (value: string) => string | true, initial?: string, keys?: ActionKeys): Promise<string>;
  /** Prints a block of text between prompts (help, review headings). */
  print(text: string): void;
}

/** Thrown (by the real prompter) when the user presses Ctrl-C or the terminal closes. */
export function isPromptCancelled(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

const withGroups = (options: Option[]) =>
  options.flatMap((o) => [
    ...(o.group !== undefined ? [new Separator(o.group)] : []),
    { value: o.value, name: o.name, description: o.description, checked: o.checked },
  ]);

export const terminalPrompter: Prompter = {
  select: (message, options, initial, keys) =>
    withKeys(keys, (signal) => select({ message, choices: withGroups(options), default: initial, pageSize: 12, loop: false }, { signal })),
  checkbox: async (message, options, validate, keys) => {
    // Letters belong to the action keys: inquirer's own "a" (all) and "i" (invert) are off.
    const run = (signal: AbortSignal | undefined) =>
      checkbox(
        {
          message,
          choices: withGroups(options),
          validate: (items) => validate(items.map((i) => i.value)),
          pageSize: 12,
          loop: false,
          shortcuts: { all: null, invert: null },
        },
        { signal },
      );
    const picked = await withKeys(keys, run);
    return typeof picked === 'string' ? [picked] : picked;
  },
  input: (message, validate, initial, keys) => withKeys(keys, (signal) => input({ message, validate, default: initial }, { signal })),
  print: (text) => process.stdout.write(`${text}\n`),
};

/**
 * Runs a prompt that a single key can end: inquirer's readline emits a keypress event on stdin
 * for every key, and an action key aborts the prompt and is returned in its place.
 */
async function withKeys<T>(keys: ActionKeys | undefined, run: (signal: AbortSignal | undefined) => Promise<T>): Promise<T | string> {
  if (!keys || !Object.keys(keys).length) return run(undefined);
  const controller = new AbortController();
  let action: string | undefined;
  const onKey = (str: string | undefined) => {
    if (action === undefined && str !== undefined && Object.hasOwn(keys, str)) {
      action = keys[str];
      controller.abort();
    }
  };
  process.stdin.on('keypress', onKey);
  try {
    return await run(controller.signal);
  } catch (err) {
    if (action !== undefined) return action;
    throw err;
  } finally {
    process.stdin.off('keypress', onKey);
  }
}
