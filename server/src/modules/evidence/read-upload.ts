import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../lib/errors.js';

export interface Upload {
  /** The form's text fields, in an object without a prototype (a field may be named "__proto__"). */
  fields: Record<string, string>;
  file?: { fileName: string; content: Buffer };
}

/**
 * Reads a multipart/form-data upload of one file and a few text fields. A body the parser cannot
 * read (cut off, no boundary, a boundary it does not use) is the client's error: 400 with a message.
 * Errors that carry their own status (the size and count limits: 413) or a system code pass through.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest('multipart_required');
  const fields: Record<string, string> = Object.create(null);
  let file: Upload['file'];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file) throw badRequest('one_file_per_request');
        file = { fileName: part.filename || 'file', content: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value.slice(0, 2000);
      }
    }
  } catch (e) {
    const err = e as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (typeof err.statusCode === 'number' || typeof err.code === 'string') throw e;
    const reason = typeof err.message === 'string' ? err.message.slice(0, 200) : 'unreadable';
    throw badRequest({ code: 'multipart_unreadable', params: { reason } }, [{ field: 'body', code: 'multipart_unreadable', params: { reason } }]);
  }
  return { fields, file };
}

/**
 * Reads a multipart/form-data body of text fields and up to `maxFiles` files (an agreement step
 * with its photos or its signed agreement). More files than that: 400 too_many_files.
 */
export async function readUploads(request: FastifyRequest, maxFiles: number): Promise<{ fields: Record<string, string>; files: NonNullable<Upload['file']>[] }> {
  if (!request.isMultipart()) throw badRequest('multipart_required');
  const fields: Record<string, string> = Object.create(null);
  const files: NonNullable<Upload['file']>[] = [];
  try {
    for await (const part of request.parts({ limits: { files: maxFiles + 1, parts: maxFiles + 12, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        if (files.length >= maxFiles) throw badRequest({ code: 'too_many_files', params: { maximum: maxFiles } }, [{ field: 'file', code: 'too_many_files', params: { maximum: maxFiles } }]);
        files.push({ fileName: part.filename || 'file', content: await part.toBuffer() });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value.slice(0, 5000);
      }
    }
  } catch (e) {
    const err = e as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (typeof err.statusCode === 'number' || typeof err.code === 'string') throw e;
    const reason = typeof err.message === 'string' ? err.message.slice(0, 200) : 'unreadable';
    throw badRequest({ code: 'multipart_unreadable', params: { reason } }, [{ field: 'body', code: 'multipart_unreadable', params: { reason } }]);
  }
  return { fields, files };
}
