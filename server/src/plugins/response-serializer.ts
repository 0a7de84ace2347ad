import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Answers are checked against the route's response schema (the contract /api/docs shows) as the
 * client will read them, that is after JSON.stringify (dates as ISO text), and then sent exactly as
 * they were: nothing is stripped, renamed or reordered, and an answer with more fields than its
 * schema names is still sent whole. An answer that breaks its schema (a field missing or of another
 * type) is a server error, not a silent change of the contract. Strings (records stored as JSON
 * text, CSV) and streams are never serialized, so never checked.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const zod = schema as Partial<z.ZodType>;
  if (typeof zod?.safeParse !== 'function') return (data) => JSON.stringify(data);
  return (data) => {
    const text = JSON.stringify(data);
    const checked = zod.safeParse!(text === undefined ? undefined : JSON.parse(text));
    if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
    return text;
  };
};
