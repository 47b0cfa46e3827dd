// Flag parsers: each turns a string into a typed value or a usage error (exit 2).
import { InvalidArgumentError } from 'commander';
import { didYouMean } from '../closest.js';
import { InputError } from '../errors.js';

export function parseNumberIn(min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got "${raw}"`);
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
    if (!(allowed as readonly string[]).includes(raw))
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}, got "${raw}"${didYouMean(raw, allowed)}`);
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

/**
 * A flag that cannot apply is refused, never silently ignored: `needs` maps an option (its
 * attribute name) to the option it only means something with; `excludes` lists pairs that
 * contradict each other. Only options given on the command line count, not defaults.
 */
export function refuseInapplicable(
  command: { getOptionValueSource(key: string): string | undefined; opts(): Record<string, unknown> },
  rules: { needs?: Record<string, string>; excludes?: [string, string][] },
): void {
  const given = (key: string) => command.getOptionValueSource(key) === 'cli';
  const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  for (const [key, prerequisite] of Object.entries(rules.needs ?? {}))
    if (given(key) && command.opts()[prerequisite] === undefined) throw new InputError(`${flag(key)} only applies with ${flag(prerequisite)}`);
  for (const [a, b] of rules.excludes ?? []) if (given(a) && given(b)) throw new InputError(`${flag(a)} and ${flag(b)} cannot be used together: choose one`);
}
