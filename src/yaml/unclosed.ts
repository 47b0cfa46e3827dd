// An unclosed `[` or `{` makes the YAML parser report a cascade of follow-on errors, none of them
// at the bracket. This finds the bracket, so the one line a user reads says where it opened.

/** The offset of the innermost flow bracket still open at `end`, or undefined. Quotes and comments are skipped. */
export function unclosedFlowAt(text: string, end: number): number | undefined {
  const open: number[] = [];
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A quote opens a string only where a value can start, not inside a plain word (it's).
      const before = i === 0 ? ' ' : text[i - 1]!;
      if (/[\s[{,:]/.test(before)) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (ch === '[' || ch === '{') open.push(i);
    else if ((ch === ']' || ch === '}') && open.length) open.pop();
  }
  return open.at(-1);
}
