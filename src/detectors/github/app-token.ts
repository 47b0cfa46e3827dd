// A GitHub App token minted in the job (actions/create-github-app-token) and handed to the agent
// step. Such a token carries what the App's installation may do, unless the step that mints it
// asks for less with `permission-<scope>: read|write` inputs (the action's README): then it
// carries only those. It is what the agent acts with, in place of the job's own token.
import type { Obj } from '../shared/data.js';
import { keys, obj, text } from '../shared/data.js';

export interface MintedToken {
  /** The minting step's index and id (`steps.<id>.outputs.token`). */
  index: number;
  id: string;
  /** Scopes asked for, or undefined when none is named: the installation's full rights. */
  writes: string[] | undefined;
  /** The first `permission-*` input, when any. */
  firstScope: string | undefined;
}

const minter = /^actions\/create-github-app-token@|^tibdex\/github-app-token@/;

/** The App tokens minted by the job's steps, by step id. */
export function mintedTokens(steps: Obj[]): MintedToken[] {
  return steps.flatMap((s, index) => {
    const id = text(s.id);
    if (!id || !minter.test(text(s.uses))) return [];
    const scopes = keys(s.with).filter((k) => k.startsWith('permission-'));
    const given = obj(s.with);
    return [
      {
        index,
        id,
        writes: scopes.length ? scopes.filter((k) => text(given[k]) === 'write').map((k) => k.slice('permission-'.length)) : undefined,
        firstScope: scopes[0],
      },
    ];
  });
}

/** The minted token an agent step is handed, as an input or in its environment. */
export function tokenHanded(step: Obj, job: Obj, minted: MintedToken[]): MintedToken | undefined {
  const given = [...Object.values(obj(step.with)), ...Object.values(obj(step.env)), ...Object.values(obj(job.env))].map(text);
  return minted.find((m) => given.some((v) => new RegExp(`steps\\.${m.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.outputs\\.token\\b`).test(v)));
}
