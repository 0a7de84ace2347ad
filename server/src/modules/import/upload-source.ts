import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, badRequest } from '../../lib/errors.js';
import { csvRecords, tooLarge } from './csv-records.js';
import { declaredEncoding } from './upload-text.js';
import { numberedCsv, type SourceRecord } from './records.js';
import { xlsxRecords } from './xlsx-records.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;

const CSV_TYPES = ['text/csv', 'application/csv'];

/**
 * Import bodies reach the import routes as the request's stream, unread: the route reads them
 * piece by piece and stops at its limits (Fastify's own parsers would first read the whole body).
 * Registered once per plugin context that has import routes (a parent's parsers are inherited).
 */
export function acceptImportStreams(app: FastifyInstance) {
  for (const type of [...CSV_TYPES, XLSX_TYPE]) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }
}

/**
 * What is left of an upload once the answer is decided: read and thrown away (up to the size
 * limit, so the connection can carry the next request), or the connection closed beyond it.
 */
export function discardRest(body: unknown, allowance = IMPORT_BODY_LIMIT) {
  if (!(body instanceof Readable) || body.readableEnded || body.destroyed) return;
  let seen = 0;
  body.on('error', () => {});
  body.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > allowance) body.destroy();
  });
  body.resume();
}

/** The whole body, never more than `maxBytes` (a 413 beyond); an interrupted upload is a 400. */
async function readWhole(body: Readable, maxBytes: number, slice: () => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
      await slice();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badRequest('import_incomplete', [{ row: 0, field: 'file', code: 'incomplete_upload' }]);
  }
  return Buffer.concat(chunks);
}

/**
 * The records of an import's body by its Content-Type: CSV (UTF-8 with or without BOM, GBK) read as
 * it arrives, or an .xlsx workbook's first worksheet. Anything else is a 415; a declared length over
 * the limit a 413 before any of it is read.
 */
export function uploadRecords(request: FastifyRequest, reply: FastifyReply, slice: () => Promise<void>, maxBytes = IMPORT_BODY_LIMIT): AsyncIterable<SourceRecord> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const xlsx = type === XLSX_TYPE;
  if (!xlsx && !CSV_TYPES.includes(type)) throw new AppError(415, ErrorCode.unsupportedMediaType, 'import_content_type');
  const body = request.body;
  if (!(body instanceof Readable)) throw badRequest('file_empty', [{ row: 0, field: 'file', code: 'file_empty' }]);
  const declaredLength = Number(request.headers['content-length'] ?? 0);
  if (declaredLength > maxBytes) {
    reply.header('connection', 'close');
    throw tooLarge(maxBytes);
  }
  if (xlsx) {
    return (async function* () {
      const bytes = await readWhole(body, maxBytes, slice);
      if (!bytes.length) throw badRequest('file_empty', [{ row: 0, field: 'file', code: 'file_empty' }]);
      yield* xlsxRecords(bytes, slice);
    })();
  }
  return numberedCsv(csvRecords(body, { maxBytes, encoding: declaredEncoding(request.headers['content-type']), slice }));
}
