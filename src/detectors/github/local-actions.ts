// A repository's own composite action (`uses: ./.github/actions/run-claude`) that wraps an agent
// action is that agent, run with the inputs the workflow passes in. Reading the workflow alone
// would see an unknown local step; reading the action alone would see `${{ inputs.x }}`. Joining
// them before any rule runs lets every rule judge the agent as the caller configures it.
import type { FindingDraft, ParsedFile } from '../types.js';
import { obj, str, text, type Obj } from '../shared/data.js';
import { agentActionOf } from './agent-actions.js';
import { pinFinding } from './pins.js';

/** The folder a local `uses:` names (`./.github/actions/x` gives `.github/actions/x`). */
const localFolder = (uses: string): string | undefined => (/^\.\/[^@\s]+$/.test(uses) ? uses.slice(2).replace(/\/+$/, '') : undefined);

const inputRef = /\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g;

/** Whether the caller wrote this input: its own key, never one an object inherits (`constructor`). */
const has = (bag: Obj, key: string): boolean => Object.prototype.hasOwnProperty.call(bag, key);

/** A value with `${{ inputs.x }}` replaced by what the caller passes (or the input's default). */
function substitute(value: unknown, given: Obj, declared: Obj): unknown {
  const valueOf = (name: string): unknown => (has(given, name) ? given[name] : has(declared, name) ? obj(declared[name]).default : undefined);
  if (typeof value !== 'string') return value;
  // The whole value one input: keep what the caller wrote as it is (a list stays a list).
  const whole = /^\s*\$\{\{\s*inputs\.([\w-]+)\s*\}\}\s*$/.exec(value);
  if (whole) return valueOf(whole[1]!) ?? '';
  return value.replace(inputRef, (_, name: string) => text(valueOf(name)));
}

const substituteAll = (values: unknown, given: Obj, declared: Obj): Obj =>
  Object.fromEntries(Object.entries(obj(values)).map(([k, v]) => [k, substitute(v, given, declared)]));

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '');

/**
 * A wrapper that builds `claude_args` in an expression (`format('--allowedTools ''{0}''',
 * inputs.allowed-tools)`) passes an input on as a flag: an input the caller gives, named after a
 * tool-list flag the expression writes (allowed-tools, extra-allowed-tools for --allowedTools), is
 * that flag's value. Written out plainly so the tool rules read it like any `claude_args`.
 */
function passedFlags(expression: string, given: Obj): string[] {
  const named = [...expression.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!);
  return ['allowedTools', 'disallowedTools'].flatMap((flag) => {
    if (!new RegExp(`--${flag}\\b`).test(expression)) return [];
    const values = [...new Set(named)]
      .filter((n) => has(given, n) && squash(n).endsWith(squash(flag)) && text(given[n]).trim())
      .map((n) => text(given[n]).trim());
    return values.length ? [`--${flag} '${values.join(',')}'`] : [];
  });
}

/** Marks a step joined in from a local action, whose own pins live in the action's file. */
const wrapper = '(local action)';

/** For a joined step: which of the caller's inputs each inner input takes its value from. */
const sources = '(local action inputs)';

/** The local action folder a joined step came from, if it came from one. */
export const wrappedIn = (step: Obj): string | undefined => str(step[wrapper]);

/**
 * The step as the runner sees it: a local composite action whose steps use a known agent action is
 * replaced by that agent step, with the caller's inputs in place and the caller's `if:`, `id` and
 * environment kept. Any other step is returned as it is.
 */
export function inlineAgentAction(step: Obj, actions: ReadonlyMap<string, ParsedFile>): Obj {
  const folder = localFolder(text(step.uses));
  if (folder === undefined) return step;
  const action = obj((actions.get(`${folder}/action.yml`) ?? actions.get(`${folder}/action.yaml`))?.data);
  const runs = obj(action.runs);
  if (str(runs.using) !== 'composite' || !Array.isArray(runs.steps)) return step;
  const inner = runs.steps.map(obj).find((s) => agentActionOf(text(s.uses)) !== undefined);
  if (!inner) return step;
  const given = obj(step.with);
  const declared = obj(action.inputs);
  const inputs = substituteAll(inner.with, given, declared);
  const args = text(obj(inner.with).claude_args);
  if (/\$\{\{[^}]*\b(format|&&|\|\|)/.test(args))
    inputs.claude_args = [text(inputs.claude_args).replace(/\$\{\{[\s\S]*?\}\}/g, ''), ...passedFlags(args, given)].join('\n').trim();
  // Each inner input is cited where the caller wrote the input it takes its value from.
  const from = Object.fromEntries(
    Object.entries(obj(inner.with)).flatMap(([k, v]) => {
      const source = [...text(v).matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!).find((n) => has(given, n));
      return source ? [[k, source]] : [];
    }),
  );
  return {
    ...step,
    [wrapper]: folder,
    [sources]: from,
    uses: inner.uses,
    with: inputs,
    env: { ...substituteAll(inner.env, given, declared), ...obj(step.env) },
  };
}

/** A workflow with each local agent action joined in, for rules that read its steps. */
export function withLocalActions(f: ParsedFile, actions: ReadonlyMap<string, ParsedFile>): ParsedFile {
  if (!actions.size) return f;
  const wf = obj(f.data);
  let changed = false;
  const jobs = Object.fromEntries(
    Object.entries(obj(wf.jobs)).map(([id, job]) => {
      const steps = obj(job).steps;
      if (!Array.isArray(steps)) return [id, job];
      const joined = steps.map((s) => {
        const step = obj(s);
        const out = inlineAgentAction(step, actions);
        if (out === step) return s;
        changed = true;
        return out;
      });
      return [id, { ...obj(job), steps: joined }];
    }),
  );
  if (!changed) return f;
  // Lines are asked of the joined steps: an inner input is answered with the caller's input it
  // comes from, and anything else the caller did not write with the step itself.
  const stepOf = (source: Obj, jobId: unknown, i: number): Obj => {
    const steps = obj(source[String(jobId)]).steps;
    return Array.isArray(steps) ? obj(steps[i]) : {};
  };
  const lineAt = (path: readonly (string | number)[]): number | undefined => {
    const [j, jobId, s, i, part, key] = path;
    if (j !== 'jobs' || s !== 'steps' || typeof i !== 'number' || (part !== 'with' && part !== 'env') || typeof key !== 'string') return f.lineAt?.(path);
    const step = stepOf(jobs, jobId, i);
    if (!wrappedIn(step)) return f.lineAt?.(path);
    const source = part === 'with' ? str(obj(step[sources])[key]) : has(obj(stepOf(obj(wf.jobs), jobId, i).env), key) ? key : undefined;
    return f.lineAt?.(source === undefined ? ['jobs', jobId!, 'steps', i] : ['jobs', jobId!, 'steps', i, part, source]);
  };
  return { ...f, data: { ...wf, jobs }, lineAt };
}

/** The pin of each agent action a local action wraps, cited in the action's own file, where it is written. */
export function localActionPins(f: ParsedFile): FindingDraft[] {
  const runs = obj(obj(f.data).runs);
  if (str(runs.using) !== 'composite' || !Array.isArray(runs.steps)) return [];
  return runs.steps.flatMap((s, k) => {
    const agent = agentActionOf(text(obj(s).uses));
    return agent ? [pinFinding(f.path, agent.action.repo, agent.ref, f.lineAt?.(['runs', 'steps', k, 'uses']), [])] : [];
  });
}
