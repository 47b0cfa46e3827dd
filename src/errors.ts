// Typed errors and the exit codes they map to. Exit codes are public API.
export const ExitCode = { pass: 0, gateFailed: 1, invalidInput: 2, internal: 3 } as const;

/** One problem found in a user's file, located precisely enough to jump to. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted key path inside the document, e.g. "questions.3.choices.0.score". */
  path?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const at = p.path ? ` (at ${p.path})` : '';
  return `${where}: ${p.message}${at}`;
}

/** Bad input from the user: usage, unreadable or invalid files. Exit code 2. */
export class InputError extends Error {
  readonly problems: Problem[];
  readonly hint?: string;
  constructor(problems: Problem[] | string, hint?: string) {
    const list = typeof problems === 'string' ? [] : problems;
    super(typeof problems === 'string' ? problems : list.map(formatProblem).join('\n'));
    this.problems = list;
    this.hint = hint;
  }
}
