// A Prompter that replays scripted replies and fails on any prompt it did not expect, so a test
// states exactly which questions are asked, in which order.
import type { ActionKeys, Option, Prompter } from '../../src/interactive/prompter.js';

export type Scripted = { select: string; expect?: RegExp } | { checkbox: string[]; expect?: RegExp } | { input: string; expect?: RegExp };

export interface Asked {
  kind: 'select' | 'checkbox' | 'input';
  message: string;
  options: Option[];
  initial?: string;
}

export function scriptedPrompter(script: Scripted[]): Prompter & { asked: Asked[]; printed: string[]; remaining: () => number } {
  const queue = [...script];
  const asked: Asked[] = [];
  const printed: string[] = [];
  const next = (kind: Asked['kind'], message: string, options: Option[] = [], initial?: string) => {
    asked.push({ kind, message, options, initial });
    const step = queue.shift();
    if (!step) throw new Error(`unexpected ${kind} prompt: ${message}`);
    if (!(kind in step)) throw new Error(`expected ${Object.keys(step)[0]}, got ${kind} prompt: ${message}`);
    if (step.expect && !step.expect.test(message)) throw new Error(`prompt "${message}" does not match ${step.expect}`);
    return (step as Record<string, unknown>)[kind];
  };
  return {
    asked,
    printed,
    remaining: () => queue.length,
    select: async (message, options, initial, keys) => {
      const v = next('select', message, options, initial) as string;
      const action = actionOf(keys, v);
      if (action !== undefined) return action;
      if (!options.some((o) => o.value === v)) throw new Error(`"${v}" is not an option of: ${message}`);
      return v;
    },
    checkbox: async (message, options, validate, keys) => {
      const v = next('checkbox', message, options) as string[];
      const action = v.length === 1 ? actionOf(keys, v[0]!) : undefined;
      if (action !== undefined) return [action];
      const ok = validate(v);
      if (ok !== true) throw new Error(`checkbox validation refused ${JSON.stringify(v)}: ${ok}`);
      return v;
    },
    input: async (message, validate, initial, keys) => {
      const v = next('input', message, [], initial) as string;
      const action = actionOf(keys, v);
      if (action !== undefined) return action;
      const ok = validate(v);
      if (ok !== true) throw new Error(`input validation refused "${v}": ${ok}`);
      return v;
    },
    print: (text) => void printed.push(text),
  };
}

/** A scripted key ("?") or the action it stands for ("unknown"), when the prompt takes action keys. */
function actionOf(keys: ActionKeys | undefined, v: string): string | undefined {
  if (!keys) return undefined;
  if (Object.hasOwn(keys, v)) return keys[v];
  return Object.values(keys).includes(v) ? v : undefined;
}
