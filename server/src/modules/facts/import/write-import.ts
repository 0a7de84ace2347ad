import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import { appendAudit } from '../../audit/audit-repository.js';
import { recomputeSchools } from '../../compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { badRequest } from '../../../lib/errors.js';
import type { FactResource } from '../fact-resource.js';
import type { ImportRows } from './import-rows.js';
import { insertRows } from './insert-rows.js';
import { turnTakingDb } from './turn-taking-db.js';

const MAX_REPORTED_PROBLEMS = 1000;
/** Rows per INSERT: one statement stays well under 0.1 s, also on the embedded database. */
const BATCH = 500;

/**
 * Stores the checked rows of an import, all or none. The rows are resolved (student numbers,
 * duplicates) with short reads outside any transaction, so a refused import never holds the
 * database; only the writes run in the one transaction, in batches with turns for other requests
 * between them. (On the embedded database, which is one connection, other queries wait for that
 * transaction: its length is the time to insert the rows.)
 */
export async function writeImport(app: FastifyInstance, fact: FactResource, actor: Actor, scope: Scope, rows: ImportRows, slice: () => Promise<void>): Promise<number> {
  const csv = fact.csv!;
  // resolveMany only reads; here it reads through the database, between other requests' queries.
  const resolution = await csv.resolveMany(turnTakingDb(app.database) as unknown as Tx, actor, scope, rows.parsed as never);
  const problems = [...rows.problems, ...resolution.problems];
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row);
    throw badRequest({ code: 'rows_have_problems', params: { count: new Set(problems.map((p) => p.row)).size } }, problems.slice(0, MAX_REPORTED_PROBLEMS));
  }
  const { values } = resolution;
  return app.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < values.length; i += BATCH) {
      for (const id of await insertRows(tx, fact.table, fact.idColumn, values.slice(i, i + BATCH))) ids.push(id);
      await slice();
    }
    await resolution.after?.(tx, ids);
    const schoolIds = [...new Set(values.map((v) => v.schoolId))];
    await recomputeSchools(tx, schoolIds, todayInChina());
    for (const schoolId of schoolIds) {
      await appendAudit(tx, { entityType: fact.entityType, entityId: 0, schoolId, action: 'import', actorId: actor.id, data: { resource: fact.spec.name, created: values.filter((v) => v.schoolId === schoolId).length } });
    }
    return ids.length;
  });
}
