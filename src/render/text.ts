// Small pure text helpers shared by the renderers and the terminal summary.

/** A fixed-width bar for a 0..100 score; blank track when there is no score. */
export function bar(score: number | null, width = 10): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function percent(n: number | null): string {
  return n === null ? 'n/a' : `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}

/**
 * Makes a user-supplied string safe inside Markdown, tables included: no raw HTML, no column
 * breaks, no line breaks. Readable when the Markdown is read raw.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** Applies `fn` to every string inside a JSON-like value, keeping its shape. */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  return value;
}

/** Word-wraps a line to `width` columns; continuation lines start with `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
