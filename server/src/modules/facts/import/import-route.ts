import type { FastifyInstance, FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { requirePermission } from '../../../plugins/auth.js';
import { answers } from '../../../lib/response-schemas.js';
import { importAnswer } from '../fact-records.js';
import { AppError, ErrorCode, badRequest } from '../../../lib/errors.js';
import type { FactResource } from '../fact-resource.js';
import { csvRecords, tooLarge } from './csv-records.js';
import { declaredEncoding } from './upload-text.js';
import { readImportRows } from './import-rows.js';
import { writeImport } from './write-import.js';
import { timeSlicer } from './time-slice.js';

export const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;

/**
 * CSV bodies reach the import routes as the request's stream, unread: the route reads them piece
 * by piece and stops at its limits (Fastify's own parsers would first read the whole body).
 */
export function acceptCsvStreams(app: FastifyInstance) {
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));
}

/**
 * What is left of an upload once the answer is decided: read and thrown away (up to the size
 * limit, so the connection can carry the next request), or the connection closed beyond it.
 */
function discardRest(body: Readable, allowance: number) {
  if (body.readableEnded || body.destroyed) return;
  let seen = 0;
  body.on('error', () => {});
  body.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > allowance) body.destroy();
  });
  body.resume();
}

/** POST /api/<name>/import: a CSV file (UTF-8 or GBK) creating every row or none. */
export function registerImportRoute(app: FastifyInstance, fact: FactResource) {
  const name = fact.spec.name;
  app.post(`/api/${name}/import`, { onRequest: requirePermission(name, 'import'), schema: { tags: [name], consumes: ['text/csv'], response: answers(importAnswer) } }, async (request, reply: FastifyReply) => {
    const body = request.body;
    if (!/^(text|application)\/csv\b/i.test(request.headers['content-type'] ?? '')) throw new AppError(415, ErrorCode.unsupportedMediaType, 'csv_content_type');
    if (!(body instanceof Readable)) throw badRequest('file_empty', [{ row: 0, field: 'file', code: 'file_empty' }]);
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > IMPORT_BODY_LIMIT) {
      reply.header('connection', 'close');
      throw tooLarge(IMPORT_BODY_LIMIT);
    }
    const slice = timeSlicer();
    try {
      const records = csvRecords(body, { maxBytes: IMPORT_BODY_LIMIT, encoding: declaredEncoding(request.headers['content-type']), slice });
      const rows = await readImportRows(records, fact.csv!, fact.csv!.body ?? fact.createBody, IMPORT_MAX_ROWS, slice);
      return { created: await writeImport(app, fact, request.actor, request.scope, rows, slice) };
    } finally {
      discardRest(body, IMPORT_BODY_LIMIT);
    }
  });
}
