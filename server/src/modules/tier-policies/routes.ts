import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, registerReadRoutes } from '../resource/read-routes.js';
import { tierPolicySpec } from './tier-policy-spec.js';
import { tierPolicyCreateBody, tierPolicyUpdateBody } from './tier-policy-schemas.js';
import { updateTierPolicy } from './update-tier-policy.js';
import { createTierPolicy } from './create-tier-policy.js';
import { whatIf } from '../compliance/what-if.js';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { answers, createdAnswers } from '../../lib/response-schemas.js';
import { tierPolicyRecord } from './tier-policy-record.js';
import { whatIfAnswer } from '../compliance/compliance-answers.js';

export async function tierPolicyRoutes(app: FastifyInstance) {
  registerReadRoutes(app, tierPolicySpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put('/api/tier-policies/:id', {
    onRequest: requirePermission('tier-policies', 'edit'),
    schema: { params: idParams, body: tierPolicyUpdateBody, tags: ['tier-policies'], response: answers(tierPolicyRecord) },
  }, async (request) => updateTierPolicy(app.db, request.actor, request.params.id, request.body));
  r.post('/api/tier-policies/:id/what-if', {
    onRequest: requirePermission('tier-policies', 'edit'),
    schema: { params: idParams, body: tierPolicyUpdateBody, tags: ['tier-policies'], response: answers(whatIfAnswer) },
  }, async (request) => {
    const { version: _v, comment: _c, id: _i, tier: _t, effectiveYear: _e, updatedAt: _u, updatedBy: _b, ...changes } = request.body;
    // Judged from the summaries, as every compliance read is: today's, or yesterday's while today's refresh runs.
    await ensureComplianceFresh(app.db, todayInChina(), { background: true });
    return whatIf(app.db, request.scope, request.params.id, changes, todayInChina());
  });
  r.post('/api/tier-policies', {
    onRequest: requirePermission('tier-policies', 'create'),
    schema: { body: tierPolicyCreateBody, tags: ['tier-policies'], response: createdAnswers(tierPolicyRecord) },
  }, async (request, reply) => {
    reply.status(201);
    return createTierPolicy(app.db, request.actor, request.body);
  });
}
