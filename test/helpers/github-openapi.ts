// GitHub's published REST API description (@octokit/openapi, a dev dependency), used to hold
// recorded `gh api` responses to the schema GitHub documents for them.
//
// The package ships OpenAPI 3.0.3 only (no 3.1 form), in two shapes per host: `*.deref.json`
// (every $ref expanded inline, 73 MB) and the plain `api.github.com.json` (13 MB, components
// shared by $ref). The plain one is read here: a fifth of the parse time and memory, and Ajv
// compiles each shared component once instead of once per place it is inlined. OpenAPI 3.0's
// `nullable: true` is turned into what JSON Schema (and OpenAPI 3.1) say instead: `null` added to
// `type` and to any `enum`; without a `type` (about 130 schemas: `nullable` beside an
// anyOf/oneOf/allOf), the schema becomes `anyOf: [{ type: 'null' }, schema]`. Ajv's own
// `nullable` support cannot be used: it throws on `nullable` without `type`, and leaves `null`
// out of an `enum` that does not list it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  responses: Record<string, JsonObject>;
}

interface Spec {
  paths: Record<string, { get?: Operation }>;
  components: { schemas: Record<string, Json>; responses: Record<string, JsonObject> };
}

interface Loaded {
  spec: Spec;
  ajv: Ajv;
  /** GET path templates, split into segments: `{name}` matches any one segment. */
  templates: { template: string; segments: string[]; literals: number }[];
  validators: Map<string, ValidateFunction>;
}

/** The $id the converted components are registered under; local `#/...` refs are rewritten to it. */
const SPEC_ID = 'https://api.github.com/openapi.json';
const BASIC_ERROR_REF = `${SPEC_ID}#/components/schemas/basic-error`;
/** What GitHub's error bodies carry: the spec's basic-error makes every field optional. */
const ERROR_BODY: JsonObject = { allOf: [{ $ref: BASIC_ERROR_REF }, { type: 'object', required: ['message', 'documentation_url'] }] };

/** Values that are data, not schemas: left as they are. */
const NOT_SCHEMA = new Set(['example', 'examples', 'enum', 'default', 'const', 'description', 'externalDocs', 'xml']);

let loaded: Loaded | undefined;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 schema to JSON Schema, in place: `nullable`, and local refs made absolute. */
function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  for (const [key, value] of Object.entries(node)) {
    if (!NOT_SCHEMA.has(key) && !key.startsWith('x-')) node[key] = convert(value);
  }
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) node.$ref = SPEC_ID + node.$ref;
  const nullable = node.nullable;
  delete node.nullable;
  if (nullable !== true) return node;
  if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
  if (typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    return node;
  }
  if (Array.isArray(node.type)) {
    if (!node.type.includes('null')) node.type = [...node.type, 'null'];
    return node;
  }
  return { anyOf: [{ type: 'null' }, node] };
}

function load(): Loaded {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const schemas = convert(spec.components.schemas as Json);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, verbose: true });
  // The formats GitHub's schemas use. The ones that carry no checkable rule pass anything.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('uri-template', true);
  ajv.addFormat('int64', true);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas } } as JsonObject);
  const templates = Object.entries(spec.paths)
    .filter(([, item]) => item.get)
    .map(([template]) => {
      const segments = template.split('/').slice(1);
      return { template, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
    });
  loaded = { spec, ajv, templates, validators: new Map() };
  return loaded;
}

