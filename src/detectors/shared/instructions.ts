// Instruction files (CLAUDE.md, copilot-instructions.md, Cursor rules, ...): whether they share one
// source (AGENTS.md) and whether the rules they state are enforced by any configuration.
import type { FindingDraft, ParsedFile, ScanContext } from '../types.js';

// A prohibition about an action a tool can actually block (push, deploy, secrets, ...).
const prohibition =
  /\b(never|do not|don't|must not|not allowed to|forbidden)\b.*(push|deploy|merge|secret|\.env|credential|token|rm -rf|delet|drop |migrat|install|publish|release|production)/i;

export function instructionFindings(prefix: string, file: ParsedFile, ctx: ScanContext, enforced: boolean): FindingDraft[] {
  const out: FindingDraft[] = [];
  const body = file.body ?? file.text;
  const isAgentsMd = /(^|\/)AGENTS\.md$/.test(file.path);
  if (!isAgentsMd && ctx.hasAgentsMd) {
    // A link (or copy) of AGENTS.md is the shared source itself, not a second one.
    const agents = ctx.readText?.('AGENTS.md');
    const shares = /AGENTS\.md/.test(body) || (agents !== undefined && 'text' in agents && agents.text === file.text);
    out.push(
      shares
        ? {
            id: `${prefix}.instructions-shared`,
            failureMode: 'FM5',
            severity: 'info',
            kind: 'protective',
            path: file.path,
            line: file.lineOf('AGENTS.md'),
            message: 'imports or links AGENTS.md: one shared source of instructions',
          }
        : {
            id: `${prefix}.instructions-divergent`,
            failureMode: 'FM5',
            severity: 'medium',
            kind: 'risk',
            path: file.path,
            message: 'is maintained separately from AGENTS.md: the tools will drift apart',
            recommendation: 'Import or link AGENTS.md from this file and keep tool-specific lines to a minimum.',
          },
    );
  }
  if (!enforced) {
    const lines = body.split('\n');
    const hit = lines.findIndex((l) => prohibition.test(l));
    if (hit >= 0) {
      const offset = file.text.split('\n').length - lines.length;
      out.push({
        id: `${prefix}.instruction-not-enforced`,
        failureMode: 'FM1',
        severity: 'medium',
        kind: 'risk',
        path: file.path,
        line: hit + 1 + offset,
        message: `states a rule no configuration enforces ("${lines[hit]!.trim().slice(0, 90)}"): advice to a model, not a control`,
        recommendation: 'Back the rule with a deny or ask rule, a hook or an approval policy in the tool configuration.',
      });
    }
  }
  return out;
}
