// A platform bundle: the raw answers of GitHub's REST API for one repository and branch, as
// `collect github` saved them. Raw, so that it can be audited and replayed; every signal is
// derived from it when it is read, never stored in it. Published with `rollout-check schema platform`.
import * as z from '../zod-mini.js';
import { repositoryPattern, type EndpointKind } from './endpoints.js';

export const platformSchemaVersion = '1.0.0';

export const PlatformResponse = z.strictObject({
  /** The HTTP status; 0 when the request never reached GitHub (no `gh`, no network). */
  status: z.number().check(z.int(), z.minimum(0), z.maximum(599)),
  /** The response body as JSON (GitHub's error object for a refusal), or null. */
  body: z.unknown(),
});
export type PlatformResponse = z.infer<typeof PlatformResponse>;

export const PlatformBundle = z.strictObject({
  schemaVersion: z.string().check(z.regex(/^1\.\d+\.\d+$/, 'a platform bundle of schema 1.x')),
  source: z.literal('github'),
  /** "owner/name". */
  repository: z.string().check(z.regex(repositoryPattern, 'owner/name, as GitHub spells them')),
  branch: z.nullable(z.string().check(z.regex(/^[^\u0000-\u001f\u007f\s]{1,255}$/, 'a branch name: no spaces or control characters'))),
  /** When GitHub answered (the first response's Date header, ISO 8601), or null when unknown. */
  collectedAt: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'an ISO 8601 time in UTC'))),
  /** Keyed by the path as given to `gh api`, without a leading slash: printable, no spaces. */
  responses: z.record(z.string().check(z.regex(/^[\u0021-\u007e]{1,500}$/, 'a path as given to gh api')), PlatformResponse),
});
export type PlatformBundle = z.infer<typeof PlatformBundle>;

// The parts of each response the signals read. Loose: GitHub adds fields, and a bundle keeps them.
const flag = z.optional(z.boolean());
const count = z.optional(z.number().check(z.int(), z.minimum(0)));
const named = z.looseObject({ slug: z.optional(z.string()), login: z.optional(z.string()), name: z.optional(z.string()) });

export const bodySchemas: Record<EndpointKind, z.ZodMiniType> = {
  repository: z.looseObject({
    full_name: z.optional(z.string()),
    default_branch: z.optional(z.string()),
    allow_auto_merge: flag,
    security_and_analysis: z.optional(
      z.nullable(z.looseObject({ secret_scanning_push_protection: z.optional(z.looseObject({ status: z.optional(z.enum(['enabled', 'disabled'])) })) })),
    ),
  }),
  'branch-protection': z.looseObject({
    required_pull_request_reviews: z.optional(
      z.looseObject({
        required_approving_review_count: count,
        require_code_owner_reviews: flag,
        require_last_push_approval: flag,
        bypass_pull_request_allowances: z.optional(
          z.looseObject({ users: z.optional(z.array(named)), teams: z.optional(z.array(named)), apps: z.optional(z.array(named)) }),
        ),
      }),
    ),
    enforce_admins: z.optional(z.looseObject({ enabled: z.boolean() })),
  }),
  'branch-rules': z.array(
    z.looseObject({
      type: z.string(),
      ruleset_id: z.optional(z.number().check(z.int())),
      parameters: z.optional(z.looseObject({ required_approving_review_count: count, require_code_owner_review: flag, require_last_push_approval: flag })),
    }),
  ),
  ruleset: z.looseObject({
    id: z.number().check(z.int()),
    name: z.optional(z.string()),
    enforcement: z.optional(z.string()),
    bypass_actors: z.optional(
      z.array(z.looseObject({ actor_id: z.optional(z.nullable(z.number())), actor_type: z.string(), bypass_mode: z.optional(z.string()) })),
    ),
  }),
  'actions-permissions': z.looseObject({ enabled: z.boolean(), allowed_actions: z.optional(z.enum(['all', 'local_only', 'selected'])) }),
  'workflow-permissions': z.looseObject({ default_workflow_permissions: z.enum(['read', 'write']), can_approve_pull_request_reviews: z.boolean() }),
  'selected-actions': z.looseObject({ github_owned_allowed: flag, verified_allowed: flag, patterns_allowed: z.optional(z.array(z.string())) }),
  environments: z.looseObject({
    total_count: count,
    environments: z.optional(
      z.array(
        z.looseObject({
          name: z.string(),
          protection_rules: z.optional(z.array(z.looseObject({ type: z.string(), reviewers: z.optional(z.array(z.unknown())) }))),
        }),
      ),
    ),
  }),
  'codeowners-errors': z.looseObject({
    errors: z.array(z.looseObject({ line: z.number(), path: z.optional(z.string()), kind: z.optional(z.string()), message: z.optional(z.string()) })),
  }),
};

/** GitHub's error object: what a refusal says. */
export const ErrorBody = z.looseObject({ message: z.optional(z.string()) });
