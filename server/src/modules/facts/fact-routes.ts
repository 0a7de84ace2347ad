import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { todayInChina } from '../../domain/calendar/agreement-year.js';
import { AppError, badRequest, ErrorCode, notFound } from '../../lib/errors.js';
import type { FactResource, ImportProblem } from './fact-resource.js';
import { auditFactUpdate, auditRow, deleteFactAudited } from './fact-audit.js';

export const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
const MAX_REPORTED_PROBLEMS = 1000;
const CHUNK = 1000;

/** CRUD, bulk import and the import template of one kind of fact, all scoped and recomputing KPIs. */
export function registerFactRoutes(app: FastifyInstance, fact: FactResource) {
  const { spec } = fact;
  registerReadRoutes(app, spec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const name = spec.name;

  r.post(`/api/${name}`, { onRequest: requirePermission(name, 'create'), schema: { body: fact.createBody, tags: [name] } }, async (request, reply) => {
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

  r.put(`/api/${name}/:id`, { onRequest: requirePermission(name, 'edit'), schema: { params: idParams, body: fact.updateBody, tags: [name] } }, async (request) => {
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

  r.delete(`/api/${name}/:id`, { onRequest: requirePermission(name, 'delete'), schema: { params: idParams, tags: [name] } }, async (request) => {
    const before = await readOne(app, spec, request.params.id, request.actor, request.scope);
    await app.db.transaction(async (tx) => {
      const { schoolId } = await deleteFactAudited(tx, fact, request.scope, request.params.id, request.actor.id);
      await recomputeSchools(tx, [schoolId], todayInChina());
    });
    return before;
  });

  const csv = fact.csv;
  if (!csv) return;

  r.get(`/api/${name}/import-template`, { onRequest: requirePermission(name, 'import'), schema: { tags: [name] } }, async (_request, reply) => {
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${name}-template.csv"`);
    return '\ufeff' + stringifyCsv([csv.columns, csv.columns.map((c) => csv.example[c] ?? '')]);
  });

  r.post(`/api/${name}/import`, { onRequest: requirePermission(name, 'import'), bodyLimit: IMPORT_BODY_LIMIT, schema: { tags: [name], consumes: ['text/csv'] } }, async (request) => {
    if (typeof request.body !== 'string') throw new AppError(415, ErrorCode.unsupportedMediaType, 'Send the CSV file as the body, with Content-Type: text/csv.');
    let records: Record<string, string>[];
    try {
      records = parseCsv(request.body, { columns: (header: string[]) => header.map((h) => h.trim()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: false, max_record_size: 100_000 });
    } catch (e) {
      throw badRequest(`The file is not valid CSV: ${(e as Error).message.slice(0, 200)}`, [{ row: 0, field: 'file', message: 'not valid CSV' }]);
    }
    if (!records.length) throw badRequest('The file has no rows under its header.', [{ row: 0, field: 'file', message: 'empty' }]);
    if (records.length > IMPORT_MAX_ROWS) throw badRequest(`Import at most ${IMPORT_MAX_ROWS} rows at once; split the file.`, [{ row: 0, field: 'file', message: 'too many rows' }]);
    const header = Object.keys(records[0]);
    const missing = csv.required.filter((c) => !header.includes(c));
    const unknown = header.filter((h) => !csv.columns.includes(h));
    if (unknown.length) throw badRequest(`Unknown column(s): ${unknown.join(', ')}. The columns are: ${csv.columns.join(', ')}.`, unknown.map((u) => ({ row: 1, field: u, message: 'unknown column' })));
    if (missing.length) throw badRequest(`Missing column(s): ${missing.join(', ')}.`, missing.map((m) => ({ row: 1, field: m, message: 'missing column' })));

    const problems: ImportProblem[] = [];
    const parsed: { line: number; input: unknown }[] = [];
    records.forEach((record, i) => {
      const line = i + 2; // line 1 is the header
      const result = (csv.body ?? fact.createBody).safeParse(csv.parse(record));
      if (result.success) parsed.push({ line, input: result.data });
      else for (const issue of result.error.issues) problems.push({ row: line, field: String(issue.path[0] ?? 'row'), message: issue.message });
    });

    const created = await app.db.transaction(async (tx) => {
      const resolution = await csv.resolveMany(tx, request.actor, request.scope, parsed as never);
      problems.push(...resolution.problems);
      if (problems.length) {
        problems.sort((a, b) => a.row - b.row);
        throw new AppError(400, ErrorCode.validation,
          `${new Set(problems.map((p) => p.row)).size} row(s) have problems; nothing was imported. Fix them and import the file again.`,
          problems.slice(0, MAX_REPORTED_PROBLEMS) as never);
      }
      const ids: number[] = [];
      for (let i = 0; i < resolution.values.length; i += CHUNK) {
        const rows = await tx.insert(fact.table).values(resolution.values.slice(i, i + CHUNK)).returning({ id: fact.idColumn });
        ids.push(...rows.map((x) => x.id as number));
      }
      await resolution.after?.(tx, ids);
      const schoolIds = [...new Set(resolution.values.map((v) => v.schoolId))];
      await recomputeSchools(tx, schoolIds, todayInChina());
      for (const schoolId of schoolIds) {
        await appendAudit(tx, { entityType: fact.entityType, entityId: 0, schoolId, action: 'import', actorId: request.actor.id, data: { resource: name, created: resolution.values.filter((v) => v.schoolId === schoolId).length } });
      }
      return ids.length;
    });
    return { created };
  });
}

