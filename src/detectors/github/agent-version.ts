// Which release of the agent's own program a workflow runs. An agent action installs its CLI at
// the version an input names (codex-version, gemini_cli_version, opencode_version), or at the
// newest release when none does; a run: step installs it from npm. A fixed version is a decision
// someone reviewed; "latest" or a repository variable means the next release runs unread.
import type { FindingDraft } from '../types.js';
import { escapeRegExp } from '../../regexp.js';
import { obj, text, type Obj } from '../shared/data.js';
import { agentPackages } from './agent-actions.js';

/** An agent CLI's npm package named in a run: step, with the version after it if any. */
const agentPackage = new RegExp(`(${Object.keys(agentPackages).map(escapeRegExp).join('|')})(@[^\\s'"]+)?`);
const exact = /^v?\d+\.\d+\.\d+([-+][\w.]+)?$/;

export interface VersionChoice {
  /** The input or step that chooses, for its line. */
  path: (string | number)[];
  pinned: boolean;
  what: string;
}

/** How one step chooses the agent's version, if it does. */
export function versionChoice(step: Obj): VersionChoice | undefined {
  for (const [name, value] of Object.entries(obj(step.with))) {
    if (!/(^|[-_])version$/i.test(name) || !/(cli|codex|gemini|claude|opencode|copilot|agent)/i.test(name)) continue;
    const v = text(value).trim();
    return { path: ['with', name], pinned: exact.test(v), what: `${name}: ${v || '(empty)'}` };
  }
  const run = text(step.run);
  if (!/\bnpm\s+(i|install|add)\b[^\n]*\s(-g|--global)\b|\bnpx\b|\bpnpm\s+(add|dlx)\b|\bbun\s+(add|x)\b/.test(run)) return undefined;
  const pkg = agentPackage.exec(run);
  if (!pkg) return undefined;
  const version = pkg[2]?.slice(1) ?? '';
  return { path: ['run'], pinned: exact.test(version), what: pkg[0] };
}

/** A pinned agent CLI is credited; one that follows the newest release is said as a fact. */
export function versionFinding(path: string, line: number | undefined, c: VersionChoice): FindingDraft {
  return c.pinned
    ? {
        id: 'github.agent-cli-pinned',
        failureMode: 'FM2',
        severity: 'info',
        kind: 'protective',
        path,
        line,
        message: `the agent's CLI is installed at a fixed release (${c.what}): a new release runs only once someone changes this line`,
      }
    : {
        id: 'github.agent-cli-unpinned',
        failureMode: 'FM2',
        severity: 'info',
        kind: 'fact',
        path,
        line,
        message: /\$\{\{/.test(c.what)
          ? `the agent's CLI release is chosen outside the repository's files (${c.what}): which release runs is not visible here`
          : `the agent's CLI follows whatever release is newest (${c.what}): a new release runs here before anyone reads it`,
      };
}
