// Claude Code hooks judged by what they do, not by being there. A PreToolUse (or UserPromptSubmit,
// PermissionRequest) hook can stop a call: it blocks by exiting 2 or by answering a deny decision.
// One that never does only watches; a PostToolUse hook runs after the fact (a formatter, a
// logger) and controls nothing. Scripts the command points at are read, never run.
// https://docs.anthropic.com/en/docs/claude-code/hooks
import type { FindingDraft, ParsedFile, ScanContext } from '../types.js';
import { keys, obj, str } from './data.js';
import { shellWords } from './shell-words.js';

const canBlock = new Set(['PreToolUse', 'UserPromptSubmit', 'PermissionRequest']);
const blocks =
  /\bexit\s+2\b|process\.exit\(\s*2\s*\)|sys\.exit\(\s*2\s*\)|os\.Exit\(\s*2\s*\)|permissionDecision["']?\s*[:=]\s*["']?(deny|ask)|["']?decision["']?\s*[:=]\s*["']?block/;

export interface HookJudgement {
  findings: FindingDraft[];
  /** At least one hook can stop a tool call. */
  enforces: boolean;
}

export function hookFindings(f: ParsedFile, hooksValue: unknown, ctx: ScanContext): HookJudgement {
  const findings: FindingDraft[] = [];
  let enforces = false;
  const hooks = obj(hooksValue);
  for (const event of keys(hooks)) {
    const line = f.lineOf(`"${event}"`);
    const commands = (Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : []).flatMap((m) => {
      const inner = obj(m).hooks;
      return (Array.isArray(inner) ? inner : []).map((h) => str(obj(h).command)).filter((c): c is string => Boolean(c));
    });
    if (!commands.length) continue;
    if (!canBlock.has(event)) {
      findings.push({
        id: 'claude-code.hook-after',
        failureMode: 'FM1',
        severity: 'info',
        kind: 'fact',
        path: f.path,
        line,
        message: `${event} hook (${commands[0]!.slice(0, 60)}) runs after the fact: a formatter or logger, not a control`,
      });
      continue;
    }
    for (const command of commands) {
      const j = judge(command, ctx);
      if (j.verdict === 'blocks') {
        enforces = true;
        findings.push({
          id: 'claude-code.hook-blocks',
          failureMode: 'FM1',
          severity: 'info',
          kind: 'protective',
          path: f.path,
          line,
          message: `${event} hook ${j.what} can stop a call (it exits 2 or answers deny): an enforced boundary`,
        });
      } else if (j.verdict === 'watches')
        findings.push({
          id: 'claude-code.hook-cannot-block',
          failureMode: 'FM1',
          severity: 'low',
          kind: 'risk',
          path: f.path,
          line,
          message: `${event} hook ${j.what} never stops a call (no exit 2, no deny decision): it watches, it does not enforce`,
          recommendation: 'Make the hook exit 2 (or answer permissionDecision "deny") for the calls it exists to stop.',
        });
      else if (j.verdict === 'unknown')
        findings.push({
          id: 'claude-code.hook-unread',
          failureMode: 'FM1',
          severity: 'info',
          kind: 'fact',
          path: f.path,
          line,
          message: `${event} hook ${j.what}: ${j.reason}, so whether it blocks is not assessed`,
        });
    }
  }
  return { findings, enforces };
}

type Judgement = { what: string } & ({ verdict: 'blocks' | 'watches' } | { verdict: 'unknown'; reason: string });

function judge(command: string, ctx: ScanContext): Judgement {
  const script = scriptPath(command);
  if (!script) return { what: `"${command.slice(0, 60)}"`, verdict: blocks.test(command) ? 'blocks' : 'watches' };
  const read = ctx.readText?.(script) ?? { reason: 'not read' };
  if ('reason' in read) return { what: script, verdict: 'unknown', reason: read.reason };
  return { what: script, verdict: blocks.test(read.text) ? 'blocks' : 'watches' };
}

/** The repository script a hook command runs, relative to the repository root, if any. */
function scriptPath(command: string): string | undefined {
  const words = shellWords(command) ?? [];
  const candidate = words.find((w) => /\.(sh|bash|py|js|mjs|cjs|ts|rb)$/.test(w) || /^(\$CLAUDE_PROJECT_DIR|\.)\//.test(w));
  if (!candidate) return undefined;
  const path = candidate.replace(/^\$\{?CLAUDE_PROJECT_DIR\}?\//, '').replace(/^\.\//, '');
  return path.startsWith('/') || path.startsWith('~') || path.includes('..') ? undefined : path;
}
