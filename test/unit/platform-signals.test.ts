// What each recorded platform answers (test/fixtures/platform, validated against GitHub's schemas)
// shows: the signals, their severity and where they point, and what is listed as not readable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/cli.js';
import { platformEvidence } from '../../src/platform/signals.js';
import { readPlatformBundle } from '../../src/platform/read-bundle.js';
import type { PlatformBundle } from '../../src/platform/bundle.js';

const bundleOf = (scenario: string, change?: (r: PlatformBundle['responses']) => void): PlatformBundle => {
  const responses = JSON.parse(readFileSync(fixture('platform', scenario, 'responses.json'), 'utf8')) as PlatformBundle['responses'];
  change?.(responses);
  return { schemaVersion: '1.0.0', source: 'github', repository: 'acme/widgets', branch: 'main', collectedAt: '2026-12-05T09:30:00.000Z', responses };
};
const signals = (b: PlatformBundle) =>
  platformEvidence(b)
    .findings.map((f) => `${f.id} ${f.kind} ${f.severity} ${f.path}`)
    .sort();

describe('platform signals', () => {
  it('a branch that needs no review, with Actions allowed to approve and auto-merge on: agent work can merge with no person', () => {
    expect(signals(bundleOf('lax'))).toEqual(
      [
        'platform.any-action-allowed risk low platform:repos/acme/widgets/actions/permissions',
        'platform.actions-can-approve risk high platform:repos/acme/widgets/actions/permissions/workflow',
        'platform.auto-merge-without-review risk high platform:repos/acme/widgets',
        'platform.default-token-write risk medium platform:repos/acme/widgets/actions/permissions/workflow',
        'platform.environment-without-reviewers risk medium platform:repos/acme/widgets/environments?per_page=100',
        'platform.no-code-owner-review risk medium platform:repos/acme/widgets/branches/main/protection',
        'platform.no-review-required risk high platform:repos/acme/widgets/branches/main/protection',
        'platform.push-protection-off risk medium platform:repos/acme/widgets',
      ].sort(),
    );
    // "Branch not protected" is GitHub's answer, not a refusal: nothing is unreadable.
    expect(platformEvidence(bundleOf('lax')).unreadable).toEqual([]);
  });

  it('a branch that enforces review, last-push approval and code owners, with Actions unable to approve: protections only', () => {
    const found = signals(bundleOf('strict'));
    expect(found).toEqual([
      'platform.actions-restricted protective info platform:repos/acme/widgets/actions/permissions',
      'platform.agents-cannot-approve protective info platform:repos/acme/widgets/actions/permissions/workflow',
      'platform.code-owner-review protective info platform:repos/acme/widgets/branches/main/protection',
      'platform.codeowners-errors risk low platform:repos/acme/widgets/codeowners/errors',
      'platform.default-token-read protective info platform:repos/acme/widgets/actions/permissions/workflow',
      'platform.environment-reviewers protective info platform:repos/acme/widgets/environments?per_page=100',
      'platform.last-push-approval protective info platform:repos/acme/widgets/branches/main/protection',
      'platform.push-protection protective info platform:repos/acme/widgets',
      'platform.review-required protective info platform:repos/acme/widgets/branches/main/protection',
    ]);
    expect(platformEvidence(bundleOf('strict')).findings.find((f) => f.id === 'platform.review-required')!.message).toContain('2 approving reviews');
  });

  it('an app in a ruleset bypass list lets work merge with no person, whatever the review rule says', () => {
    const found = signals(bundleOf('bypass'));
    expect(found).toContain('platform.app-can-bypass risk high platform:repos/acme/widgets/rulesets/4242');
    expect(found).toContain('platform.admins-can-bypass risk low platform:repos/acme/widgets/branches/main/protection');
    expect(found.some((f) => f.startsWith('platform.people-can-bypass risk low'))).toBe(true);
    expect(found.some((f) => f.startsWith('platform.agents-cannot-approve'))).toBe(false);
  });

  it('what this token may not read is listed as not readable and proves nothing either way', () => {
    const e = platformEvidence(bundleOf('no-admin'));
    expect(e.unreadable.map((u) => `${u.path} ${u.status}`)).toEqual([
      'repos/acme/widgets 200',
      'repos/acme/widgets/actions/permissions 403',
      'repos/acme/widgets/actions/permissions/workflow 403',
      'repos/acme/widgets/branches/main/protection 403',
    ]);
    expect(e.unreadable[1]!.message).toMatch(/^not readable with this token \(HTTP 403: Resource not accessible by integration\)$/);
    // Neither a required review nor its absence: the protection could not be read.
    expect(e.findings.map((f) => f.id).filter((id) => /review/.test(id))).toEqual([]);
    expect(e.shows).toEqual([]);
  });

  it('a ruleset alone can require the review; the protection 404 then does not make it "no review"', () => {
    const b = bundleOf('strict', (r) => {
      r['repos/acme/widgets/branches/main/protection'] = { status: 404, body: { message: 'Branch not protected', documentation_url: 'x', status: '404' } };
    });
    const found = signals(b);
    expect(found).toContain('platform.review-required protective info platform:repos/acme/widgets/rules/branches/main');
    expect(found.some((f) => f.startsWith('platform.no-review-required'))).toBe(false);
  });

  it('a 404 other than "Branch not protected" is a refusal (GitHub hides private repositories behind 404), not an unprotected branch', () => {
    const b = bundleOf('lax', (r) => {
      r['repos/acme/widgets/branches/main/protection'] = { status: 404, body: { message: 'Not Found', documentation_url: 'x', status: '404' } };
    });
    expect(signals(b).some((f) => f.startsWith('platform.no-review-required'))).toBe(false);
    expect(platformEvidence(b).unreadable.map((u) => u.path)).toContain('repos/acme/widgets/branches/main/protection');
  });

  it('never echoes a token that a hostile bundle puts in a message', () => {
    const token = `ghp_${'a1B2'.repeat(9)}`;
    const b = bundleOf('no-admin', (r) => {
      r['repos/acme/widgets/actions/permissions'] = { status: 403, body: { message: `denied for ${token}` } };
    });
    expect(JSON.stringify(platformEvidence(b))).not.toContain(token);
  });
});

