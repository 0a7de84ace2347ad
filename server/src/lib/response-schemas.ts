import { z } from 'zod';
import { apiErrorBodySchema } from '@campus/common/api-schemas';

/**
 * What every route declares besides its own answer (`response: { 200: record, ...errorResponses }`),
 * so that /api/docs is the whole contract: the error body of API.md for every 4xx and 5xx.
 * The answers are checked against their schema and sent as they are (plugins/response-serializer.ts).
 */
export const errorBody = apiErrorBodySchema.meta({ description: 'The error body of every refusal (API.md "Errors").' });

export const errorResponses = { '4xx': errorBody, '5xx': errorBody } as const;

/**
 * A route's `response` block. Typed loosely on purpose: the zod type provider would otherwise type
 * each handler's return by its schema, and handlers return rows (Date objects, columns typed by
 * drizzle) that only become the schema's JSON when written; the answer is checked as written instead
 * (plugins/response-serializer.ts).
 */
export type ResponseSchemas = Record<string, unknown>;

/** `{ <status>: schema…, 4xx/5xx: errorBody }` */
export const respond = (byStatus: Record<number, unknown>): ResponseSchemas => ({ ...byStatus, ...errorResponses });
/** `{ 200: ok, 4xx/5xx: errorBody }` */
export const answers = (ok: z.ZodType): ResponseSchemas => respond({ 200: ok });
/** `{ 201: created, 4xx/5xx: errorBody }` */
export const createdAnswers = (created: z.ZodType): ResponseSchemas => respond({ 201: created });

/** `{ ok: true }`: done, nothing else to say (sign-out, a password changed). */
export const okAnswer = z.object({ ok: z.literal(true) });

/** An instant as JSON writes it (ISO 8601, from a timestamp column). */
export const timestamp = z.string().meta({ format: 'date-time' });
/** A calendar day, YYYY-MM-DD (a date column). */
export const isoDate = z.iso.date();
export const recordId = z.number().int();

/** A file sent as it is (a download, a CSV template): no JSON schema applies to its bytes. */
export const fileAnswer = (contentType: string, description: string): ResponseSchemas =>
  respond({ 200: { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } } });
