// Flag parsers: each turns a string into a typed value or a usage error (exit 2).
import { InvalidArgumentError } from 'commander';
import { didYouMean } from '../closest.js';

export function parseNumberIn(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
}

export function parseCount(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number, got "${raw}"`);
  return n;
}

export function parseChoice<T extends string>(allowed: readonly T[]) {
  return (raw: string): T => {
    if (!(allowed as readonly string[]).includes(raw)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}, got "${raw}"${didYouMean(raw, allowed)}`);
    return raw as T;
  };
}

/** For repeatable options: each use adds one value. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A repeatable option that also takes comma-separated values: `--x a,b --x c`. */
export function collectChoices<T extends string>(allowed: readonly T[]) {
  const one = parseChoice(allowed);
  return (raw: string, previous: T[] | undefined): T[] => [...new Set([...(previous ?? []), ...raw.split(',').map((x) => one(x.trim()))])];
}
