/**
 * The report endpoints of the OpenAPI document, and the report model's JSON schema (committed as
 * src/report/report-model.schema.json) rewritten so its `$defs` live under components.schemas.
 */
import modelSchema from '../report/report-model.schema.json' with { type: 'json' };

type Json = Record<string, unknown>;

function rewriteRefs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Json)
        .filter(([k]) => k !== '$schema' && k !== '$id' && k !== '$defs')
        .map(([k, x]) => [k, k === '$ref' && typeof x === 'string' ? x.replace('#/$defs/', '#/components/schemas/ReportModel_') : rewriteRefs(x)]),
    );
  }
  return v;
}

const defs = (modelSchema as { $defs: Record<string, unknown> }).$defs;
export const reportSchemas: Record<string, unknown> = {
  ReportModel: rewriteRefs(modelSchema),
  ...Object.fromEntries(Object.entries(defs).map(([k, v]) => [`ReportModel_${k}`, rewriteRefs(v)])),
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Public id' };
const withId = { '401': err('Missing or invalid credentials'), '403': err('Wrong role'), '404': err('Unknown id, or a resource of another organisation') };
const file = (type: string, what: string) => ({ description: what, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const rendered = (summary: string, type: string, what: string, extra: Json = {}) => ({
  parameters: [idParam],
  get: { tags: ['Reports'], summary, responses: { '200': file(type, what), '409': err('The report is not ready'), ...extra, ...withId } },
});

export const reportPaths: Record<string, unknown> = {
  '/api/v1/documents/{id}/report': {
    parameters: [idParam],
    get: {
      tags: ['Reports'],
      summary: 'The report model (JSON, versioned; schema ReportModel)',
      description: 'Every match with ranges on both sides (offsets and lengths in UTF-16 code units of the extracted texts) and its source excerpt; excluded matches and sources are listed with `excluded: true` and do not count in `similarity`. Code reports add file and line ranges.',
      parameters: [{ name: 'version', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'A report version (default: the latest)' }],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref('ReportModel') } } }, '409': err('Not finished yet'), '422': err('Bad version'), ...withId },
    },
  },
  '/api/v1/documents/{id}/report.pdf': rendered('Full PDF report: summary page (title, score, sources), then the text with highlights', 'application/pdf', 'A PDF with selectable text'),
  '/api/v1/documents/{id}/report.summary.pdf': rendered('One-page PDF summary', 'application/pdf', 'A one-page PDF'),
  '/api/v1/documents/{id}/report.ai.pdf': rendered('AI-generated-text PDF report (409 not_ready while no AI score exists)', 'application/pdf', 'A PDF'),
  '/api/v1/documents/{id}/report.docx': rendered('Annotated DOCX: highlights and a comment per match', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'A DOCX file'),
  '/api/v1/documents/{id}/report.html': rendered('Self-contained interactive HTML report', 'text/html', 'One HTML page with inline style and script'),
  '/api/v1/documents/{id}/viewer-links': {
    parameters: [idParam],
    post: {
      tags: ['Reports'],
      summary: 'A signed, expiring link to the interactive viewer (view, or edit for instructors)',
      description: 'Open the URL in a browser or an iframe; no other credential is needed until it expires. Other sites may show it in a frame only when the organisation lists their origins in its setting `frame_ancestors`. In edit mode excluding a source or a match recomputes the similarity, stores a new report version and sends `document.changed`. The URL starts with ORIGO_PUBLIC_URL; without it, with what a trusted proxy names, else the address the request reached (never a Host header of a direct client).',
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                mode: { enum: ['view', 'edit'], default: 'view' },
                ttl_seconds: { type: 'integer', minimum: 60, maximum: 2592000, default: 3600 },
                expired_redirect: { type: ['string', 'null'], format: 'uri', description: "Where an expired link sends the browser: an http(s) URL on this server's origin or on an origin listed in the organisation setting `redirect_origins` (anything else: 422)" },
              },
            },
          },
        },
      },
      responses: {
        '201': { description: 'Created', content: { 'application/json': { schema: { type: 'object', required: ['url', 'expires_at'], properties: { url: { type: 'string' }, mode: { enum: ['view', 'edit'] }, expires_at: { type: 'string', format: 'date-time' } } } } } },
        '422': err('Validation failed'),
        ...withId,
      },
    },
  },
  '/api/v1/assignments/{id}/pairs': {
    parameters: [idParam],
    get: {
      tags: ['Reports'],
      summary: 'Pairs of submissions sharing passages, most similar first (code-assignment overview)',
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  assignment_id: { type: 'string' },
                  kind: { enum: ['text', 'code'] },
                  pairs: { type: 'array', items: { type: 'object', properties: { a: { type: 'object' }, b: { type: 'object' }, a_in_b: { type: ['number', 'null'] }, b_in_a: { type: ['number', 'null'] }, similarity: { type: 'number' }, matches: { type: 'integer' } } } },
                },
              },
            },
          },
        },
        ...withId,
      },
    },
  },
};
