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
        content: json({ $ref: '#/components/schemas/Error' }),
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
      },
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
          terms: {
            type: 'array',
            description: 'glossary matches in the source (GET /documents/{id} only)',
            items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, surface: { type: 'string' }, entryId: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, ambiguous: { type: 'boolean' } } },
          },
          issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' }, description: 'QA check results (GET /documents/{id} and PATCH)' },
        },
      },
      Issue: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          segmentId: { type: 'integer' },
          check: { enum: ['terminology', 'numbers', 'untranslated'] },
          code: { type: 'string', description: 'term_missing, term_forbidden, term_ambiguous, number_missing, cyrillic_left' },
          severity: { enum: ['error', 'warning'] },
          message: { type: 'string' },
          details: { type: 'object' },
          blocking: { type: 'boolean', description: 'an error not overridden: approval is refused with 409 open_issues' },
          override: { type: ['object', 'null'], properties: { by: { type: 'string' }, reason: { type: 'string' }, at: { type: 'string' } } },
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
          usage: { type: 'object', properties: { billedCharacters: { type: 'integer' } } },
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
          remaining: { type: 'integer' },
          billedCharacters: { type: 'integer', description: 'source characters sent to engines that bill (0 for cache and memory hits)' },
          cachedSegments: { type: 'integer', description: 'segments served from the MT cache' },
          memorySegments: { type: 'integer', description: 'segments filled from approved versions (translation memory)' },
          error: { type: ['string', 'null'], description: 'why the job failed, naming the provider' },
        },
      },
      GlossaryEntry: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'made from ru when the entry is created (Валерий Герасимов → valeriy-gerasimov); kept when ru is edited' },
          ru: { type: 'string', description: 'dictionary form; matched in any inflected form' },
          en: { type: 'string', description: 'official English, American spelling' },
          enGb: { type: ['string', 'null'], description: 'British spelling, only where it differs' },
          type: { enum: ['person', 'rank', 'title', 'organisation', 'place', 'other'] },
          gender: { enum: ['male', 'female', null], description: 'persons only, required for them' },
          forbidden: { type: 'array', items: { type: 'string' }, description: 'renderings that must never appear' },
          note: { type: 'string' },
          source: { type: 'string', description: 'where the official English comes from' },
          status: { enum: ['active', 'retired'] },
          version: { type: 'integer', description: 'send back with a PATCH; a stale one gets 409 stale_version' },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
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
        responses: {
          201: { description: 'created', content: json({ $ref: '#/components/schemas/Document' }) },
          400: error,
          413: { description: 'payload_too_large, zip_too_many_entries, zip_inflated_too_large or processing_memory_exceeded; nothing was stored', content: json({ $ref: '#/components/schemas/Error' }) },
          415: error,
          422: { description: 'unusable content (empty_text, not_russian, undecodable, broken_docx, too_deeply_nested, sentence_too_long, processing_timeout …); nothing was stored', content: json({ $ref: '#/components/schemas/Error' }) },
          503: { description: 'busy: too many files wait for a worker thread; try again later', content: json({ $ref: '#/components/schemas/Error' }) },
        },
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
    '/jobs/{id}/events': {
      get: {
        parameters: [id('id', 'job id')],
        summary: 'Job progress as Server-Sent Events: one `data:` event per stored batch ({state, done, total, remaining, billedCharacters, …}); the stream ends when the job is done or failed',
        responses: { 200: { description: 'the event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 404: error },
      },
    },
    '/documents/{id}/segments/{segmentId}/compare': {
      post: {
        parameters: [id('id', 'document id'), id('segmentId', 'segment id')],
        summary: 'Every configured engine translates this segment, side by side with its glossary compliance (uses the cache; billed like any MT)',
        responses: {
          200: {
            description: 'one result per engine',
            content: json({
              type: 'object',
              properties: {
                results: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      engine: { type: 'string' },
                      label: { type: 'string' },
                      text: { type: 'string' },
                      termsOk: { type: 'boolean' },
                      missingTerms: { type: 'array', items: { type: 'string' } },
                      forbiddenTerms: { type: 'array', items: { type: 'string' } },
                      cached: { type: 'boolean' },
                      billedCharacters: { type: 'integer' },
                      error: { type: 'string', description: 'present when this engine failed' },
                    },
                  },
                },
              },
            }),
          },
          404: error,
        },
      },
    },
    '/usage': {
      get: {
        summary: 'Billed characters in a month, per engine and per document (editors)',
        parameters: [{ name: 'month', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, description: 'YYYY-MM (UTC); default: this month' }],
        responses: { 200: { description: '{month, billedCharacters, segments, engines, documents}' }, 400: error, 403: error },
      },
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
        responses: { 200: { description: 'the segment, a word diff against MT and its QA issues after the save' }, 409: { description: 'stale version; details.segment is the current one' }, 422: error },
      },
    },
    '/documents/{id}/approve': {
      post: { parameters: [id('id', 'document id')], summary: 'Approve (editors); stores the next immutable version', responses: { 201: { description: '{version}' }, 409: { description: 'unconfirmed_segments, or open_issues with details.issueIds (errors neither fixed nor overridden)' } } },
    },
    '/documents/{id}/issues': {
      get: {
        parameters: [id('id', 'document id')],
        summary: 'QA check results of every segment, in document order',
        responses: { 200: { description: '{issues, blocking}', content: json({ type: 'object', properties: { issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } }, blocking: { type: 'integer' } } }) }, 404: error },
      },
    },
    '/documents/{id}/issues/{issueId}/override': {
      post: {
        parameters: [id('id', 'document id'), id('issueId', 'issue id')],
        summary: 'Override an issue with a reason (editors); the reason is kept with the issue and in the document history',
        requestBody: { content: json({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 1000 } } }) },
        responses: { 200: { description: 'the issue', content: json({ $ref: '#/components/schemas/Issue' }) }, 400: error, 403: error, 404: error, 409: error },
      },
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
    '/engines': {
      get: {
        summary: 'Configured engines with their status (reachable, quota left) and, for editors, billed characters this month',
        responses: { 200: { description: '{default, engines: [{id, label, sendsDataToThirdParty, maxBatch, default, status, usage?}]}' } },
      },
    },
    '/export-formats': { get: { summary: 'Export formats', responses: { 200: { description: 'formats' } } } },
    '/me': { get: { summary: 'Who the token belongs to', responses: { 200: { description: 'principal' } } } },
    '/glossary': {
      get: {
        summary: 'Glossary entries (translators, editors, admins); with the glossary revision, which every change bumps',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string' }, description: 'substring of ru, en, en_gb or the note; capitals and ё/е ignored' },
          { name: 'type', in: 'query', schema: { enum: ['person', 'rank', 'title', 'organisation', 'place', 'other'] } },
          { name: 'status', in: 'query', schema: { enum: ['active', 'retired', 'all'], default: 'active' } },
        ],
        responses: { 200: { description: '{revision, entries}', content: json({ type: 'object', properties: { revision: { type: 'integer' }, entries: { type: 'array', items: { $ref: '#/components/schemas/GlossaryEntry' } } } }) }, 400: error, 403: error },
      },
      post: {
        summary: 'Add an entry (editors, admins); checked like a line of glossary/terms.tsv',
        requestBody: { content: json({ type: 'object', required: ['ru', 'en', 'type', 'source'], properties: { ru: { type: 'string' }, en: { type: 'string' }, enGb: { type: 'string' }, type: { type: 'string' }, gender: { type: 'string' }, forbidden: { oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string', description: 'separated by |' }] }, note: { type: 'string' }, source: { type: 'string' } } }) },
        responses: { 201: { description: 'the entry', content: json({ $ref: '#/components/schemas/GlossaryEntry' }) }, 409: { description: 'duplicate_term (the term is in the glossary, maybe retired) or id_taken' }, 422: { description: 'invalid_entry; details.errors lists every problem' } },
      },
    },
    '/glossary/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], summary: 'One entry with its history (newest first: action, before, after, by, detail, revision)', responses: { 200: { description: 'entry and history' }, 404: error } },
      patch: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        summary: 'Change fields, or retire/restore with {status, reason?} (editors, admins)',
        requestBody: { content: json({ type: 'object', required: ['version'], properties: { version: { type: 'integer' }, status: { enum: ['active', 'retired'] }, reason: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' }, enGb: { type: ['string', 'null'] }, type: { type: 'string' }, gender: { type: ['string', 'null'] }, forbidden: {}, note: { type: 'string' }, source: { type: 'string' } } }) },
        responses: { 200: { description: 'the entry', content: json({ $ref: '#/components/schemas/GlossaryEntry' }) }, 409: { description: 'stale_version (details.entry is the current one), duplicate_term, already_retired, already_active' }, 422: error },
      },
    },
    '/glossary/match': {
      post: {
        summary: 'Every glossary term in a text, in any inflected form (translators, editors, admins); ambiguous matches (a lone surname that may be a woman\'s) are flagged for the reviewer',
        requestBody: { content: json({ type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 200000 } } }) },
        responses: {
          200: {
            description: 'matches left to right, non-overlapping; start and end are UTF-16 offsets into text, end exclusive',
            content: json({
              type: 'object',
              properties: {
                matches: {
                  type: 'array',
                  items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, surface: { type: 'string' }, entryId: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, ambiguous: { type: 'boolean' } } },
                },
              },
            }),
          },
          400: error,
          403: error,
          413: error,
        },
      },
    },
    '/glossary/import': {
      post: {
        summary: 'Import TBX-Basic, CSV or TSV (editors, admins): all or nothing; merge adds and updates, replace also retires entries not in the file',
        requestBody: {
          content: {
            'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, format: { enum: ['tbx', 'csv', 'tsv'], description: 'default: from the file name' }, mode: { enum: ['merge', 'replace'], default: 'merge' } } } },
            ...json({ type: 'object', required: ['content'], properties: { content: { type: 'string' }, fileName: { type: 'string' }, format: { enum: ['tbx', 'csv', 'tsv'] }, mode: { enum: ['merge', 'replace'] } } }),
          },
        },
        responses: {
          200: { description: '{format, created, updated, restored, retired, unchanged, revision}' },
          400: error,
          413: { description: 'payload_too_large or processing_memory_exceeded; nothing was imported', content: json({ $ref: '#/components/schemas/Error' }) },
          422: { description: 'invalid_glossary: details.errors is [{line, where?, message}] for every problem; processing_timeout; nothing was imported' },
          503: { description: 'busy: too many files wait for a worker thread; try again later', content: json({ $ref: '#/components/schemas/Error' }) },
        },
      },
    },
    '/glossary/export': {
      get: {
        summary: 'The active glossary as a file: tbx, csv, tsv (all columns), deepl (TSV pairs) or google (unidirectional CSV) in the configured spelling',
        parameters: [
          { name: 'format', in: 'query', schema: { enum: ['tbx', 'csv', 'tsv', 'deepl', 'google'], default: 'tbx' } },
          { name: 'download', in: 'query', schema: { enum: ['1'] }, description: 'send as an attachment' },
        ],
        responses: { 200: { description: 'the file' }, 400: error },
      },
    },
  },
} as const;
