import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers, createdAnswers, fileAnswer } from '../../lib/response-schemas.js';
import { evidenceRecord } from './evidence-record.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { evidenceSpec } from './evidence-spec.js';
import { uploadEvidence } from './upload-evidence.js';
import { removeEvidence } from './remove-evidence.js';
import { readUpload } from './read-upload.js';
import { readEvidenceFile } from './read-evidence-file.js';
import { badRequest } from '../../lib/errors.js';

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function disposition(kind: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function evidenceRoutes(app: FastifyInstance) {
  registerReadRoutes(app, evidenceSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/evidence', { onRequest: requirePermission('evidence', 'create'), schema: { tags: ['evidence'], consumes: ['multipart/form-data'], response: createdAnswers(evidenceRecord) } }, async (request, reply) => {
    const { fields, file } = await readUpload(request);
    if (!file) throw badRequest('file_missing', [{ field: 'file', code: 'file_missing' }]);
    const entityId = Number(fields.entityId);
    if (!fields.entityType) throw badRequest('entity_type_missing', [{ field: 'entityType', code: 'entity_type_missing' }]);
    if (!Number.isInteger(entityId) || entityId <= 0 || entityId > 2_147_483_647) throw badRequest('entity_id_invalid', [{ field: 'entityId', code: 'entity_id_invalid' }]);
    const row = await uploadEvidence(app.db, app.storage, request.actor, request.scope, {
      fileName: file.fileName, content: file.content, entityType: fields.entityType, entityId, description: fields.description,
    });
    reply.status(201);
    return readOne(app, evidenceSpec, row.id, request.actor, request.scope);
  });

  r.get('/api/evidence/:id/download', { onRequest: requirePermission('evidence', 'show'), schema: { params: idParams, tags: ['evidence'], response: fileAnswer('application/octet-stream', 'The file (images and PDF inline, with their own type).') } }, async (request, reply) => {
    const { row, inline, content } = await readEvidenceFile(app.db, app.storage, request.scope, request.params.id);
    reply.header('Content-Type', inline ? row.contentType : 'application/octet-stream');
    reply.header('Content-Disposition', disposition(inline ? 'inline' : 'attachment', row.fileName));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    return reply.send(content);
  });

  r.delete('/api/evidence/:id', { onRequest: requirePermission('evidence', 'delete'), schema: { params: idParams, tags: ['evidence'], response: answers(evidenceRecord) } }, async (request) => {
    const before = await readOne(app, evidenceSpec, request.params.id, request.actor, request.scope);
    const storageKey = await removeEvidence(app.db, request.actor, request.scope, request.params.id);
    await app.storage.remove(storageKey);
    return before;
  });
}
