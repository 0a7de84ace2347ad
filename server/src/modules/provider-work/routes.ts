import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, sql } from 'drizzle-orm';
import { contentProposals, feedback, practiceRecords, providerAssignments, providerReports } from '../../db/schema/index.js';
import { requirePermission } from '../../plugins/auth.js';
import { createdAnswers } from '../../lib/response-schemas.js';
import { contentProposalRecord, feedbackRecord, providerReportRecord } from './provider-work-records.js';
import { readOne, registerReadRoutes } from '../resource/read-routes.js';
import { registerSimpleActionRoute } from '../workflow/simple-action-route.js';
import { contentProposalTransitions, feedbackTransitions, providerReportTransitions } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { badRequest, forbidden } from '../../lib/errors.js';
import { providerReportScope, providerReportSpec } from './provider-report-spec.js';
import { createProviderReport, providerReportBody } from './create-provider-report.js';
import { contentProposalBody, contentProposalScope, contentProposalSpec } from './content-proposal-spec.js';
import { feedbackBody, feedbackSpec } from './feedback-spec.js';
import { providerSpec } from './provider-spec.js';

export async function providerWorkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerReadRoutes(app, providerSpec);

  // Practice-project reports
  registerReadRoutes(app, providerReportSpec);
  r.post('/api/provider-reports', { onRequest: requirePermission('provider-reports', 'create'), schema: { body: providerReportBody, tags: ['provider-reports'], response: createdAnswers(providerReportRecord) } }, async (request, reply) => {
    const row = await createProviderReport(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, providerReportSpec, row.id, request.actor, request.scope);
  });
  registerSimpleActionRoute(app, {
    spec: providerReportSpec, table: providerReports, entityType: 'provider_report', transitions: providerReportTransitions as never,
    columns: { id: providerReports.id, status: providerReports.status, version: providerReports.version, schoolId: providerReports.schoolId },
    scope: providerReportScope, audience: { notify_provider: ['provider'] },
    apply: async (tx, row, action, input) => {
      // Confirming a report makes its hours count: its practice records are confirmed and the KPIs follow.
      if (action === 'confirm') {
        await tx.update(practiceRecords).set({ confirmed: true, confirmedAt: sql`now()` }).where(eq(practiceRecords.providerReportId, row.id as number));
        await recomputeSchools(tx, [row.schoolId as number], todayInChina());
      }
      return { reviewComment: input.comment ?? null, updatedAt: sql`now()` };
    },
  });

  // Training-content proposals
  registerReadRoutes(app, contentProposalSpec);
  r.post('/api/content-proposals', { onRequest: requirePermission('content-proposals', 'create'), schema: { body: contentProposalBody, tags: ['content-proposals'], response: createdAnswers(contentProposalRecord) } }, async (request, reply) => {
    const { actor } = request;
    if (actor.role !== 'provider' || !actor.providerId) throw forbidden('Only a service provider proposes content.');
    const row = await app.db.transaction(async (tx) => {
      if (request.body.schoolId) {
        const [assigned] = await tx.select().from(providerAssignments).where(and(eq(providerAssignments.providerId, actor.providerId!), eq(providerAssignments.schoolId, request.body.schoolId)));
        if (!assigned) throw badRequest('schoolId: that school is not assigned to you.', [{ field: 'schoolId', message: 'not assigned' }]);
      }
      const [created] = await tx.insert(contentProposals).values({ ...request.body, providerId: actor.providerId! }).returning();
      await appendAudit(tx, { entityType: 'content_proposal', entityId: created.id, schoolId: created.schoolId, action: 'propose', toState: 'pending', actorId: actor.id });
      return created;
    });
    reply.status(201);
    return readOne(app, contentProposalSpec, row.id, request.actor, request.scope);
  });
  registerSimpleActionRoute(app, {
    spec: contentProposalSpec, table: contentProposals, entityType: 'content_proposal', transitions: contentProposalTransitions as never,
    columns: { id: contentProposals.id, status: contentProposals.status, version: contentProposals.version, schoolId: contentProposals.schoolId },
    scope: contentProposalScope, audience: { notify_provider: ['provider'] },
    apply: async (_tx, _row, _action, input, actor) => ({ decisionReason: input.comment ?? null, decidedBy: actor.id, decidedAt: sql`now()` }),
  });

  // Feedback about providers
  registerReadRoutes(app, feedbackSpec);
  r.post('/api/feedback', { onRequest: requirePermission('feedback', 'create'), schema: { body: feedbackBody, tags: ['feedback'], response: createdAnswers(feedbackRecord) } }, async (request, reply) => {
    const { actor } = request;
    if (actor.role !== 'school' || !actor.schoolId) throw forbidden('Only a school files feedback about its provider.');
    const row = await app.db.transaction(async (tx) => {
      const [assigned] = await tx.select().from(providerAssignments).where(and(eq(providerAssignments.providerId, request.body.providerId), eq(providerAssignments.schoolId, actor.schoolId!)));
      if (!assigned) throw badRequest('providerId: that provider does not serve your school.', [{ field: 'providerId', message: 'not your provider' }]);
      const [created] = await tx.insert(feedback).values({ ...request.body, schoolId: actor.schoolId!, createdBy: actor.id }).returning();
      await appendAudit(tx, { entityType: 'feedback', entityId: created.id, schoolId: created.schoolId, action: 'file', toState: 'open', actorId: actor.id });
      await notify(tx, { audience: ['hq'], schoolId: created.schoolId, kind: 'feedback.file', entityType: 'feedback', entityId: created.id, params: { subject: created.subject } });
      return created;
    });
    reply.status(201);
    return readOne(app, feedbackSpec, row.id, request.actor, request.scope);
  });
  registerSimpleActionRoute(app, {
    spec: feedbackSpec, table: feedback, entityType: 'feedback', transitions: feedbackTransitions as never,
    columns: { id: feedback.id, status: feedback.status, version: feedback.version, schoolId: feedback.schoolId },
    scope: (scope) => schoolScopeCondition(scope, feedback.schoolId), audience: { notify_school: ['school'] },
    apply: async (_tx, _row, action, input, actor) => (action === 'reply' ? { reply: input.reply!.trim(), repliedBy: actor.id, repliedAt: sql`now()` } : {}),
  });
}