/** The GET template a request path (as given to `gh api`) is an instance of: literal segments win. */
function findTemplate(state: Loaded, path: string): string {
  const bare = path
    .replace(/[?#].*$/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
  const parts = bare.split('/');
  const matches = state.templates
    .filter((t) => t.segments.length === parts.length && t.segments.every((s, i) => (s.startsWith('{') && s.endsWith('}') ? parts[i] !== '' : s === parts[i])))
    .sort((a, b) => b.literals - a.literals);
  if (matches.length === 0) throw new Error(`no GET operation in GitHub's REST API description matches "${path}"`);
  return matches[0]!.template;
}

/** A response object, with a `$ref` to components/responses followed. */
function deref(state: Loaded, response: JsonObject): JsonObject {
  const ref = response.$ref;
  if (typeof ref !== 'string') return response;
  const name = ref.replace('#/components/responses/', '');
  const target = state.spec.components.responses[name];
  if (!target) throw new Error(`GitHub's REST API description refers to a missing response ${ref}`);
  return target;
}

type Expected = { schema: JsonObject } | { noBody: true } | { undocumented: string };

/** What a response with this status must be: a schema, no body, or nothing GitHub documents. */
function expected(state: Loaded, template: string, status: number): Expected {
  const responses = state.spec.paths[template]!.get!.responses;
  const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  const content = documented ? deref(state, documented).content : undefined;
  const media = isObject(content) ? (content['application/json'] ?? Object.values(content)[0]) : undefined;
  const schema = isObject(media) && isObject(media.schema) ? media.schema : undefined;
  const isError = status === 403 || status === 404;
  if (schema) {
    if (isError && schema.$ref === '#/components/schemas/basic-error') return { schema: ERROR_BODY };
    // The operations' own schemas are converted here, on first use, not by load().
    const converted = convert(structuredClone(schema));
    if (!isObject(converted)) throw new Error(`unexpected schema for GET ${template} ${status}`);
    return { schema: converted };
  }
  if (isError) return { schema: ERROR_BODY };
  if (documented) return { noBody: true };
  return { undocumented: `status ${status} is not documented for GET ${template} (documented: ${Object.keys(responses).join(', ')})` };
}

/**
 * Ajv's errors, with the noise of a failed oneOf/anyOf over typed variants taken out. GitHub tells
 * variants apart by a `type` with one allowed value (23 kinds of branch rule), and Ajv reports
 * every variant's complaints. The value is checked against each variant alone: when exactly one
 * accepts its `type`, only that variant's errors are kept; when none does, one error lists the
 * types there are. Other choices (and a oneOf more than one variant passed) are left as Ajv reports them.
 */
function simplify(ajv: Ajv, errors: ErrorObject[]): ErrorObject[] {
  const choice = errors.find((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && Array.isArray(e.schema));
  if (!choice) return errors;
  const at = choice.instancePath;
  const variants = (choice.schema as Json[]).map((variant) => {
    const validate = ajv.compile(variant as JsonObject);
    return validate(choice.data) ? [] : [...(validate.errors ?? [])];
  });
  const typeMiss = (e: ErrorObject) => e.instancePath === '/type' && (e.keyword === 'enum' || e.keyword === 'const');
  const typed = variants.map((errs, i) => (errs.some(typeMiss) ? -1 : i)).filter((i) => i >= 0);
  const rest = simplify(
    ajv,
    errors.filter((e) => e !== choice),
  );
  // Not told apart by `type`, told apart ambiguously, or more than one variant passed (a oneOf).
  if (typed.length > 1 || variants.some((errs) => errs.length === 0)) return [choice, ...rest];
  const inside = (e: ErrorObject) => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
  const outside = rest.filter((e) => !inside(e));
  if (typed.length === 1) {
    const own = simplify(ajv, variants[typed[0]!]!).map((e) => ({ ...e, instancePath: at + e.instancePath }));
    return [...outside, ...own];
  }
  const allowed = variants.flatMap((errs) => errs.filter(typeMiss).flatMap((e) => (e.params as { allowedValues?: unknown[] }).allowedValues ?? []));
  const summary = {
    ...choice,
    instancePath: `${at}/type`,
    keyword: 'enum',
    message: 'must be one of the variants’ types',
    params: { allowedValues: [...new Set(allowed)] },
  };
  return [...outside, summary];
}

function describe(error: ErrorObject): string {
  const params = Object.entries(error.params)
    .filter(([key]) => key !== 'type' || error.keyword !== 'type')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return `${error.message ?? error.keyword}${params ? ` (${params})` : ''}`;
}

/**
 * Problems with a recorded response to `gh api <path>`: an empty list when the body is what
 * GitHub documents for that status. Throws when no GET operation matches the path.
 */
export function validateGithubResponse(path: string, status: number, body: unknown): string[] {
  const state = load();
  const template = findTemplate(state, path);
  const key = `${template} ${status}`;
  let validate = state.validators.get(key);
  if (!validate) {
    const want = expected(state, template, status);
    if ('undocumented' in want) return [`${path}: ${want.undocumented}`];
    if ('noBody' in want) return body == null || body === '' ? [] : [`${path}: GET ${template} documents no body for status ${status}`];
    validate = state.ajv.compile(want.schema);
    state.validators.set(key, validate);
  }
  if (validate(body)) return [];
  return simplify(state.ajv, validate.errors ?? []).map(
    (e) => `${path} (GET ${template} ${status}) at ${e.instancePath || '/'}: ${describe(e)} [schema ${e.schemaPath}]`,
  );
}
