// Scores the scanner against the real-world corpus (test/fixtures/real): reviewer expectations
// written before the scanner ran, matched to findings by file, rule and line (within 3 lines).
// `node scripts/corpus-score.mjs [--corpus DIR] [--details]` prints precision and recall and every
// expectation still missed (test/fixtures/scan-heldout is held out: score it only at the end);
// test/unit/corpus.test.ts holds the same numbers to their floor.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const corpusRoot = fileURLToPath(new URL('../test/fixtures/real/', import.meta.url));

/** Rules stated only in prose, whichever tool's instruction file states them. */
const proseRules = ['claude-code', 'copilot', 'cursor', 'codex', 'gemini-cli', 'windsurf', 'github'].map((t) => `${t}.instruction-not-enforced`);

/** One MCP rule, whichever tool's configuration holds the server. */
const mcpRule = (what) => ['claude-code', 'cursor', 'vscode', 'codex', 'gemini-cli', 'continue'].map((t) => `${t}.${what}`);

/** An agent able to approve or merge, whichever configuration grants it. */
const approveRules = ['claude-code', 'copilot', 'codex', 'github'].map((t) => `${t}.agent-can-approve`).concat('github.aw-agent-can-approve');

/** Which scanner findings stand for each reviewer rule. */
export const ruleMap = {
  'workflow-untrusted-trigger': [
    'github.agent-untrusted-trigger',
    'github.agent-open-to-anyone',
    'github.agent-write-check-default',
    'github.agent-trigger',
    'github.outside-agent-open',
  ],
  'actor-write-check-default': ['github.agent-write-check-default'],
  'actor-association-gate': ['github.agent-member-gate'],
  // A label just applied is a check of who asked (only triage access applies labels): credited as a member gate.
  'label-gate': ['github.agent-member-gate'],
  'write-token': ['github.agent-broad-token', 'github.agent-write-token', 'github.app-token-unscoped', 'github.agent-token-out-of-reach'],
  'least-privilege-token': ['github.agent-read-only-token', 'github.app-token-scoped', 'github.workflow-token-empty'],
  'allowed-tools-narrow': [
    'claude-code.narrow-allow',
    'github.aw-bash-allowlist',
    'github.agent-narrow-tools',
    'claude-code.command-narrow-tools',
    'codex.command-narrow-tools',
    'github.agent-mcp-tool-allowlist',
  ],
  'mcp-write-tools-allowed': ['github.agent-mcp-write-tools'],
  'mcp-tool-allowlist': ['github.agent-mcp-tool-allowlist'],
  'allowed-tools-broad': [
    'github.aw-any-command',
    'github.agent-broad-tools',
    'claude-code.broad-allow',
    'cursor.broad-allow',
    'gemini-cli.broad-allow',
    'claude-code.command-broad-tools',
    'codex.command-broad-tools',
  ],
  'skill-allowed-tools-broad': ['claude-code.command-broad-tools', 'codex.command-broad-tools'],
  // Fifth held-out part's new names, mapped by name only before it was scored (the other fifteen
  // it coined name nothing the scanner reports).
  'cursor-hooks-present': ['cursor.hooks'],
  // Fourth held-out part's new names, mapped by name only before it was scored.
  'skill-allowed-tools-narrow': ['claude-code.command-narrow-tools', 'codex.command-narrow-tools'],
  'default-token-permissions': ['github.agent-default-token'],
  'gh-aw-roles-all': ['github.aw-open-to-anyone'],
  'show-full-output': ['github.agent-full-output'],
  'checkout-persists-credentials': ['github.agent-checkout-credentials', 'github.agent-checkout-stored-credential'],
  'checkout-no-persisted-credentials': ['github.agent-checkout-no-credentials'],
  'allowed-tools-unrestricted': ['github.agent-all-tools'],
  'action-unpinned': ['github.action-unpinned'],
  'action-pinned-sha': ['github.action-pinned'],
  'permission-bypass': ['github.agent-bypass-flag', 'claude-code.bypass-permissions', 'codex.danger-full-access', 'codex.approval-never'],
  'fork-guard': ['github.fork-guard'],
  'oidc-vs-api-key': ['github.agent-oidc', 'github.agent-api-key'],
  'privileged-checkout': ['github.privileged-checkout'],
  'instruction-only-prohibition': proseRules,
  'shared-instructions': [
    'codex.instructions-committed',
    'claude-code.instructions-committed',
    'copilot.instructions-committed',
    'cursor.instructions-committed',
    'gemini-cli.instructions-committed',
  ],
  'single-instruction-source': [
    'codex.instructions-committed',
    'claude-code.instructions-shared',
    'copilot.instructions-shared',
    'cursor.instructions-shared',
    'gemini-cli.instructions-shared',
  ],
  'codeowners-covers-agent-config': ['github.codeowners-agent-paths'],
  'codeowners-missing-agent-paths': ['github.codeowners-missing-agent-paths', 'github.no-codeowners'],
  'mcp-unpinned-package': [
    'claude-code.mcp-unpinned',
    'cursor.mcp-unpinned',
    'vscode.mcp-unpinned',
    'codex.mcp-unpinned',
    'gemini-cli.mcp-unpinned',
    'github.agent-mcp-unpinned',
  ],
  'shared-skills': ['claude-code.shared-skills', 'codex.shared-skills', 'copilot.shared-skills'],
  'shared-subagents': ['claude-code.shared-subagents', 'copilot.shared-agents'],
  'shared-commands': ['claude-code.shared-commands'],
  'pretooluse-hook-blocks': ['claude-code.hook-blocks'],
  'pretooluse-hook-fail-open': ['claude-code.hook-cannot-block'],
  'posttooluse-formatter': ['claude-code.hook-after'],
  'enable-all-project-mcp': ['claude-code.mcp-auto-approve'],
  'attribution-disabled': ['claude-code.attribution-off', 'codex.attribution-off', 'aider.attribution-off'],
  'bots-allowed': ['github.agent-bots-allowed'],
  'copilot-setup-steps-present': ['copilot.setup-steps'],
  'token-in-agent-env': ['github.agent-token-in-env', 'github.agent-secret-in-env'],
  'secret-in-agent-env': ['github.agent-token-in-env', 'github.agent-secret-in-env', 'github.agent-checkout-stored-credential'],
  'secrets-to-agent-env': ['github.agent-secret-in-env'],
  'no-token-in-agent-env': ['github.agent-no-token-in-env'],
  'setup-action-unpinned': ['github.action-unpinned'],
  'sandbox-read-only': ['github.agent-read-only-sandbox'],
  'drop-sudo': ['github.agent-drop-sudo'],
  'scheduled-trigger': ['github.agent-trigger'],
  'manual-trigger-only': ['github.agent-trigger'],
  'trusted-trigger': ['github.agent-trigger'],
  'mcp-local-server': mcpRule('mcp-transport'),
  'mcp-remote-server': mcpRule('mcp-transport'),
  'mcp-pinned': mcpRule('mcp-pinned'),
  'shared-custom-agents': ['copilot.shared-agents', 'claude-code.shared-subagents'],
  'path-scoped-rules': ['copilot.scoped-instructions', 'cursor.scoped-rules'],
  'github-token-not-pat': ['github.agent-job-token'],
  'setup-runs-repo-script': ['github.setup-runs-repo-script'],
  'sandbox-network-off': ['codex.network-off', 'github.agent-workspace-sandbox'],
  'skill-manual-only': ['claude-code.skill-manual-only', 'codex.skill-manual-only'],
  'prompt-from-pr-checkout': ['github.agent-prompt-from-pr'],
  'prompt-file-from-pr': ['github.agent-prompt-from-pr'],
  // Names the second held-out reviewer (test/fixtures/scan-heldout-2) used, mapped by name before scoring.
  'hardcoded-secret': ['claude-code.literal-secret', ...mcpRule('mcp-literal-secret')],
  'pat-instead-of-github-token': ['github.agent-secret-in-env', 'github.agent-token-in-env'],
  'cursor-cloud-agent': ['cursor.cloud-agents'],
  'deny-list-empty': ['claude-code.no-secret-deny'],
  'mcp-all-tools': mcpRule('mcp-write-capable'),
  // Names the held-out reviewer used (test/fixtures/scan-heldout), mapped by name only, before scoring.
  'divergent-instruction-files': [
    'claude-code.instructions-divergent',
    'copilot.instructions-divergent',
    'cursor.instructions-divergent',
    'codex.instructions-divergent',
    'gemini-cli.instructions-divergent',
    'windsurf.instructions-divergent',
  ],
  'author-association-gate': ['github.agent-member-gate'],
  'actor-role-check': ['github.agent-member-gate'],
  'author-allowlist': ['github.agent-member-gate'],
  'checkout-persisted-credentials': ['github.agent-checkout-credentials'],
  'mcp-write-tools': [
    'github.agent-mcp-write-tools',
    'claude-code.mcp-write-capable',
    'cursor.mcp-write-capable',
    'vscode.mcp-write-capable',
    'codex.mcp-write-capable',
    'gemini-cli.mcp-write-capable',
  ],
  'mcp-tools-narrow': ['github.agent-mcp-tool-allowlist', 'github.aw-github-toolsets'],
  'safe-outputs-capped': ['github.aw-safe-outputs'],
  'egress-allowlist': ['github.aw-egress-allowlist'],
  'no-pr-head-checkout': ['github.aw-no-checkout'],
  'mcp-integrity-none': ['github.aw-any-author-content'],
  'github-mcp-lockdown-off': ['github.aw-any-author-content'],
  'custom-agent-tools-unrestricted': ['copilot.agent-all-tools'],
  'custom-agent-no-tools-list': ['copilot.agent-all-tools'],
  'custom-agent-shell': ['copilot.agent-shell'],
  'custom-agent-tools-narrow': ['copilot.agent-narrow-tools'],
  'subagent-tools-unrestricted': ['claude-code.subagent-tools-exceed-role'],
  'plugin-unpinned': ['claude-code.plugin-unpinned', 'github.agent-plugin-unpinned'],
  'plugins-enabled': ['claude-code.plugins-enabled'],
  'blank-github-token': ['github.agent-no-token-in-env'],
  // A broad grant that also fetches any address is said once, with the fetch named in it.
  'webfetch-unrestricted': [
    'claude-code.broad-egress',
    'claude-code.open-egress',
    'github.agent-open-egress',
    'github.agent-broad-tools',
    'claude-code.broad-allow',
  ],
  'allowed-bots-wildcard': ['github.agent-bots-allowed'],
  'sandbox-disabled': ['claude-code.sandbox-off', 'github.agent-bypass-flag'],
  'deny-missing': ['claude-code.no-secret-deny'],
  'deny-empty': ['claude-code.no-secret-deny'],
  'posttooluse-logger': ['claude-code.hook-after'],
  'agent-can-merge': ['github.auto-merge-agent-prs', ...approveRules],
  'agent-can-submit-review': approveRules,
  'ai-self-approval-gate': approveRules,
  'persistent-agent-memory': ['github.aw-persistent-memory'],
  'ci-logs-in-context': ['github.aw-ci-logs'],
  'script-injection': ['github.script-injection'],
  'agent-pr-draft': ['github.agent-pr-draft', 'github.agent-pr-ready'],
  'agent-pr-ready': ['github.agent-pr-ready'],
  'webfetch-broad-domain': ['claude-code.fetch-user-content'],
  'shared-prompts': ['copilot.shared-prompts'],
  'secret-scoped-to-environment': ['github.agent-environment'],
  'bots-excluded': ['github.agent-bots-excluded'],
  'mcp-read-only-scope': ['github.agent-mcp-read-only', ...mcpRule('mcp-read-only')],
  'output-threat-detection': ['github.aw-threat-detection'],
  'custom-agent-manual-only': ['copilot.agent-manual-only'],
  'deprecated-action-inputs': ['github.agent-inputs-dropped', 'github.agent-input-ignored'],
  'allowed-tools-default': ['github.agent-default-tools', 'github.agent-runs-no-command'],
  'mcp-all-tools': ['github.agent-mcp-all-tools'],
  'extension-unpinned': ['github.agent-extension-unpinned'],
  'agents-md-over-size-limit': ['codex.instructions-truncated'],
  'agent-push-without-review': ['github.agent-push-to-default'],
  'agent-edits-governance-file': ['github.aw-edits-protected-files'],
  'agent-present': ['github.agent-workflow', 'github.aw-agent'],
  'untrusted-input-delimited': ['github.prompt-marks-untrusted'],
  'agent-turn-limit': ['github.agent-turn-limit'],
  'untrusted-input-prefetched': ['github.agent-reads-written-text'],
  'dry-run-default': ['github.agent-dry-run-default'],
  'id-token-write': ['github.agent-id-token'],
  'secrets-inherit': ['github.agent-secrets-inherit'],
  'cli-version-pinned': ['github.agent-cli-pinned'],
  'cli-version-unpinned': ['github.agent-cli-unpinned'],
  'agent-passwordless-sudo': ['cursor.env-passwordless-sudo'],
  'remote-script-pipe': ['cursor.env-remote-script'],
  'curl-pipe-install': ['cursor.env-remote-script'],
  'snapshot-locked': ['cursor.snapshot-locked'],
  'allow-all-tools-in-sandbox': ['github.agent-bypass-flag', 'github.agent-bypass-in-sandbox'],
  'instruction-only-approval': proseRules,
};

