// Splits a command line into words as a shell would (quotes, escapes, line continuations), with
// shell-quote. GitHub expressions (${{ ... }}) are kept as opaque words; operators (|, &&, ;)
// end up as their own words. Undefined when the line cannot be split: the caller then says so
// instead of guessing.
import { parse } from 'shell-quote';

export function shellWords(line: string): string[] | undefined {
  const expressions: string[] = [];
  // A backslash at the end of a line continues it.
  const plain = withoutComments(line)
    .replace(/\\\r?\n/g, ' ')
    .replace(/\$\{\{[\s\S]*?\}\}/g, (m) => `__gh_expr_${expressions.push(m) - 1}__`)
    // A parameter expansion with an operator (${VAR:+--flag x}, ${VAR:-default}, ${VAR:?message})
    // is decided at run time, and shell-quote refuses it: kept as the variable it starts from.
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+?=])[^{}]*\}/g, (_, name: string) => `$${name}`);
  let entries: ReturnType<typeof parse>;
  try {
    // Variables stay as written ($FOO), never expanded from our environment.
    entries = parse(plain, (name) => `$${name}`);
  } catch {
    return undefined;
  }
  return entries.map((e) => {
    const word = typeof e === 'string' ? e : 'op' in e ? e.op : 'comment' in e ? `#${e.comment}` : String((e as { pattern?: string }).pattern ?? '');
    return word.replace(/__gh_expr_(\d+)__/g, (_, i: string) => expressions[Number(i)]!).replaceAll(hash, '#');
  });
}

/**
 * A script without its comments. shell-quote runs a comment to the end of the input, but a shell
 * ends it at the line: a `#` that starts a word, outside quotes, drops the rest of its line only.
 */
const hash = '__sh_hash__';

function withoutComments(script: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    // An escaped character is kept as it is, whatever it is (outside single quotes).
    if (c === '\\' && quote !== "'") {
      out += c + (script[i + 1] ?? '');
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(script[i - 1]!))) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
      continue;
    } else if (c === '#') {
      // Inside a word: a plain character, which shell-quote would take for a comment.
      out += hash;
      continue;
    }
    out += c;
  }
  return out;
}

/** The value of `--flag value` or `--flag=value` among the words (the last one wins). */
export function flagValues(words: string[], ...names: string[]): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    for (const n of names) {
      if (w === n && i + 1 < words.length) out.push(words[i + 1]!);
      else if (w.startsWith(`${n}=`)) out.push(w.slice(n.length + 1));
    }
  });
  return out;
}
