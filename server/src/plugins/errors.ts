import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ErrorCode } from '../lib/errors.js';

interface PgError { code?: string; detail?: string; constraint?: string; constraint_name?: string; column?: string; column_name?: string; message?: string }

const pgMessages: Record<string, [number, ErrorCode, string]> = {
  '23505': [409, ErrorCode.conflict, 'A record with the same unique value already exists.'],
  '23503': [409, ErrorCode.conflict, 'The record refers to something that does not exist, or is still referred to by other records.'],
  '23514': [400, ErrorCode.validation, 'A value breaks a rule of the record'],
  '23502': [400, ErrorCode.validation, 'A required value is missing'],
  '22P02': [400, ErrorCode.validation, 'A value has the wrong format.'],
  '22003': [400, ErrorCode.validation, 'A number is out of range.'],
  '22007': [400, ErrorCode.validation, 'A date or time has the wrong format.'],
  '22008': [400, ErrorCode.validation, 'A date or time is out of range.'],
  '22001': [400, ErrorCode.validation, 'A text value is too long.'],
  '22021': [400, ErrorCode.validation, 'Text contains a character that is not allowed.'],
  '40001': [409, ErrorCode.conflict, 'Someone else changed this at the same time; reload and try again.'],
  '40P01': [409, ErrorCode.conflict, 'Someone else changed this at the same time; reload and try again.'],
  '53100': [507, ErrorCode.insufficientStorage, 'The database has no storage space left, so nothing was saved; try again later and tell the administrator.'],
};

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

function pgErrorOf(error: unknown): PgError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as PgError).code;
    if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || unavailableCodes.has(code))) return e as PgError;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps everything to the error body of API.md; never leaks a stack trace or SQL to the client. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, code: string, message: string, details?: unknown) =>
      reply.status(status).send(details === undefined ? { error: code, message } : { error: code, message, details });

    if (error instanceof AppError) return send(error.statusCode, error.code, error.message, error.details);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        field: [error.validationContext, ...(v.instancePath || '').split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      const first = details[0];
      return send(400, ErrorCode.validation, first ? `${first.field}: ${first.message}` : 'The request is not valid.', details);
    }
    if (error.validation) {
      return send(400, ErrorCode.validation, `The request is not valid: ${error.message}`);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, ErrorCode.tooLarge, 'The request body is too large.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, ErrorCode.unsupportedMediaType, 'This content type is not accepted here; send JSON.');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, ErrorCode.badRequest, 'The JSON body is empty.');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, ErrorCode.badRequest, 'The body is not valid JSON.');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(400, ErrorCode.badRequest, 'The Content-Length header does not match the body.');
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(413, ErrorCode.tooLarge, 'The file is too large.');
      case 'ENOSPC':
      case 'EDQUOT':
        request.log.error({ err: error }, 'storage full');
        return send(507, ErrorCode.insufficientStorage, 'The server has no storage space left, so nothing was saved; try again later and tell the administrator.');
    }
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return send(400, ErrorCode.badRequest, 'The body is not valid JSON.');
    }
    const pg = pgErrorOf(error);
    if (pg?.code && unavailableCodes.has(pg.code)) {
      request.log.error({ err: error }, 'database unavailable');
      return send(503, ErrorCode.unavailable, 'The database is not reachable right now; try again in a moment.');
    }
    if (pg?.code && pgMessages[pg.code]) {
      const [status, code, message] = pgMessages[pg.code];
      const constraint = pg.constraint ?? pg.constraint_name;
      const column = pg.column ?? pg.column_name;
      request.log.info({ pgCode: pg.code, constraint }, 'database refused a write');
      const suffix = constraint ? ` (${constraint})` : column ? ` (${column})` : '';
      return send(status, code, status === 400 && !message.endsWith('.') ? `${message}${suffix}.` : `${message}${suffix ? ` ${suffix.trim()}` : ''}`, constraint ? { constraint } : undefined);
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, error.statusCode === 429 ? ErrorCode.tooManyRequests : ErrorCode.badRequest, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, ErrorCode.internal, 'Something went wrong on our side; it has been logged.');
  });

}
