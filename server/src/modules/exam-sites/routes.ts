import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers, createdAnswers } from '../../lib/response-schemas.js';
import { applicationActionParams } from '../applications/application-schemas.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { examSiteSpec, examSiteScope } from './exam-site-spec.js';
import { examSiteActionBody, examSiteCreateBody, examSiteUpdateBody } from './exam-site-input.js';
import { proposeExamSite, updateExamSite } from './propose-exam-site.js';
import { runExamSiteAction } from './run-exam-site-action.js';

/**
 * Exam sites (考点): a school proposes its own school, staff a venue of their regions; the proposer edits it while
 * proposed; HQ approves, declines, suspends and reinstates (`POST /api/exam-sites/:id/actions/<action>`).
 */
export async function examSiteRoutes(app: FastifyInstance) {
  registerReadRoutes(app, examSiteSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/exam-sites', {
    onRequest: requirePermission('exam-sites', 'create'),
    schema: { body: examSiteCreateBody, tags: ['exam-sites'], response: createdAnswers(examSiteSpec.record), description: 'a school proposes its own school (regionId left out); HQ or regional staff a venue of a region (regionId; regional staff only theirs)' },
  }, async (request, reply) => {
    const id = await proposeExamSite(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, examSiteSpec, id, request.actor, request.scope);
  });
  r.put('/api/exam-sites/:id', {
    onRequest: requirePermission('exam-sites', 'edit'),
    schema: { params: idParams, body: examSiteUpdateBody, tags: ['exam-sites'], response: answers(examSiteSpec.record), description: 'its proposer, while it is proposed' },
  }, async (request) => {
    await updateExamSite(app.db, request.actor, request.params.id, examSiteScope(request.scope), request.body);
    return readOne(app, examSiteSpec, request.params.id, request.actor, request.scope);
  });
  r.post('/api/exam-sites/:id/actions/:action', {
    onRequest: requirePermission('exam-sites', 'show'),
    schema: { params: applicationActionParams, body: examSiteActionBody, tags: ['exam-sites'], response: answers(examSiteSpec.record), description: 'approve, decline (reason), suspend (reason), reinstate: HQ' },
  }, async (request) => {
    const { id, action } = request.params;
    await runExamSiteAction(app.db, request.actor, request.scope, id, action, request.body);
    return readOne(app, examSiteSpec, id, request.actor, request.scope);
  });
}
