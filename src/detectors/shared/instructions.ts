// Instruction files (AGENTS.md, CLAUDE.md, copilot-instructions.md, Cursor rules, GEMINI.md, ...):
// whether they share one source, and whether the rules they state are enforced by configuration.
import { posix } from 'node:path';
import type { FindingDraft, ParsedFile, ScanContext } from '../types.js';
import { obj } from './data.js';

// A prohibition about an action a tool can actually block (push, deploy, secrets, ...), by how
// much harm the forbidden act does: what leaks or cannot be taken back first, then what reaches
// others, then what changes the tree. Whole words only ("Node-installed" forbids no install).
const forbids = /\b(never|do not|don't|must not|not allowed to|forbidden)\b/i;
const gravest = [
  /\b(secrets?|credentials?|tokens?|api keys?)\b|\.env\b/i,
  /\b(push(es|ing)?|force[- ]push|deploy\w*|merge[sd]?|publish\w*|release[sd]?|production|approve[sd]?)\b/i,
  /\b(delet\w*|drop|rm -rf|migrat\w*|install|commit(s|ting)?)\b/i,
];
/** What a line forbids: the words after its "never" / "do not" (what comes before is context). */
const forbidden = (l: string): string | undefined => {
  const m = forbids.exec(l);
  return m ? l.slice(m.index + m[0].length) : undefined;
};
/** Whether a line forbids an act a tool could block. */
const forbidsAnAct = (l: string): boolean => gravest.some((g) => g.test(forbidden(l) ?? ''));
// A rule given as an order ("- Never push ...", "**Do not** merge ...") rather than mentioned
// inside a sentence: the line a reader would point at when several lines forbid something.
const imperative = /^\s*([-*+]|\d+\.)?\s*(\*\*|__)?\s*(never|do not|don't|must not)\b/i;
// Sentences that describe or exempt rather than forbid: "you do not need to push", "don't have to".
const exemption = /\b(do not|don't|never) (need|have) to\b|\bno need to\b/i;
// Telling agents to skip the repository's hooks switches off a deterministic gate.
const skipsHooks = /--no-verify\b/;
const forbidsIt = /\b(never|do not|don't|must not|avoid|without|not allowed|forbidden|no)\b[^.]*--no-verify/i;

/**
 * The directory whose agents read this file as their whole-repository instructions: the file's own
 * folder, above any tool folder (`.github/copilot-instructions.md` speaks for the repository root).
 */
const homeOf = (path: string): string => {
  const dir = posix.dirname(path);
  const toolFolder = dir.split('/').findIndex((part) => part.startsWith('.'));
  const home = toolFolder < 0 ? dir : dir.split('/').slice(0, toolFolder).join('/');
  return home === '' ? '.' : home;
};

/**
 * Files that apply to part of the tree only (path-scoped Copilot instructions, rules that apply by
 * glob or on request) add to the shared source; they cannot drift from it. Cursor applies a rule
 * only when asked unless it says alwaysApply; other tools' rule folders apply unless scoped.
 */
const pathScoped = (file: ParsedFile): boolean => {
  if (file.path.includes('.github/instructions/')) return true;
  // A skill or a prompt file applies when it is invoked: part of the pattern, never its copy.
  if (/(^|\/)(skills|prompts)\//.test(file.path)) return true;
  if (!/(^|\/)\.[a-z]+\/rules\//.test(file.path)) return false;
  const front = obj(file.data);
  if (file.path.includes('.cursor/rules/')) return front.alwaysApply !== true;
  const scopedBy = ['globs', 'paths', 'applyTo'].some((key) => front[key] !== undefined);
  return scopedBy || front.alwaysApply === false || (front.trigger !== undefined && front.trigger !== 'always_on');
};

/**
 * A rules folder (.cursor/rules, .claude/rules, .windsurf/rules) holds one card per topic by
 * design: a card adds to the shared instructions, it is not a second copy of them to drift.
 */
const inRulesFolder = (path: string): boolean => /(^|\/)\.[a-z]+\/rules\//.test(path);

/** A file whose whole text is a line or two sending the reader to another document. */
const pointer = (body: string): boolean => {
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.length <= 3 && /\]\([^)]+\)|\bmdc:|(^|\s)@[\w./-]+|[\w./-]+\.(md|mdc|txt)\b/.test(lines.join('\n'));
};

/**
 * The line (0-based) of the rule a reader would cite among those stated in prose, or -1: an order
 * before a mention (a sentence that mentions "never" often describes), then the gravest act
 * forbidden, then the first.
 */
export function proseRuleLine(lines: readonly string[]): number {
  const rules = lines.flatMap((l, k) => (forbidsAnAct(l) && !exemption.test(l) ? [k] : []));
  const rank = (k: number) => (imperative.test(lines[k]!) ? 0 : gravest.length) + gravest.findIndex((g) => g.test(forbidden(lines[k]!)!));
  return rules.length ? rules.reduce((best, k) => (rank(k) < rank(best) ? k : best)) : -1;
}

export function instructionFindings(prefix: string, file: ParsedFile, ctx: ScanContext, enforced: boolean): FindingDraft[] {
  const out: FindingDraft[] = [];
  const body = file.body ?? file.text;
  const home = homeOf(file.path);
  const agentsPath = home === '.' ? 'AGENTS.md' : `${home}/AGENTS.md`;
  const isAgentsMd = file.path === agentsPath;
  const agents = !isAgentsMd && ctx.candidatePaths.includes(agentsPath) ? ctx.readText?.(agentsPath) : undefined;
  const agentsText = agents && 'text' in agents ? agents.text : undefined;
  // A symlink or copy of AGENTS.md is the same text: its rules are reported once, at AGENTS.md.
  const sameAsAgents = agentsText !== undefined && agentsText === file.text;
  // A committed whole-repository file is the one pattern FM5 asks a team to standardise on; a
  // personal (.local) file is not shared, and a path-scoped one only adds to it.
  const whole = !pathScoped(file) && !/\.local\.md$/.test(file.path);
  // A nested AGENTS.md adds to the root one for its folder: the shared source is credited once, at the root.
  const nestedUnderRoot = isAgentsMd && home !== '.' && ctx.candidatePaths.includes('AGENTS.md');
  if (whole && !nestedUnderRoot && (isAgentsMd || agentsText === undefined))
    out.push({
      id: `${prefix}.instructions-committed`,
      failureMode: 'FM5',
      severity: 'info',
      kind: 'protective',
      path: file.path,
      message: isAgentsMd
        ? 'a committed AGENTS.md: one set of instructions every agent that reads it shares'
        : 'committed instructions every user of this tool shares (no AGENTS.md beside it for other tools)',
    });
  else if (whole && agentsText !== undefined && (!inRulesFolder(file.path) || pointer(body))) {
    // Linking, importing or pointing at AGENTS.md shares it; so does being a file AGENTS.md lists,
    // or a line or two that sends the reader to another committed document.
    const relative = posix.relative(home, file.path);
    const shares = sameAsAgents || /AGENTS\.md/.test(body) || agentsText.includes(relative) || pointer(body);
    out.push(
      shares
        ? {
            id: `${prefix}.instructions-shared`,
            failureMode: 'FM5',
            severity: 'info',
            kind: 'protective',
            path: file.path,
            // A link or copy is the same text throughout: cited at its top.
            line: sameAsAgents ? 1 : file.lineOf('AGENTS.md'),
            message: 'imports, links or is listed by AGENTS.md: one shared source of instructions',
          }
        : {
            id: `${prefix}.instructions-divergent`,
            failureMode: 'FM5',
            // Two sources drifting apart costs consistency, not control: nobody reaches anything by it.
            severity: 'low',
            kind: 'risk',
            path: file.path,
            message: 'is maintained separately from AGENTS.md: the tools will drift apart',
            recommendation: 'Import or link AGENTS.md from this file and keep tool-specific lines to a minimum.',
          },
    );
  }
  if (sameAsAgents) return out;
  const lines = body.split('\n');
  const offset = file.text.split('\n').length - lines.length;
  const hookSkip = lines.findIndex((l) => skipsHooks.test(l) && !forbidsIt.test(l));
  if (hookSkip >= 0)
    out.push({
      id: `${prefix}.instruction-skips-hooks`,
      failureMode: 'FM1',
      // A local gate talked away in prose; CI's checks still stand after it.
      severity: 'low',
      kind: 'risk',
      path: file.path,
      line: hookSkip + 1 + offset,
      message: "tells agents to commit or push with --no-verify: the repository's hooks, a deterministic check, are skipped",
      recommendation: 'Remove the instruction; if a hook is too slow for agents, make it faster or move the check to CI.',
    });
  if (!enforced) {
    const hit = proseRuleLine(lines);
    if (hit >= 0)
      out.push({
        id: `${prefix}.instruction-not-enforced`,
        failureMode: 'FM1',
        // A rule stated only in prose is a decision nobody enforces (FM1), not a path anyone reaches:
        // in an instruction file it is how a team states its conventions, context a reader weighs
        // against what the configuration enforces. (In a CI agent's prompt, beside a token, the
        // same sentence is a risk: see the workflow reader.)
        severity: 'info',
        kind: 'fact',
        path: file.path,
        line: hit + 1 + offset,
        message: `states a rule no configuration enforces ("${lines[hit]!.trim().slice(0, 90)}"): advice to a model, not a control`,
        recommendation: 'Back the rule with a deny or ask rule, a hook or an approval policy in the tool configuration.',
      });
  }
  return out;
}
