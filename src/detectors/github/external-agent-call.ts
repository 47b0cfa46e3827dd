// A job may hand its work to a reusable workflow kept in another repository
// (`uses: owner/repo/.github/workflows/x.yml@ref`). Its steps are out of this scan's sight, so
// what that agent holds and which check it makes cannot be read here. What can be read is that an
// agent runs (the called file is named for one, or the call hands it a model key), who can start
// it, what the caller hands it, and whether the call is pinned: said, at the lines that show them.
import type { FindingDraft } from '../types.js';
import { keys, obj, text, type Obj } from '../shared/data.js';
import { pinFinding } from './pins.js';
import { providerKey } from './agent-actions.js';

/** An agent's or a model's name in a called workflow's file name. */
const agentFile = /(claude|anthropic|gemini|codex|openai|copilot|jules|gpt|llm|(^|[-_.])ai([-_.]|$))/i;
/** A secret named for a model provider or an agent service, as a caller hands it by name. */
const agentSecret = /^(ANTHROPIC|CLAUDE|OPENAI|GEMINI|GOOGLE_AI|JULES|COPILOT|MISTRAL|GROQ|DEEPSEEK|OPENROUTER)_/i;

export interface ExternalAgentCall {
  /** owner/repo/.github/workflows/file.yml */
  workflow: string;
  ref: string;
  /** What the call hands over: every secret, or the named ones. */
  secrets: 'inherit' | string[];
}

/** The reusable workflow of another repository a job calls, when what it hands over or its name says it runs an agent. */
export function externalAgentCall(job: Obj): ExternalAgentCall | undefined {
  const m = /^([\w.-]+\/[\w.-]+)\/(\.github\/workflows\/[^@\s]+)@(\S+)$/.exec(text(job.uses).trim());
  if (!m) return undefined;
  const secrets = text(job.secrets) === 'inherit' ? 'inherit' : keys(obj(job.secrets));
  const file = m[2]!.slice(m[2]!.lastIndexOf('/') + 1);
  const keyed =
    Array.isArray(secrets) && secrets.some((s) => agentSecret.test(s) || providerKey.test(text(obj(job.secrets)[s])) || providerKey.test(`secrets.${s}`));
  if (!agentFile.test(file) && !keyed) return undefined;
  return { workflow: `${m[1]}/${m[2]}`, ref: m[3]!, secrets };
}

/**
 * What a job calling an outside agent workflow shows: that an agent runs, the pin, and, for each
 * event anyone can fire that reaches it unchecked, a risk: low, since the agent's own check of who
 * asked and its tools are out of sight, and medium where the caller hands it every secret and a
 * token that can write, which no check out there can take back.
 */
export function externalAgentFindings(
  path: string,
  call: ExternalAgentCall,
  at: { uses?: number; secrets?: number; event: (e: string) => number | undefined },
  openEvents: readonly string[],
  writes: readonly string[],
): FindingDraft[] {
  const handed = call.secrets === 'inherit' ? 'every repository secret' : call.secrets.length ? call.secrets.join(', ') : 'no secret';
  const out: FindingDraft[] = [
    {
      id: 'github.agent-workflow',
      failureMode: 'FM1',
      severity: 'info',
      kind: 'fact',
      path,
      line: at.uses,
      message: `runs an agent in CI (the reusable workflow ${call.workflow}, kept in another repository: its tools, token use and checks are not in these files)`,
    },
    pinFinding(path, call.workflow, call.ref, at.uses, [...writes]),
  ];
  const grave = call.secrets === 'inherit' && writes.length > 0;
  for (const event of openEvents)
    out.push({
      // Its own id: what the agent may do is out of sight, so this never disputes an answer about it.
      id: 'github.outside-agent-open',
      failureMode: 'FM4',
      severity: grave ? 'medium' : 'low',
      kind: 'risk',
      path,
      line: at.event(event) ?? at.uses,
      message: `anyone who can fire ${event} starts the agent in ${call.workflow} with text they wrote, handing it ${handed}${writes.length ? ` and a token that can write ${writes.join(', ')}` : ''}; whether it checks who asked, and what it may do, is decided in that repository`,
      recommendation:
        "Check author_association (OWNER, MEMBER, COLLABORATOR) in this job's if: before the call, pass only the secrets it needs, and read the called workflow's tools and token use.",
    });
  if (call.secrets === 'inherit')
    out.push({
      id: 'github.agent-secrets-inherit',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'fact',
      path,
      line: at.secrets,
      message: `passes every repository secret to ${call.workflow} (secrets: inherit), an agent workflow kept in another repository`,
    });
  return out;
}
