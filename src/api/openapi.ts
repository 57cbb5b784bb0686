/**
 * The OpenAPI 3.1 description of the native REST API v1, served at GET /openapi.json and rendered
 * at /docs. A test checks that every route the app registers under /api/v1 is described here.
 */
import { reportPaths, reportSchemas } from './openapi-reports.js';
import { LANGUAGES } from '../code-tokens/languages.js';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const idParam = (name = 'id', description = 'Public id') => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });
const pageParams = [
  { name: 'limit', in: 'query', description: 'Items per page; a larger limit is served as 500 (the answer says which limit applied).', schema: { type: 'integer', minimum: 1, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const pageOf = (item: string) => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: ref(item) }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});
const common = { '401': error('Missing or invalid credentials'), '403': error('Wrong role') };
const withId = { ...common, '404': error('Unknown id, or a resource of another organisation') };
const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
const submissionBody = {
  required: true,
  content: {
    'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string', maxLength: 500 }, author: { type: 'string', maxLength: 500 } } } },
    'application/json': { schema: { type: 'object', required: ['text'], properties: { title: { type: 'string', maxLength: 500 }, author: { type: 'string', maxLength: 500 }, text: { type: 'string' } } } },
  },
};

/** `one` names a single resource with its article ("an organisation", "an API key"). */
function crud(tag: string, one: string, path: string, schema: string, input: Json, createCode = '201') {
  return {
    [path]: {
      post: { tags: [tag], summary: `Create ${one}`, requestBody: body(input), responses: { [createCode]: json(ref(schema), 'Created'), '422': error('Validation failed'), ...common } },
      get: { tags: [tag], summary: `List ${tag.toLowerCase()}`, parameters: pageParams, responses: { '200': json(pageOf(schema)), ...common } },
    },
    [`${path}/{id}`]: {
      parameters: [idParam()],
      get: { tags: [tag], summary: 'Read one', responses: { '200': json(ref(schema)), ...withId } },
      patch: { tags: [tag], summary: 'Update', requestBody: body(input), responses: { '200': json(ref(schema)), '422': error('Validation failed'), ...withId } },
      delete: { tags: [tag], summary: 'Delete', responses: { '204': { description: 'Deleted' }, ...withId } },
    },
  };
}

/** Adds a description to one operation of a `crud` block. */
function described<T extends Record<string, object>>(paths: T, path: string, method: string, description: string): T {
  ((paths[path] as Record<string, Json>)[method]).description = description;
  return paths;
}

/** Organisation settings: free-form, merged on PATCH; the ones listed are checked when set (422). */
const organisationSettingsSchema = {
  type: 'object',
  description: 'Settings merged into the stored ones on PATCH; a key set to null switches it off. Keys ending in `_url` are checked by the outbound policy (docs/security.md).',
  properties: {
    drillbit_callback_url: { type: ['string', 'null'], format: 'uri', description: 'DrillBit PUT callback receiver' },
    plagscan_callback_url: { type: ['string', 'null'], format: 'uri', description: 'PlagScan callback receiver' },
    inspera_webhook_url: { type: ['string', 'null'], format: 'uri', description: 'Inspera webhook receiver' },
    frame_ancestors: { type: ['array', 'null'], maxItems: 50, items: { type: 'string', pattern: '^https://' }, description: 'https origins (e.g. "https://lms.example.edu") that may show this organisation\'s viewer and report pages in a frame; without it, only this server may frame them' },
    redirect_origins: { type: ['array', 'null'], maxItems: 50, items: { type: 'string', pattern: '^https?://' }, description: 'http(s) origins an expired viewer or Plagiat.pl report link may send the browser to (`expired_redirect`, `expirationRedirection`)' },
  },
  additionalProperties: true,
};

