import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { requirePermission } from '../../plugins/auth.js';
import { answers, createdAnswers, fileAnswer } from '../../lib/response-schemas.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import type { FactResource } from './fact-resource.js';
import { registerImport } from '../import/index.js';
import { factImport } from './import/fact-import.js';
import { createFact } from './create-fact.js';
import { updateFact } from './update-fact.js';
import { deleteFact } from './delete-fact.js';

/** CRUD, bulk import and the import template of one kind of fact, all scoped and recomputing KPIs. */
export function registerFactRoutes(app: FastifyInstance, fact: FactResource) {
  const { spec } = fact;
  registerReadRoutes(app, spec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const name = spec.name;

  r.post(`/api/${name}`, { onRequest: requirePermission(name, 'create'), schema: { body: fact.createBody, tags: [name], response: createdAnswers(spec.record) } }, async (request, reply) => {
    const id = await createFact(app.db, fact, request.actor, request.scope, request.body);
    reply.status(201);
    return readOne(app, spec, id, request.actor, request.scope);
  });

  r.put(`/api/${name}/:id`, { onRequest: requirePermission(name, 'edit'), schema: { params: idParams, body: fact.updateBody, tags: [name], response: answers(spec.record) } }, async (request) => {
    await updateFact(app.db, fact, request.actor, request.scope, request.params.id, request.body);
    return readOne(app, spec, request.params.id, request.actor, request.scope);
  });

  r.delete(`/api/${name}/:id`, { onRequest: requirePermission(name, 'delete'), schema: { params: idParams, tags: [name], response: answers(spec.record) } }, async (request) => {
    const before = await readOne(app, spec, request.params.id, request.actor, request.scope);
    await deleteFact(app.db, fact, request.actor, request.scope, request.params.id);
    return before;
  });

  const csv = fact.csv;
  if (!csv) return;

  r.get(`/api/${name}/import-template`, { onRequest: requirePermission(name, 'import'), schema: { tags: [name], response: fileAnswer('text/csv', 'The CSV template: the header and an example row.') } }, async (_request, reply) => {
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${name}-template.csv"`);
    return '\ufeff' + stringifyCsv([csv.columns.map((c) => c.key), csv.columns.map((c) => c.example ?? '')]);
  });

  registerImport(app, factImport(fact));
}

