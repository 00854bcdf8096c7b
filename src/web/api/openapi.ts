/** The API v1 description served at /api/v1/openapi.json. Keep in step with router.ts. */
const id = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'integer', minimum: 1 } });
const error = { $ref: '#/components/responses/Error' };
const json = (schema: object) => ({ 'application/json': { schema } });

export const openapiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Tandem API',
    version: '1',
    description:
      'Import Russian articles, machine-translate, review, approve and export. Authenticate with `Authorization: Bearer <token>` (create one with `npx tandem token create`). Errors are `{"error":{"code","message"}}`.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    responses: {
      Error: {
        description: 'An error',
        content: json({
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        }),
      },
    },
    schemas: {
      Segment: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          index: { type: 'integer', description: '0-based position in the document' },
          paragraph: { type: 'integer' },
          kind: { enum: ['headline', 'dateline', 'sentence'] },
          source: { type: 'string' },
          mt: { type: ['string', 'null'], description: 'the machine draft' },
          mtEngine: { type: ['string', 'null'] },
          target: { type: 'string' },
          status: { enum: ['draft', 'translated', 'approved'] },
          version: { type: 'integer', description: 'send back with a PATCH; a stale one gets 409' },
        },
      },
      Document: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          status: { enum: ['in_progress', 'approved'] },
          engine: { type: 'string' },
          latestVersion: { type: 'integer' },
          progress: { type: 'object' },
          segments: { type: 'array', items: { $ref: '#/components/schemas/Segment' } },
        },
      },
      Job: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          state: { enum: ['queued', 'running', 'done', 'failed'] },
          done: { type: 'integer' },
          total: { type: 'integer' },
          error: { type: ['string', 'null'] },
        },
      },
    },
  },
  paths: {
    '/documents': {
      get: { summary: 'List documents with progress', responses: { 200: { description: 'documents' }, 401: error } },
      post: {
        summary: 'Import an article (and start its machine translation unless translate=false)',
        requestBody: {
          content: {
            ...json({
              type: 'object',
              required: ['text'],
              properties: { title: { type: 'string' }, text: { type: 'string' }, engine: { type: 'string' }, translate: { type: 'boolean' } },
            }),
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary', description: '.txt, .md, .html or .docx; UTF-8 or Windows-1251; at most 2 MB' },
                  title: { type: 'string' },
                  encoding: { enum: ['utf-8', 'windows-1251'] },
                },
              },
            },
          },
        },
        responses: { 201: { description: 'created', content: json({ $ref: '#/components/schemas/Document' }) }, 400: error, 413: error, 415: error, 422: error },
      },
    },
    '/documents/{id}': {
      get: { parameters: [id('id', 'document id')], summary: 'A document with its segments', responses: { 200: { description: 'document', content: json({ $ref: '#/components/schemas/Document' }) }, 404: error } },
    },
    '/documents/{id}/translate': {
      post: {
        parameters: [id('id', 'document id')],
        summary: 'Start machine translation; never overwrites a target a person edited',
        requestBody: { content: json({ type: 'object', properties: { engine: { type: 'string' } } }) },
        responses: { 202: { description: 'job', content: json({ $ref: '#/components/schemas/Job' }) }, 409: error },
      },
    },
    '/jobs/{id}': {
      get: { parameters: [id('id', 'job id')], summary: 'Job progress', responses: { 200: { description: 'job', content: json({ $ref: '#/components/schemas/Job' }) }, 404: error } },
    },
    '/documents/{id}/segments/{segmentId}': {
      patch: {
        parameters: [id('id', 'document id'), id('segmentId', 'segment id')],
        summary: 'Edit or confirm a segment',
        requestBody: {
          content: json({
            type: 'object',
            required: ['version'],
            properties: { target: { type: 'string' }, status: { enum: ['draft', 'translated', 'approved'] }, version: { type: 'integer' } },
          }),
        },
        responses: { 200: { description: 'the segment and a word diff against MT' }, 409: { description: 'stale version; details.segment is the current one' }, 422: error },
      },
    },
    '/documents/{id}/approve': {
      post: { parameters: [id('id', 'document id')], summary: 'Approve (editors); stores the next immutable version', responses: { 201: { description: '{version}' }, 409: error } },
    },
    '/documents/{id}/reopen': {
      post: { parameters: [id('id', 'document id')], summary: 'Reopen an approved document (editors)', responses: { 200: { description: 'document' }, 409: error } },
    },
    '/documents/{id}/versions': {
      get: { parameters: [id('id', 'document id')], summary: 'Approved versions', responses: { 200: { description: '{versions}' } } },
    },
    '/documents/{id}/versions/{n}/export': {
      get: {
        parameters: [
          id('id', 'document id'),
          id('n', 'version number'),
          { name: 'format', in: 'query', schema: { enum: ['json', 'html', 'txt', 'xliff'] } },
          { name: 'download', in: 'query', schema: { enum: ['1'] }, description: 'send as an attachment' },
        ],
        summary: 'An approved version in an export format (publishers may call this)',
        responses: { 200: { description: 'the file' }, 400: error, 404: error },
      },
    },
    '/engines': { get: { summary: 'Configured engines', responses: { 200: { description: 'engines' } } } },
    '/export-formats': { get: { summary: 'Export formats', responses: { 200: { description: 'formats' } } } },
    '/me': { get: { summary: 'Who the token belongs to', responses: { 200: { description: 'principal' } } } },
  },
} as const;
