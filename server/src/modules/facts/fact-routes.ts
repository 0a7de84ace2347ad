import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { requirePermission } from '../../plugins/auth.js';
import { answers, createdAnswers, fileAnswer } from '../../lib/response-schemas.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { notFound } from '../../lib/errors.js';
import type { FactResource } from './fact-resource.js';
import { registerImportRoute } from './import/import-route.js';
import { auditFactUpdate, auditRow, deleteFactAudited } from './fact-audit.js';

/** CRUD, bulk import and the import template of one kind of fact, all scoped and recomputing KPIs. */
export function registerFactRoutes(app: FastifyInstance, fact: FactResource) {
  const { spec } = fact;
  registerReadRoutes(app, spec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const name = spec.name;

  r.post(`/api/${name}`, { onRequest: requirePermission(name, 'create'), schema: { body: fact.createBody, tags: [name], response: createdAnswers(spec.record) } }, async (request, reply) => {
    const id = await app.db.transaction(async (tx) => {
      const values = await fact.resolve(tx, request.actor, request.scope, request.body);
      const [row] = await tx.insert(fact.table).values(values).returning({ id: fact.idColumn });
      const newId = row.id as number;
      await fact.afterWrite?.(tx, newId, request.body, values);
      await recomputeSchools(tx, [values.schoolId], todayInChina());
      await appendAudit(tx, { entityType: fact.entityType, entityId: newId, schoolId: values.schoolId, action: 'create', actorId: request.actor.id });
      return newId;
    });
    reply.status(201);
    return readOne(app, spec, id, request.actor, request.scope);
  });

  r.put(`/api/${name}/:id`, { onRequest: requirePermission(name, 'edit'), schema: { params: idParams, body: fact.updateBody, tags: [name], response: answers(spec.record) } }, async (request) => {
    await app.db.transaction(async (tx) => {
      const [current] = await tx.select().from(fact.table)
        .where(and(eq(fact.idColumn, request.params.id), schoolScopeCondition(request.scope, fact.schoolIdColumn))).for('update');
      if (!current) throw notFound(spec.noun);
      const before = await auditRow(tx, fact, request.params.id);
      const values = await fact.resolve(tx, request.actor, request.scope, request.body, current as Record<string, unknown>);
      await tx.update(fact.table).set(values).where(eq(fact.idColumn, request.params.id));
      await fact.afterWrite?.(tx, request.params.id, request.body, values);
      await recomputeSchools(tx, [values.schoolId, (current as { schoolId: number }).schoolId], todayInChina());
      await auditFactUpdate(tx, fact, request.params.id, before, request.actor.id);
    });
    return readOne(app, spec, request.params.id, request.actor, request.scope);
  });

  r.delete(`/api/${name}/:id`, { onRequest: requirePermission(name, 'delete'), schema: { params: idParams, tags: [name], response: answers(spec.record) } }, async (request) => {
    const before = await readOne(app, spec, request.params.id, request.actor, request.scope);
    await app.db.transaction(async (tx) => {
      const { schoolId } = await deleteFactAudited(tx, fact, request.scope, request.params.id, request.actor.id);
      await recomputeSchools(tx, [schoolId], todayInChina());
    });
    return before;
  });

  const csv = fact.csv;
  if (!csv) return;

  r.get(`/api/${name}/import-template`, { onRequest: requirePermission(name, 'import'), schema: { tags: [name], response: fileAnswer('text/csv', 'The CSV template: the header and an example row.') } }, async (_request, reply) => {
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${name}-template.csv"`);
    return '\ufeff' + stringifyCsv([csv.columns, csv.columns.map((c) => csv.example[c] ?? '')]);
  });

  registerImportRoute(app, fact);
}

