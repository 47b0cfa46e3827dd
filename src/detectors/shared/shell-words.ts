// Splits a command line into words as a shell would (quotes, escapes, line continuations), with
// shell-quote. GitHub expressions (${{ ... }}) are kept as opaque words; operators (|, &&, ;)
// end up as their own words. Undefined when the line cannot be split: the caller then says so
// instead of guessing.
import { parse } from 'shell-quote';

export function shellWords(line: string): string[] | undefined {
  const expressions: string[] = [];
  // A backslash at the end of a line continues it.
  // A comment ends at its line (shell-quote would run it to the end of the script): whole-line
  // comments are dropped before parsing.
  const plain = line
    .replace(/^[ \t]*#.*$/gm, '')
    .replace(/\\\r?\n/g, ' ')
    .replace(/\$\{\{[\s\S]*?\}\}/g, (m) => `__gh_expr_${expressions.push(m) - 1}__`);
  let entries: ReturnType<typeof parse>;
  try {
    // Variables stay as written ($FOO), never expanded from our environment.
    entries = parse(plain, (name) => `$${name}`);
  } catch {
    return undefined;
  }
  return entries.map((e) => {
    const word = typeof e === 'string' ? e : 'op' in e ? e.op : 'comment' in e ? `#${e.comment}` : String((e as { pattern?: string }).pattern ?? '');
    return word.replace(/__gh_expr_(\d+)__/g, (_, i: string) => expressions[Number(i)]!);
  });
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
