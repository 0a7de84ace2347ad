import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ProblemCode, Reason } from '@campus/common';
import { AppError, ErrorCode, type ErrorDetail } from '../lib/errors.js';
import { languageOf } from '../lib/language.js';
import { reasonOfIssue } from '../lib/zod-problems.js';

interface PgError { code?: string; detail?: string; constraint?: string; constraint_name?: string; column?: string; column_name?: string; message?: string }

const pgProblems: Record<string, [number, ErrorCode, ProblemCode]> = {
  '23505': [409, ErrorCode.conflict, 'duplicate'],
  '23503': [409, ErrorCode.conflict, 'reference_missing'],
  '23514': [400, ErrorCode.validation, 'rule_broken'],
  '23502': [400, ErrorCode.validation, 'value_missing'],
  '22P02': [400, ErrorCode.validation, 'wrong_format'],
  '22003': [400, ErrorCode.validation, 'number_out_of_range'],
  '22007': [400, ErrorCode.validation, 'date_wrong_format'],
  '22008': [400, ErrorCode.validation, 'date_time_out_of_range'],
  '22001': [400, ErrorCode.validation, 'text_too_long'],
  '22021': [400, ErrorCode.validation, 'text_bad_character'],
  '40001': [409, ErrorCode.conflict, 'concurrent_change'],
  '40P01': [409, ErrorCode.conflict, 'concurrent_change'],
  '53100': [507, ErrorCode.insufficientStorage, 'database_full'],
};

/**
 * The database is unavailable, not the request wrong: socket codes of the driver (postgres.js names
 * its own), SQLSTATE class 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot
 * connect now), 53300 (too many connections) and 55000 (the server refuses work while it shuts down).
 */
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  '57P01', '57P02', '57P03', '53300', '55000',
]);
const isUnavailable = (code: string) => unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code);
/** Seconds a client is asked to wait before trying again while the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

function pgErrorOf(error: unknown): PgError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as PgError).code;
    if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || isUnavailable(code))) return e as PgError;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The input a validation context names (body, querystring, params, headers), for telling a missing value. */
function inputOf(request: FastifyRequest, context: string | undefined): unknown {
  switch (context) {
    case 'body': return request.body;
    case 'querystring': return request.query;
    case 'params': return request.params;
    case 'headers': return request.headers;
    default: return undefined;
  }
}

/** The database's refusal with the constraint (or column) it names, kept out of the words' punctuation. */
function withConstraint(message: string, name: string | undefined) {
  if (!name) return message;
  const end = /[.。]$/.exec(message)?.[0] ?? '';
  return `${message.slice(0, message.length - end.length)} (${name})${end}`;
}

/**
 * Maps everything to the error body of API.md, `{ error, code, params, message, details? }`, in the
 * request's language (lib/language.ts); never leaks a stack trace or SQL to the client.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = languageOf(request);
    const answer = (e: AppError, body = e.bodyIn(locale)) =>
      reply.status(e.statusCode).header('content-language', locale === 'zh' ? 'zh-CN' : 'en').send(body);
    const send = (status: number, code: ErrorCode, problem: ProblemCode | Reason, details?: ErrorDetail[] | Record<string, unknown>) =>
      answer(new AppError(status, code, problem, details));

    if (error instanceof AppError) return answer(error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const input = inputOf(request, error.validationContext);
      const details = error.validation.map((v) => {
        const path = (v.instancePath || '').split('/').filter(Boolean);
        return {
          field: [error.validationContext, ...path].join('.'),
          ...reasonOfIssue({ ...v.params, code: v.keyword, path }, input),
        };
      });
      return answer(new AppError(400, ErrorCode.validation, details.length ? undefined : 'invalid_value', details, 'first'));
    }
    if (error.validation) {
      return send(400, ErrorCode.validation, { code: 'request_invalid', params: { detail: error.message } });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, ErrorCode.tooLarge, 'body_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, ErrorCode.unsupportedMediaType, 'unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, ErrorCode.badRequest, 'json_empty');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, ErrorCode.badRequest, 'json_invalid');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(400, ErrorCode.badRequest, 'content_length_mismatch');
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(413, ErrorCode.tooLarge, 'file_too_large');
      case 'ENOSPC':
      case 'EDQUOT':
        request.log.error({ err: error }, 'storage full');
        return send(507, ErrorCode.insufficientStorage, 'storage_full');
    }
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return send(400, ErrorCode.badRequest, 'json_invalid');
    }
    const pg = pgErrorOf(error);
    if (pg?.code && isUnavailable(pg.code)) {
      request.log.error({ pgCode: pg.code }, 'database unavailable');
      reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return send(503, ErrorCode.unavailable, 'database_unavailable');
    }
    if (pg?.code && pgProblems[pg.code]) {
      const [status, code, problem] = pgProblems[pg.code];
      const constraint = pg.constraint ?? pg.constraint_name;
      const column = pg.column ?? pg.column_name;
      request.log.info({ pgCode: pg.code, constraint }, 'database refused a write');
      const refusal = new AppError(status, code, { code: problem, params: constraint ? { constraint } : column ? { column } : {} }, constraint ? { constraint } : undefined);
      const body = refusal.bodyIn(locale);
      return answer(refusal, { ...body, message: withConstraint(body.message, constraint ?? column) });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      if (error.statusCode === 429) return send(429, ErrorCode.tooManyRequests, 'too_many_requests');
      return send(error.statusCode, ErrorCode.badRequest, { code: 'request_refused', params: { detail: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, ErrorCode.internal, 'internal_error');
  });

}