// A finding without a line is about the whole file; a shared-pattern finding about its folder.
const near = (a, b) => a === undefined || (a ?? 0) === (b ?? 0) || (a && b && Math.abs(a - b) <= 3);
const folder = (p) => p.replace(/\/[^/]*$/, '').replace(/\/[^/]+$/, (m) => (/^\/\.(claude|github|agents|codex|cursor)$/.test(m) ? m : ''));
const samePlace = (f, e) =>
  f.path === e.path || (/\.shared-|scoped-/.test(f.id) && folder(f.path).split('/').slice(0, 2).join('/') === folder(e.path).split('/').slice(0, 2).join('/'));

/**
 * `scan(dir)` returns the scanner's findings ({ id, path, line, kind, severity }). Facts are
 * context, not claims, so precision counts risks and protections only.
 */
export function scoreCorpus(scan, root = corpusRoot) {
  const repos = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const mapped = new Set(Object.values(ruleMap).flat());
  const rows = [];
  const missed = [];
  const unexpected = [];
  // `kind: not` entries (held-out corpora) name tempting false positives: never expected, and a
  // finding at one is a violation as well as unexpected.
  const violations = [];
  // Medium-or-higher risks a reviewer expects, and how many of them the scanner reports (at any
  // severity: a graver risk found at the wrong level is still found; precision judges the level).
  // High findings a reviewer matched, split by whether the reviewer graded the same risk high too:
  // a rule can match while its severity does not.
  const highAgreed = [];
  const highLower = [];
  let mediumExpected = 0;
  let mediumFound = 0;
  // ...and how many of those it reports at medium or higher itself: recall that agrees on gravity.
  let mediumFoundGrave = 0;
  const milder = [];
  for (const repo of repos) {
    const entries = parse(readFileSync(join(root, repo, 'EXPECTED.yaml'), 'utf8')) ?? [];
    const expected = entries.filter((e) => e.kind !== 'not');
    const findings = scan(join(root, repo)).filter((f) => f.kind !== 'fact' || mapped.has(f.id));
    const used = new Set();
    let hit = 0;
    for (const e of expected) {
      const ids = ruleMap[e.rule] ?? [];
      const i = findings.findIndex((f, k) => !used.has(k) && ids.includes(f.id) && samePlace(f, e) && near(f.line, e.line));
      const grave = e.kind === 'risk' && (e.severity === 'high' || e.severity === 'medium');
      if (grave) mediumExpected++;
      if (i >= 0) {
        used.add(i);
        if (findings[i].severity === 'high') (e.severity === 'high' ? highAgreed : highLower).push(findings[i]);
        hit++;
        if (grave) mediumFound++;
        if (grave && (findings[i].severity === 'high' || findings[i].severity === 'medium')) mediumFoundGrave++;
        else if (grave) milder.push({ repo, ...e, found: findings[i] });
      } else missed.push({ repo, ...e, covered: ids.length > 0 });
    }
    findings.forEach((f, k) => {
      if (used.has(k) || f.kind === 'fact') return;
      unexpected.push({ repo, ...f });
      const not = entries.find((e) => e.kind === 'not' && (ruleMap[e.rule] ?? []).includes(f.id) && samePlace(f, e) && near(f.line, e.line));
      if (not) violations.push({ repo, ...f, why: not.why });
    });
    const claims = findings.filter((f, k) => f.kind !== 'fact' || used.has(k));
    rows.push({ repo, expected: expected.length, found: claims.length, matched: hit });
  }
  const expected = rows.reduce((n, r) => n + r.expected, 0);
  const matched = rows.reduce((n, r) => n + r.matched, 0);
  const claims = rows.reduce((n, r) => n + r.found, 0);
  const high = (xs) => xs.filter((x) => x.severity === 'high');
  const highClaims = [];
  const mediumClaims = [];
  for (const repo of repos) {
    const risks = scan(join(root, repo)).filter((f) => f.kind === 'risk');
    highClaims.push(...high(risks));
    mediumClaims.push(...risks.filter((f) => f.severity === 'high' || f.severity === 'medium'));
  }
  const highWrong = high(unexpected).length;
  const mediumWrong = unexpected.filter((f) => f.kind === 'risk' && (f.severity === 'high' || f.severity === 'medium')).length;
  return {
    rows,
    expected,
    matched,
    claims,
    precision: claims ? (claims - unexpected.length) / claims : 1,
    recall: expected ? matched / expected : 1,
    highPrecision: highClaims.length ? (highClaims.length - highWrong) / highClaims.length : 1,
    highClaims: highClaims.length,
    mediumPrecision: mediumClaims.length ? (mediumClaims.length - mediumWrong) / mediumClaims.length : 1,
    mediumClaims: mediumClaims.length,
    highAgreed: highAgreed.length,
    highLower: highLower.length,
    mediumRecall: mediumExpected ? mediumFound / mediumExpected : 1,
    mediumExpected,
    mediumFound,
    mediumFoundGrave,
    milder,
    missed,
    unexpected,
    violations,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bin = fileURLToPath(new URL('../bin/rollout-check.cjs', import.meta.url));
  const at = process.argv.indexOf('--corpus');
  const given = at > 0 ? process.argv[at + 1] : undefined;
  if (at > 0 && (given === undefined || !existsSync(given))) {
    console.error(`corpus-score: --corpus needs a folder of OWNER-NAME/EXPECTED.yaml directories${given ? ` (no folder ${given})` : ''}`);
    process.exit(2);
  }
  const root = given ? `${resolve(given)}/` : corpusRoot;
  const s = scoreCorpus((dir) => JSON.parse(execFileSync(process.execPath, [bin, 'scan', dir, '--format', 'json'], { encoding: 'utf8' })).findings, root);
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  console.log(`corpus: ${s.rows.length} repositories, ${s.expected} expectations, ${s.claims} risk and protection findings`);
  console.log(
    `precision ${pct(s.precision)} (${s.claims - s.unexpected.length}/${s.claims}), recall ${pct(s.recall)} (${s.matched}/${s.expected}), high-severity precision ${pct(s.highPrecision)} (${s.highClaims} high risks; ${s.highAgreed} graded high by the reviewer too, ${s.highLower} lower), medium-or-higher risk precision ${pct(s.mediumPrecision)} (${s.mediumClaims}) and recall ${pct(s.mediumRecall)} (${s.mediumFound}/${s.mediumExpected}, ${s.mediumFoundGrave} reported medium or higher), must-not-find violated ${s.violations.length}`,
  );
  console.log('\n| repository | expected | findings | matched |\n|---|---:|---:|---:|');
  for (const r of s.rows) console.log(`| ${r.repo} | ${r.expected} | ${r.found} | ${r.matched} |`);
  if (process.argv.includes('--details')) {
    console.log('\nFindings no expectation names:');
    for (const u of s.unexpected) console.log(`  ${u.repo} ${u.path}:${u.line ?? '-'} ${u.id} (${u.severity}) ${u.message.slice(0, 100)}`);
    console.log('\nMust-not-find entries a finding violates:');
    for (const v of s.violations) console.log(`  ${v.repo} ${v.path}:${v.line ?? '-'} ${v.id}: ${v.why}`);
    console.log('\nMedium-or-higher expectations found at a milder level:');
    for (const m of s.milder)
      console.log(`  ${m.repo} ${m.path}:${m.line} ${m.rule} (${m.severity}) <- ${m.found.id} (${m.found.severity}) ${m.found.message.slice(0, 90)}`);
    console.log('\nExpectations still missed:');
    for (const m of s.missed) console.log(`  ${m.repo} ${m.path}:${m.line} ${m.rule} (${m.kind}, ${m.severity})${m.covered ? '' : ' [no scanner rule]'}`);
  }
}
