// The history window, from --since: a duration back from the anchor ("90d", "12w", "6m", "1y"),
// a date ("2026-01-01"), or "all". The anchor is the newest commit or the answers file's date,
// never the clock, so the same repository gives the same figures on any day and in any time zone.
import { isRealDay } from '../day.js';
import { InputError } from '../errors.js';
import { day } from './rework.js';

export interface Window {
  asked: string;
  /** Seconds since the epoch, or null for all history. */
  since: number | null;
  until: number;
}

const units: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

export function parseWindow(asked: string, anchor: number): Window {
  const text = asked.trim().toLowerCase();
  const fixed = fixedSince(asked);
  if (fixed !== undefined) return { asked: text, since: fixed, until: anchor };
  const duration = /^(\d{1,5})([dwmy])$/.exec(text);
  if (duration) {
    const days = Number(duration[1]) * units[duration[2]!]!;
    if (days < 1) throw new InputError(`--since ${asked}: the window must be at least one day`);
    return { asked: text, since: anchor - days * day, until: anchor };
  }
  throw new InputError(`--since ${asked}: not a date or a duration (use 90d, 12w, 6m, 1y, a date such as 2026-01-01, or all)`);
}

/**
 * Where a window starts when that does not hang on the anchor: null for all history, the day's
 * start for a date. Undefined for a duration (counted back from the anchor) or a mistake.
 */
export function fixedSince(asked: string): number | null | undefined {
  const text = asked.trim().toLowerCase();
  if (text === 'all') return null;
  return isRealDay(text) ? Date.parse(`${text}T00:00:00Z`) / 1000 : undefined;
}

/** The end of a YYYY-MM-DD day in UTC, as seconds since the epoch. */
export function endOfDay(date: string): number {
  const t = Date.parse(`${date}T23:59:59Z`);
  if (Number.isNaN(t)) throw new InputError(`${date}: not a date (YYYY-MM-DD)`);
  return t / 1000;
}

export const isoDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
