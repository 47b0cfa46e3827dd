// The recorded `gh api` answers under test/fixtures/platform/ are what GitHub documents: every body
// validates against the response schema of GitHub's REST API description (@octokit/openapi) for
// its path and status, so a fixture cannot drift into a shape GitHub never sends.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGithubResponse } from '../helpers/github-openapi.js';
import { fixture } from '../helpers/cli.js';

type Responses = Record<string, { status: number; body: unknown }>;

const scenarios = readdirSync(fixture('platform'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const responsesOf = (scenario: string): Responses => JSON.parse(readFileSync(fixture('platform', scenario, 'responses.json'), 'utf8')) as Responses;

describe('platform fixtures match GitHub’s published response schemas', () => {
  it('finds the four scenarios', () => {
    expect(scenarios).toEqual(['bypass', 'lax', 'no-admin', 'strict']);
  });

  it.each(scenarios)('%s: every response validates', (scenario) => {
    const responses = responsesOf(scenario);
    const problems = Object.entries(responses).flatMap(([path, { status, body }]) => validateGithubResponse(path, status, body));
    expect(problems).toEqual([]);
  });

  it.each(scenarios)('%s: a ruleset is recorded for each ruleset the branch rules come from, and no other', (scenario) => {
    const responses = responsesOf(scenario);
    const rules = (responses['repos/acme/widgets/rules/branches/main']?.body ?? []) as { ruleset_id: number }[];
    const fromRules = [...new Set(rules.map((r) => `repos/acme/widgets/rulesets/${r.ruleset_id}`))].sort();
    expect(Object.keys(responses).filter((p) => p.startsWith('repos/acme/widgets/rulesets/'))).toEqual(fromRules);
  });

  it('rejects a corrupted body, naming the path and the JSON pointer', () => {
    const path = 'repos/acme/widgets/branches/main/protection';
    const { status, body } = responsesOf('strict')[path]!;
    const corrupted = structuredClone(body) as { required_pull_request_reviews: { required_approving_review_count: unknown } };
    corrupted.required_pull_request_reviews.required_approving_review_count = 'two';
    const problems = validateGithubResponse(path, status, corrupted);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(path);
    expect(problems[0]).toContain('/required_pull_request_reviews/required_approving_review_count');
    expect(problems[0]).toContain('must be integer');
  });

  it('reports a branch rule against the one variant its type names', () => {
    const path = 'repos/acme/widgets/rules/branches/main';
    const rules = structuredClone(responsesOf('strict')[path]!.body) as { parameters?: Record<string, unknown> }[];
    delete rules[0]!.parameters!.required_review_thread_resolution;
    expect(validateGithubResponse(path, 200, rules)).toEqual([
      expect.stringMatching(/at \/0\/parameters: must have required property 'required_review_thread_resolution'/),
    ]);
  });

  it('rejects an error body without a message, and a status GitHub does not document', () => {
    expect(validateGithubResponse('repos/acme/widgets/actions/permissions', 403, { documentation_url: 'https://docs.github.com/rest' })).toEqual([
      expect.stringContaining("must have required property 'message'"),
    ]);
    expect(validateGithubResponse('repos/acme/widgets/actions/permissions', 500, {})).toEqual([expect.stringContaining('status 500 is not documented')]);
  });

  it('throws on a path no GET operation matches', () => {
    expect(() => validateGithubResponse('repos/acme/widgets/branchs/main/protection', 200, {})).toThrow(/no GET operation .* matches/);
  });
});
