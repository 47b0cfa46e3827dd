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
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Applies `fn` to every string inside a JSON-like value, keeping its shape. What `fn` leaves as it
 * was is shared, not copied: most of a report needs no escaping, and copying all of it cost a run
 * a few milliseconds. The value is read, never changed; treat the result as read-only too.
 */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const mapped = mapStrings(value[i], fn);
      if (mapped !== value[i]) (out ??= value.slice())[i] = mapped;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    // Indexed, not for...of: run once per report, cold, an iterator's steps are each an object.
    const keys = Object.keys(source);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const mapped = mapStrings(source[key], fn);
      if (mapped === source[key]) continue;
      put((out ??= copyOf(source)), key, mapped);
    }
    return (out ?? value) as T;
  }
  return value;
}

function copyOf(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) put(out, key, source[key]);
  return out;
}

/** A key read from a user's file may be "__proto__": kept as a key, never as the prototype. */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
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