const settingsSchema = {
  type: 'object',
  properties: {
    check_peers: { type: 'boolean', default: true, description: 'Compare submissions of the assignment with each other' },
    check_repository: { type: 'boolean', default: false, description: "Compare with the organisation's repository" },
    add_to_repository: { type: 'boolean', default: false, description: 'Add checked submissions to the repository' },
    exclude_quotes: { type: 'boolean', default: false },
    exclude_references: { type: 'boolean', default: false },
    min_match_words: { type: 'integer', minimum: 1, default: 8 },
    exclude_small_sources_percent: { type: 'number', minimum: 0, maximum: 100, default: 0 },
    excluded_sources: { type: 'array', maxItems: 1000, items: { type: 'string' }, description: "Sources never counted: a source document's id, title or file name" },
    excluded_phrases: { type: 'array', maxItems: 15, items: { type: 'string' } },
    template_text: { type: 'string' },
    ai_detection: { type: 'boolean', default: true },
    language: { type: ['string', 'null'], description: `Programming language of a code assignment: a name the code tokenizer knows (${LANGUAGES.map((l) => l.name).join(', ')}; aliases such as c++, c#, js, py), or null to detect by file extension. Other names are refused (422).` },
  },
  additionalProperties: false,
};

type Operation = { responses: Record<string, unknown>; parameters?: { name: string }[]; security?: unknown[] };

/**
 * Answers that come from the framework and the shared request handling rather than from one route,
 * added to every operation they can happen on: 400 invalid_json and 415 for a body that cannot be
 * read (every POST, PATCH and DELETE parses a JSON body when one is sent), 422 for paging values
 * that are not non-negative integers, 429 when the caller's address or account is throttled
 * (docs/security.md). Then the answers of single operations that their route names elsewhere.
 */
