// Safe reads of parsed configuration. A repository's files are untrusted: a key that should hold
// a list may hold a number, an object may have no prototype, a string may be a nested array.
// Detectors read through these so that a wrong type means "not set", never an exception.

export type Obj = Record<string, unknown>;

/** A plain object, or an empty one for anything else (arrays included). */
export function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

/** The strings of a list; anything else gives an empty list. */
export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Any scalar as text, for messages and matching; objects and lists give an empty string. */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** The keys of a plain object, sorted; none for anything else. */
export function keys(v: unknown): string[] {
  return Object.keys(obj(v)).sort();
}
