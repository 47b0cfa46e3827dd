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

export interface Prompter {
  select(message: string, options: Option[], initial?: string): Promise<string>;
  checkbox(message: string, options: Option[], validate: (values: string[]) => string | true): Promise<string[]>;
  input(message: string, validate: (value: string) => string | true, initial?: string): Promise<string>;
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
  select: (message, options, initial) =>
    select({ message, choices: withGroups(options), default: initial, pageSize: 12, loop: false }),
  checkbox: (message, options, validate) =>
    checkbox({ message, choices: withGroups(options), validate: (items) => validate(items.map((i) => i.value)), pageSize: 12, loop: false }),
  input: (message, validate, initial) => input({ message, validate, default: initial }),
  print: (text) => process.stdout.write(`${text}\n`),
};