function withSharedAnswers<T extends Record<string, object>>(paths: T): T {
  for (const [path, item] of Object.entries(paths) as [string, Record<string, Operation>][]) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const add = (code: string, answer: unknown) => {
        op.responses[code] ??= answer;
      };
      if (method !== 'get') {
        add('400', error('The body is not valid JSON (invalid_json)'));
        add('415', error('A body of a content type the operation does not read'));
      }
      if (op.parameters?.some((p) => p.name === 'limit')) add('422', error('limit or offset is not a non-negative integer, or limit is 0'));
      const secured = op.security === undefined || op.security.length > 0;
      if (secured || path === '/api/v1/auth/login') add('429', error('Too many failed credentials from this address or for this account (rate_limited, with Retry-After)'));
    }
  }
  const op = (path: string, method: string) => (paths as Record<string, Record<string, Operation>>)[path][method];
  const also = (path: string, method: string, code: string, description: string) => {
    op(path, method).responses[code] = error(description);
  };
  also('/api/v1/auth/login', 'post', '422', 'The body is not a JSON object');
  also('/api/v1/auth/first-start', 'post', '422', 'The body is not a JSON object');
  also('/api/v1/organisations/{id}', 'delete', '409', 'The caller\'s own organisation');
  also('/api/v1/org-units', 'post', '404', 'parent_id names no unit of the organisation');
  also('/api/v1/users', 'get', '404', 'org_unit_id names no unit of the organisation');
  op('/api/v1/users', 'get').parameters = [
    ...pageParams,
    ...['role', 'email', 'search', 'org_unit_id'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
  ];
  also('/api/v1/users', 'post', '409', 'A user of the organisation has this e-mail address');
  also('/api/v1/users/{id}', 'patch', '409', 'A user of the organisation has this e-mail address');
  also('/api/v1/users/{id}', 'delete', '409', 'The caller itself');
  also('/api/v1/api-keys/{id}', 'delete', '409', 'The key the request is made with');
  also('/api/v1/assignments', 'post', '404', 'course_id names no course the caller reaches');
  also('/api/v1/repositories/{id}/documents', 'post', '422', 'document_id is missing or not a string');
  also('/api/v1/webhooks', 'post', '404', 'document_id names no document of the organisation');
  return paths;
}

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Origo native REST API',
    version: '1.0.0',
    description:
      'Self-hosted plagiarism and originality checks. Authenticate with `Authorization: Bearer <api key>` or with the token from POST /api/v1/auth/login. ' +
      'Errors are `{"error": {"code", "message", "details"?}}` with the codes of the error catalogue: invalid_json 400, bad_request 400, unauthorized 401, forbidden 403, not_found 404, ' +
      'route_not_found 404, conflict 409, not_ready 409, payload_too_large 413, unsupported_media_type 415, validation_failed 422, unsupported_document 422, rate_limited 429, internal_error 500, unavailable 503. ' +
      "Sources are the assignment's peers and the organisation's repositories; there is no internet search.",
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  tags: ['Health', 'Identity', 'Organisations', 'Org units', 'Users', 'API keys', 'Courses', 'Assignments', 'Documents', 'Repositories', 'Webhooks', 'Reports'].map((name) => ({ name })),
  paths: withSharedAnswers({
    '/health': { get: { tags: ['Health'], security: [], summary: 'Liveness: the database answers', responses: { '200': json({ type: 'object', properties: { status: { const: 'ok' }, database: { type: 'string' }, jobs: { type: 'object' } } }), '503': error('The database does not answer') } } },
    '/metrics': { get: { tags: ['Health'], security: [{ metricsToken: [] }], summary: 'Prometheus metrics (text format 0.0.4); needs ORIGO_METRICS_TOKEN, see docs/operations.md', responses: { '200': { description: 'Metrics in Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': error('Missing or wrong metrics token'), '404': error('ORIGO_METRICS_TOKEN is not set: no metrics on this port') } } },
    '/api/v1/auth/login': {
      post: {
        tags: ['Identity'],
        security: [],
        summary: 'Log in with email and password; returns a short-lived JWT',
        requestBody: body({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } }),
        responses: { '200': json({ type: 'object', properties: { token: { type: 'string' }, token_type: { const: 'Bearer' }, expires_at: { type: 'string' }, expires_in: { type: 'integer' }, user: ref('User') } }), '401': error('Wrong email or password') },
      },
    },
    '/api/v1/auth/first-start': {
      post: {
        tags: ['Identity'],
        security: [],
        summary: 'Redeem the first-start link: sign in as the new installation\'s administrator (once)',
        description: 'The link printed when a new installation starts (or by `origo first-start-link`) is `/app/#/first-start/<token>`; the web UI posts the token here. It works once and expires after 24 hours; it is stored hashed.',
        requestBody: body({ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }),
        responses: { '200': json({ type: 'object', properties: { token: { type: 'string' }, token_type: { const: 'Bearer' }, expires_at: { type: 'string' }, expires_in: { type: 'integer' }, user: ref('User') } }), '401': error('The link is unknown, used, replaced or expired') },
      },
    },
    '/api/v1/me': { get: { tags: ['Identity'], summary: 'The caller', responses: { '200': json({ type: 'object', properties: { organisation_id: { type: 'string' }, role: { type: 'string' }, system_admin: { type: 'boolean' }, authenticated_by: { enum: ['api_key', 'jwt'] }, user: { anyOf: [ref('User'), { type: 'null' }] } } }), ...common } } },
    ...crud('Organisations', 'an organisation', '/api/v1/organisations', 'Organisation', {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 200 }, settings: organisationSettingsSchema,
        // On creation only: the organisation's first administrator and its API key (in the answer, shown once).
        admin: { type: 'object', properties: { email: { type: 'string', maxLength: 254 }, name: { type: 'string', maxLength: 200 }, password: { type: 'string', minLength: 8 } } },
      },
    }),
    ...crud('Org units', 'an organisation unit', '/api/v1/org-units', 'OrgUnit', { type: 'object', properties: { name: { type: 'string', maxLength: 200 }, parent_id: { type: ['string', 'null'] } } }),
    ...crud('Users', 'a user', '/api/v1/users', 'User', {
      type: 'object',
      properties: { email: { type: 'string', maxLength: 254 }, name: { type: 'string', maxLength: 200 }, role: { enum: ['admin', 'instructor', 'student'] }, password: { type: 'string', minLength: 8 }, org_unit_id: { type: ['string', 'null'] }, active: { type: 'boolean' } },
    }),
    ...crud('API keys', 'an API key', '/api/v1/api-keys', 'ApiKey', {
      type: 'object',
      properties: { name: { type: 'string', maxLength: 200 }, level: { enum: ['client', 'user'] }, user_id: { type: 'string' }, vendor: { enum: ['codequiry', 'drillbit', 'plagiat', 'inspera', 'plagscan'] }, allowed_ips: { type: ['string', 'null'] } },
    }),
    ...crud('Courses', 'a course', '/api/v1/courses', 'Course', { type: 'object', properties: { name: { type: 'string', maxLength: 200 }, code: { type: ['string', 'null'], maxLength: 100 } } }),
    ...described(crud('Assignments', 'an assignment', '/api/v1/assignments', 'Assignment', { type: 'object', properties: { name: { type: 'string', maxLength: 300 }, kind: { enum: ['text', 'code'] }, course_id: { type: ['string', 'null'] }, settings: settingsSchema } }), '/api/v1/assignments/{id}', 'patch',
      'Settings are merged over the current ones. A change to a setting that alters scores (every setting but add_to_repository) re-checks the documents already checked: each gets a new report version under the new settings.'),
    '/api/v1/assignments/{id}/documents': {
      parameters: [idParam('id', 'Assignment id')],
      post: {
        tags: ['Documents'],
        summary: 'Submit a document into an assignment',
        requestBody: submissionBody,
        responses: { '201': json(ref('Document'), 'Accepted and queued'), '413': error('Larger than the upload limit'), '415': error('Unsupported content type'), '422': error('Validation failed (no file, more than one file part: one file per request) or an empty file (unsupported_document)'), ...withId },
      },
      get: { tags: ['Documents'], summary: 'Documents of an assignment', parameters: [...pageParams, { name: 'status', in: 'query', schema: { type: 'string' } }], responses: { '200': json(pageOf('Document')), ...withId } },
    },
    '/api/v1/documents': {
      post: { tags: ['Documents'], summary: 'Submit a document outside any assignment (checked against the repository)', requestBody: submissionBody, responses: { '201': json(ref('Document'), 'Accepted and queued'), '413': error('Larger than the upload limit'), '415': error('Unsupported content type'), '422': error('Validation failed (no file, more than one file part: one file per request) or an empty file (unsupported_document)'), ...common } },
      get: { tags: ['Documents'], summary: 'List documents', parameters: [...pageParams, { name: 'assignment_id', in: 'query', schema: { type: 'string' } }, { name: 'status', in: 'query', schema: { type: 'string' } }, { name: 'md5', in: 'query', schema: { type: 'string' } }], responses: { '200': json(pageOf('Document')), '404': error('assignment_id names no assignment the caller reaches'), ...common } },
    },
    '/api/v1/documents/{id}': {
      parameters: [idParam()],
      get: { tags: ['Documents'], summary: 'Status and, when done, similarity', responses: { '200': json(ref('Document')), ...withId } },
      delete: { tags: ['Documents'], summary: 'Delete the document, its file, text and fingerprints', responses: { '204': { description: 'Deleted' }, ...withId } },
    },
    '/api/v1/documents/{id}/report': { parameters: [idParam()], get: { tags: ['Documents'], summary: 'The latest report', responses: { '200': json(ref('Report')), '409': error('Not finished yet'), ...withId } } },
    '/api/v1/documents/{id}/text': { parameters: [idParam()], get: { tags: ['Documents'], summary: 'The extracted text the offsets refer to', responses: { '200': json({ type: 'object', properties: { document_id: { type: 'string' }, text: { type: 'string' }, extraction: { type: 'object' } } }), '409': error('Not extracted yet'), ...withId } } },
    '/api/v1/documents/{id}/file': { parameters: [idParam()], get: { tags: ['Documents'], summary: 'The original uploaded file', responses: { '200': { description: 'The file' }, ...withId } } },
    '/api/v1/assignments/{id}/recheck': {
      parameters: [idParam()],
      post: {
        tags: ['Assignments'],
        summary: "Check the assignment's documents again",
        description: 'Queues a new check (a new report version) of every document already checked or being checked. Changing settings that alter scores (every setting but add_to_repository) with PATCH /api/v1/assignments/{id} does the same by itself.',
        responses: { '202': json({ type: 'object', required: ['assignment_id', 'queued'], properties: { assignment_id: { type: 'string' }, queued: { type: 'integer', description: 'Documents queued for a new check' } } }, 'Queued'), ...withId },
      },
    },
    '/api/v1/documents/{id}/recheck': { parameters: [idParam()], post: { tags: ['Documents'], summary: 'Check the document again (new report version)', responses: { '202': json(ref('Document')), '409': error('Failed documents cannot be checked'), ...withId } } },
    '/api/v1/repositories': { get: { tags: ['Repositories'], summary: "The organisation's repositories", responses: { '200': json(pageOf('Repository')), ...common } } },
    '/api/v1/repositories/{id}/documents': {
      parameters: [idParam('id', 'Repository id, or "default"')],
      get: { tags: ['Repositories'], summary: 'Documents in a repository', parameters: pageParams, responses: { '200': json(pageOf('Document')), ...withId } },
      post: { tags: ['Repositories'], summary: 'Add a document', requestBody: body({ type: 'object', required: ['document_id'], properties: { document_id: { type: 'string' } } }), responses: { '201': json({ type: 'object' }, 'Added'), '200': json({ type: 'object' }, 'It was in the repository already'), ...withId } },
    },
    '/api/v1/repositories/{id}/documents/{documentId}': { parameters: [idParam('id', 'Repository id, or "default"'), idParam('documentId', 'Document id')], delete: { tags: ['Repositories'], summary: 'Remove a document', responses: { '204': { description: 'Removed' }, ...withId } } },
    '/api/v1/webhooks': {
      post: {
        tags: ['Webhooks'],
        summary: 'Register a webhook (organisation-wide, or for one document)',
        description: 'Deliveries are JSON POSTs `{"event", "document": {"id", "status", "reason", "similarity", "report_version"}, "occurred_at"}` with the headers `X-Origo-Event`, `X-Origo-Delivery` (the delivery id) and `X-Origo-Signature: sha256=<HMAC-SHA256 of the body with the secret>`, retried with backoff (ORIGO_WEBHOOK_BACKOFF_MS, doubling) while the receiver answers anything but 2xx. The secret is in the answer that creates the webhook only.',
        requestBody: body({ type: 'object', required: ['url'], properties: { url: { type: 'string', maxLength: 2048 }, events: { type: 'array', items: { enum: ['*', 'document.received', 'document.processing', 'document.converted', 'document.done', 'document.failed', 'document.changed'] } }, document_id: { type: 'string' }, secret: { type: 'string', minLength: 16, maxLength: 512 } } }),
        responses: { '201': json(ref('Webhook')), '422': error('Validation failed'), ...common },
      },
      get: { tags: ['Webhooks'], summary: 'List webhooks', responses: { '200': json(pageOf('Webhook')), ...common } },
    },
    '/api/v1/webhooks/{id}': { parameters: [idParam()], delete: { tags: ['Webhooks'], summary: 'Delete a webhook', responses: { '204': { description: 'Deleted' }, ...withId } } },
    '/api/v1/webhook-deliveries': {
      get: {
        tags: ['Webhooks'],
        summary: 'Recent deliveries and their outcome, newest first',
        description: 'A delivery is tried up to 8 times; after the last failed attempt its status is "failed".',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } }],
        responses: { '200': json(pageOf('WebhookDelivery')), ...common },
      },
    },

    ...reportPaths,
  }),
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key or a login JWT' }, metricsToken: { type: 'http', scheme: 'bearer', description: 'ORIGO_METRICS_TOKEN (only for /metrics)' } },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } } },
      Organisation: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, settings: organisationSettingsSchema, created_at: { type: 'string' }, updated_at: { type: 'string' } } },
      OrgUnit: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, parent_id: { type: ['string', 'null'] }, created_at: { type: 'string' } } },
      User: { type: 'object', properties: { id: { type: 'string' }, organisation_id: { type: 'string' }, org_unit_id: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, name: { type: 'string' }, role: { enum: ['admin', 'instructor', 'student'] }, active: { type: 'boolean' }, has_password: { type: 'boolean' }, created_at: { type: 'string' }, updated_at: { type: 'string' } } },
      ApiKey: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, level: { enum: ['client', 'user'] }, user_id: { type: ['string', 'null'] }, vendor: { type: ['string', 'null'] }, allowed_ips: { type: ['string', 'null'] }, key: { type: 'string', description: 'Only in the response that creates the key' }, created_at: { type: 'string' }, last_used_at: { type: ['string', 'null'] } } },
      Course: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, code: { type: ['string', 'null'] }, created_at: { type: 'string' } } },
      Assignment: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { enum: ['text', 'code'] }, course_id: { type: ['string', 'null'] }, settings: settingsSchema, created_at: { type: 'string' }, updated_at: { type: 'string' } } },
      Document: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          assignment_id: { type: ['string', 'null'] },
          title: { type: 'string' },
          author: { type: ['string', 'null'] },
          filename: { type: ['string', 'null'] },
          mime: { type: ['string', 'null'] },
          size: { type: 'integer' },
          md5: { type: 'string' },
          status: { enum: ['queued', 'converting', 'converted', 'checking', 'done', 'failed'] },
          reason: { type: ['string', 'null'], description: 'Why the document failed' },
          language: { type: ['string', 'null'] },
          counts: { type: ['object', 'null'], properties: { characters: { type: 'integer' }, words: { type: 'integer' }, pages: { type: 'integer' } } },
          similarity: { type: ['number', 'null'], minimum: 0, maximum: 100 },
          created_at: { type: 'string' },
          updated_at: { type: 'string' },
        },
      },
      Match: { type: 'object', required: ['source_document_id', 'offset', 'length', 'source_offset', 'source_length'], properties: { source_document_id: { type: 'string' }, offset: { type: 'integer' }, length: { type: 'integer' }, source_offset: { type: 'integer' }, source_length: { type: 'integer' } } },
      Report: {
        type: 'object',
        properties: {
          document_id: { type: 'string' },
          version: { type: 'integer' },
          status: { type: 'string' },
          similarity: { type: 'number', minimum: 0, maximum: 100 },
          created_at: { type: 'string' },
          sources: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                source_document_id: { type: 'string' },
                title: { type: 'string' },
                scope: { enum: ['peer', 'repository'] },
                similarity: { type: 'number' },
                matches: { type: 'integer' },
                fragments: { type: 'array', description: 'Code reports: matching fragments by file and lines on both sides', items: { type: 'object' } },
                shared_values: { type: 'array', items: { type: 'string' }, description: 'Code reports: literal values (strings, numbers) both use, the weightiest first; a source with no matches scored by these alone' },
              },
            },
          },
          factors: { type: ['object', 'null'], properties: { phrases_5_words: { type: 'number' }, phrases_25_words: { type: 'number' } }, description: 'Percent of words in matched phrases of at least 5 / 25 words (text reports)' },
          ai: { type: 'object', description: 'AI-text check when status is "ok": verdict (flagged, inconclusive, not_flagged), score and thresholds on a 0-100 scale (not a percent written by AI), share = percent of the words in the highlighted passages; otherwise status (too_short, unsupported_language, disabled, not_applicable, not_available) and reason', properties: { status: { type: 'string' }, verdict: { type: 'string', enum: ['flagged', 'inconclusive', 'not_flagged'] }, score: { type: 'number' }, share: { type: 'number' }, flagged: { type: 'boolean' }, threshold: { type: 'number' }, inconclusive_threshold: { type: 'number' }, reason: { type: 'string' } } },
          matches: { type: 'array', items: ref('Match'), description: 'Offsets and lengths in characters (UTF-16 code units) of the extracted texts' },
        },
      },
      Repository: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, is_default: { type: 'boolean' }, documents: { type: ['integer', 'null'] }, created_at: { type: 'string' } } },
      ...reportSchemas,
      WebhookDelivery: {
        type: 'object',
        required: ['id', 'event', 'method', 'url', 'status', 'attempts', 'last_status_code', 'last_error', 'created_at', 'delivered_at'],
        properties: {
          id: { type: 'string' },
          event: { type: 'string' },
          method: { type: 'string' },
          url: { type: 'string' },
          status: { enum: ['pending', 'retrying', 'delivered', 'failed'] },
          attempts: { type: 'integer' },
          last_status_code: { type: ['integer', 'null'], description: "The receiver's HTTP status of the last attempt" },
          last_error: { type: ['string', 'null'], description: 'One of a few fixed phrases (docs/security.md), never how a connection failed' },
          created_at: { type: 'string' },
          delivered_at: { type: ['string', 'null'] },
        },
      },
      Webhook: { type: 'object', properties: { id: { type: 'string' }, url: { type: 'string' }, events: { type: 'array', items: { type: 'string' } }, document_id: { type: ['string', 'null'] }, active: { type: 'boolean' }, secret: { type: 'string', description: 'Only when created' }, created_at: { type: 'string' } } },
    },
  },
} as const;