describe('reading a bundle', () => {
  const text = (b: unknown) => JSON.stringify(b, null, 2);

  it('a malformed response is one located problem naming the field', () => {
    const b = bundleOf('strict', (r) => {
      (
        r['repos/acme/widgets/branches/main/protection']!.body as { required_pull_request_reviews: { required_approving_review_count: unknown } }
      ).required_pull_request_reviews.required_approving_review_count = 'two';
    });
    const t = text(b);
    const read = readPlatformBundle('p.json', t);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    const line = t.split('\n').findIndex((l) => l.includes('"required_approving_review_count": "two"')) + 1;
    expect(read.problems[0]).toMatchObject({ file: 'p.json', line, message: 'expected number, found string "two"' });
  });

  it('refuses what is not a bundle, and a bundle of another schema major, in one line', () => {
    const notBundle = readPlatformBundle('p.json', '{"checklist": {"id": "x"}}');
    expect(notBundle.ok).toBe(false);
    if (!notBundle.ok) expect(notBundle.problems[0]!.message).toMatch(/not a rollout-check platform bundle of schema 1\.x/);
    const future = readPlatformBundle('p.json', text({ ...bundleOf('lax'), schemaVersion: '2.0.0' }));
    expect(future.ok).toBe(false);
  });

  it('keeps paths this version does not know, and reads the rest', () => {
    const read = readPlatformBundle('p.json', text(bundleOf('lax', (r) => (r['repos/acme/widgets/some/new/thing'] = { status: 200, body: { anything: 1 } }))));
    expect(read.ok).toBe(true);
  });
});

describe('what the review found', () => {
  it("another repository's answers, or another branch's, lend it nothing", () => {
    const b = bundleOf('strict', (r) => {
      r['repos/acme/widgets-old/actions/permissions/workflow'] = {
        status: 200,
        body: { default_workflow_permissions: 'write', can_approve_pull_request_reviews: true },
      };
      delete r['repos/acme/widgets/actions/permissions/workflow'];
      r['repos/acme/widgets/branches/dev/protection'] = { status: 404, body: { message: 'Branch not protected' } };
    });
    const found = signals(b);
    expect(found.some((f) => f.includes('actions-can-approve') || f.includes('widgets-old'))).toBe(false);
    expect(found).toContain('platform.review-required protective info platform:repos/acme/widgets/branches/main/protection');
  });
  it('code-owner review with no approval count is not "no review", and an unread ruleset withholds "no app may bypass"', () => {
    const ownersOnly = bundleOf('strict', (r) => {
      const p = r['repos/acme/widgets/branches/main/protection']!.body as { required_pull_request_reviews: { required_approving_review_count: number } };
      p.required_pull_request_reviews.required_approving_review_count = 0;
      r['repos/acme/widgets/rules/branches/main'] = { status: 200, body: [] };
      delete r['repos/acme/widgets/rulesets/4242'];
    });
    expect(signals(ownersOnly).some((f) => f.startsWith('platform.no-review-required'))).toBe(false);
    expect(signals(ownersOnly).some((f) => f.startsWith('platform.code-owner-review'))).toBe(true);
    const unread = bundleOf('strict', (r) => void delete r['repos/acme/widgets/rulesets/4242']);
    expect(signals(unread).some((f) => f.startsWith('platform.agents-cannot-approve'))).toBe(false);
  });
  it('refuses control characters and malformed names at the boundary', () => {
    const hostile = { ...bundleOf('lax'), repository: 'acme/\u001b[31mwidgets', collectedAt: 'yesterday' };
    const read = readPlatformBundle('p.json', JSON.stringify(hostile, null, 2));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.message)).toEqual(['owner/name, as GitHub spells them', 'an ISO 8601 time in UTC']);
  });
});
