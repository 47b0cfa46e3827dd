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
  // Most strings need nothing: one test instead of five replacements (a report has thousands).
  if (!/[&<>|\n\r]/.test(s)) return s;
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
  if (value && typeof value === 'object') {
    // A plain loop: no entry arrays to allocate and collect for every object of a large report.
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const mapped = mapStrings((value as Record<string, unknown>)[key], fn);
      // A key read from a user's file may be "__proto__": kept as a key, never as the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: mapped, enumerable: true, writable: true, configurable: true });
      else out[key] = mapped;
    }
    return out as T;
  }
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
