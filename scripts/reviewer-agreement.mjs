// How far two careful reviewers agree when each lists a repository's findings blind to the other:
// the ceiling any scanner's recall and precision against one reviewer's list can be read against.
// `node scripts/reviewer-agreement.mjs --corpus DIR` compares, in every OWNER-NAME/ folder that has
// both, EXPECTED.yaml (the first reviewer) with EXPECTED.second-reviewer.yaml, scoring the second
// exactly as corpus-score scores the scanner: an entry matches when it names the same file, a line
// within 3, and a rule that stands for the same finding (the same name, or names corpus-score maps
// to a common scanner rule). `--by-kind` relaxes the rule to the same kind (risk, protection, fact).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ruleMap } from './corpus-score.mjs';

const at = process.argv.indexOf('--corpus');
const root = at > 0 ? process.argv[at + 1] : undefined;
if (!root || !existsSync(root)) {
  console.error('reviewer-agreement: --corpus needs a folder of OWNER-NAME/ directories holding EXPECTED.yaml and EXPECTED.second-reviewer.yaml');
  process.exit(2);
}
const byKind = process.argv.includes('--by-kind');
const near = (a, b) => a === b || (a > 0 && b > 0 && Math.abs(a - b) <= 3);
const sameRule = (a, b) => a.rule === b.rule || (ruleMap[a.rule] ?? []).some((id) => (ruleMap[b.rule] ?? []).includes(id));
const same = (a, b) => a.path === b.path && near(a.line, b.line) && (byKind ? a.kind === b.kind : sameRule(a, b));
const grave = (e) => e.kind === 'risk' && (e.severity === 'high' || e.severity === 'medium');

const rows = [];
const t = { first: 0, claims: 0, matched: 0, claimMatched: 0, graveFirst: 0, graveFound: 0, graveSecond: 0, graveSecondMatched: 0 };
for (const repo of readdirSync(root).sort()) {
  const second = join(root, repo, 'EXPECTED.second-reviewer.yaml');
  if (!existsSync(second)) continue;
  const a = (parse(readFileSync(join(root, repo, 'EXPECTED.yaml'), 'utf8')) ?? []).filter((e) => e.kind !== 'not');
  const b = (parse(readFileSync(second, 'utf8')) ?? []).filter((e) => e.kind !== 'not');
  const used = new Set();
  let matched = 0;
  for (const e of a) {
    const i = b.findIndex((x, k) => !used.has(k) && same(e, x));
    if (grave(e)) t.graveFirst++;
    if (i < 0) continue;
    used.add(i);
    matched++;
    if (grave(e)) t.graveFound++;
  }
  // As corpus-score counts the scanner's claims: risks and protections, and facts that matched.
  const claims = b.filter((x, k) => x.kind !== 'fact' || used.has(k)).length;
  const claimMatched = [...used].length;
  for (const x of b.filter(grave)) {
    t.graveSecond++;
    if (a.some((e) => same(e, x))) t.graveSecondMatched++;
  }
  rows.push({ repo, first: a.length, second: b.length, matched });
  Object.assign(t, { first: t.first + a.length, claims: t.claims + claims, matched: t.matched + matched, claimMatched: t.claimMatched + claimMatched });
}
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
console.log(`matching by ${byKind ? 'file, line and kind' : 'file, line and rule'}; ${rows.length} repositories`);
console.log(
  `second reviewer against the first: recall ${pct(t.matched, t.first)} (${t.matched}/${t.first}), precision ${pct(t.claimMatched, t.claims)} (${t.claimMatched}/${t.claims}); ` +
    `the first's medium-or-higher risks found ${pct(t.graveFound, t.graveFirst)} (${t.graveFound}/${t.graveFirst}); the second's medium-or-higher risks the first lists ${pct(t.graveSecondMatched, t.graveSecond)} (${t.graveSecondMatched}/${t.graveSecond})`,
);
console.log('\n| repository | first | second | matched |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.repo} | ${r.first} | ${r.second} | ${r.matched} |`);
