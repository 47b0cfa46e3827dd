// Cursor's cloud (background) agents: `.cursor/environment.json` says how their VM is built
// (a Dockerfile, usually `.cursor/Dockerfile`) and what runs before the agent starts (`install`,
// `start`); `agentCanUpdateSnapshot: false` keeps the agent from saving its changes into the image
// the next agents start from. https://docs.cursor.com/background-agent
import type { FindingDraft, ParsedFile } from '../types.js';
import { obj, str, text } from '../shared/data.js';

/** A download piped straight into a shell: whatever the host serves that day runs. */
const pipedToShell = /\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(ba|z)?sh\b/;

export function environmentFindings(f: ParsedFile): FindingDraft[] {
  const env = obj(f.data);
  const out: FindingDraft[] = [
    {
      id: 'cursor.cloud-agents',
      failureMode: 'FM4',
      // Whether their egress is limited is a Cursor dashboard setting no file shows: said, and
      // listed as not observable, never held against an answer.
      severity: 'info',
      kind: 'fact',
      path: f.path,
      message:
        'background (cloud) agents are set up: they run in a VM and auto-run commands; whether their network egress is limited is a Cursor setting, not visible here',
    },
  ];
  // Run at every agent start, before the agent: a script fetched from a host that can change it.
  const step = ['install', 'start'].find((k) => pipedToShell.test(text(env[k])));
  if (step)
    out.push({
      id: 'cursor.env-remote-script',
      failureMode: 'FM4',
      severity: 'medium',
      kind: 'risk',
      path: f.path,
      line: f.lineOf(`"${step}"`),
      message: `the cloud agents' ${step} command pipes a download into a shell: whoever controls that host runs code in every agent's VM, next to its repository access`,
      recommendation: 'Install from a pinned version with a checksum, or bake the tool into the Dockerfile at a fixed version.',
    });
  if (env.agentCanUpdateSnapshot === false)
    out.push({
      id: 'cursor.snapshot-locked',
      failureMode: 'FM4',
      severity: 'info',
      kind: 'protective',
      path: f.path,
      line: f.lineOf('"agentCanUpdateSnapshot"'),
      message: 'agentCanUpdateSnapshot is false: an agent cannot save what it changed into the image later agents start from',
    });
  return out;
}

/** The Dockerfile an environment builds from, relative to the repository (default `.cursor/Dockerfile`). */
export function environmentDockerfile(environment: ParsedFile | undefined): string {
  const named = str(obj(obj(environment?.data).build).dockerfile);
  return named && !named.includes('..') && !named.startsWith('/') ? `.cursor/${named}` : '.cursor/Dockerfile';
}

/**
 * Passwordless sudo for the agent's user: inside its VM the agent is root, so any control set up
 * there (egress rules, file permissions, hooks) is the agent's to undo.
 */
export function dockerfileFindings(f: ParsedFile): FindingDraft[] {
  const line = f.lineOf(/NOPASSWD\s*:\s*ALL/);
  if (line === undefined) return [];
  return [
    {
      id: 'cursor.env-passwordless-sudo',
      failureMode: 'FM4',
      severity: 'medium',
      kind: 'risk',
      path: f.path,
      line,
      message: "the cloud agents' image gives their user passwordless sudo: inside the VM the agent is root and can undo any control set up there",
      recommendation: 'Drop the sudoers line, or allow only the commands setup needs.',
    },
  ];
}
