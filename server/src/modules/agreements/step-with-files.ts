import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { badRequest, invalid } from '../../lib/errors.js';
import { reasonOfIssue } from '../../lib/zod-problems.js';
import { applicationActionParams } from '../applications/application-schemas.js';
import { readOne } from '../resource/read-routes.js';
import { readUploads } from '../evidence/read-upload.js';
import { checkedFile, recordEvidence } from '../evidence/upload-evidence.js';
import type { StoredFile } from '../storage/evidence-storage.js';
import { agreementActionBody } from './agreement-schemas.js';
import { agreementRecord } from './agreement-record.js';
import { agreementSpec } from './agreement-spec.js';
import { runAgreementAction } from './run-agreement-action.js';

/** The steps that take files, and what each file is (its description). */
const stepFiles: Record<string, { description: string }> = {
  sign: { description: 'signed_agreement' },
  hold_plaque_ceremony: { description: 'plaque_photo' },
};
const MAX_FILES = 10;

/**
 * POST /api/agreements/:id/actions/:action/with-files (multipart/form-data): a signing with the
 * signed agreement, a plaque ceremony with its photos. The fields are the action's JSON body
 * (`version`, `on`, `place`, `comment`), the files are parts named `file`. The files are checked
 * (type by content) before anything else, put in storage, and recorded on the agreement in the
 * step's own transaction: a step refused (stale version, missing place, wrong state…) records no
 * file and the stored content is removed again, so a photo exists only once its ceremony does.
 */
export function registerStepWithFiles(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post('/api/agreements/:id/actions/:action/with-files', {
    onRequest: requirePermission('agreements', 'show'),
    schema: { params: applicationActionParams, tags: ['agreements'], consumes: ['multipart/form-data'], response: answers(agreementRecord) },
  }, async (request) => {
    const { id, action } = request.params;
    const { fields, files } = await readUploads(request, MAX_FILES);
    const kind = Object.hasOwn(stepFiles, action) ? stepFiles[action] : undefined;
    if (!kind) {
      const reason = { code: 'files_not_for_action', params: { action, allowed: Object.keys(stepFiles) } } as const;
      throw badRequest(reason, [{ field: 'file', ...reason }]);
    }
    const raw: Record<string, unknown> = { version: fields.version === undefined ? undefined : Number(fields.version) };
    for (const key of ['on', 'place', 'comment'] as const) if (fields[key] !== undefined) raw[key] = fields[key];
    const parsed = agreementActionBody.safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), ...reasonOfIssue(issue, raw) })));
    const checked = files.map((f) => ({ ...checkedFile(f), content: f.content }));
    const description = typeof fields.description === 'string' && fields.description.trim() ? fields.description.trim() : kind.description;
    const stored: StoredFile[] = [];
    try {
      for (const f of checked) stored.push(await app.storage.put(f.content));
      await runAgreementAction(app.db, request.actor, request.scope, id, action, parsed.data, async (tx, row) => {
        const ids: number[] = [];
        for (const [i, f] of checked.entries()) {
          const rec = await recordEvidence(tx, request.actor, { schoolId: row.schoolId, entityType: 'agreement', entityId: id }, { fileName: f.fileName, contentType: f.contentType, stored: stored[i], description });
          ids.push(rec.id);
        }
        return ids;
      });
    } catch (e) {
      await app.storage.removeAll(stored.map((s) => s.key));
      throw e;
    }
    return readOne(app, agreementSpec, id, request.actor, request.scope);
  });
}
