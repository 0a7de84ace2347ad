import type { Tx } from '../../../db/client.js';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../../audit/audit-repository.js';
import { recomputeSchools } from '../../compliance/recompute.js';
import { insertRows, type ImportDefinition } from '../../import/index.js';
import type { FactResource, ImportResolution } from '../fact-resource.js';

/** Rows per INSERT: one statement stays well under 0.1 s, also on the embedded database. */
const BATCH = 500;

/**
 * The import of one kind of fact on the import kit: create-only (facts have no natural key; each
 * fact reports its own duplicates in resolveMany), the rows resolved (student numbers, duplicates)
 * with short reads outside any transaction in `check`, so a refused import never holds the
 * database; only the writes run in the one transaction, in batches with turns for other requests
 * between them, with the schools' KPIs recomputed and one audit event per school.
 */
export function factImport(fact: FactResource): ImportDefinition<unknown, never, ImportResolution> {
  const csv = fact.csv!;
  return {
    name: fact.spec.name,
    columns: csv.columns,
    row: csv.body ?? fact.createBody,
    input: csv.parse,
    async check(db, ctx, rows) {
      // resolveMany only reads; the kit's db reads between other requests' queries.
      const resolution = await csv.resolveMany(db as unknown as Tx, ctx.actor, ctx.scope, rows.map(({ row, input }) => ({ line: row, input })) as never);
      return { problems: resolution.problems, prepared: resolution };
    },
    async write(tx, ctx, plan) {
      const { values } = plan.prepared;
      const ids: number[] = [];
      for (let i = 0; i < values.length; i += BATCH) {
        for (const id of await insertRows(tx, fact.table, fact.idColumn, values.slice(i, i + BATCH))) ids.push(id);
        await ctx.slice();
      }
      await plan.prepared.after?.(tx, ids);
      const schoolIds = [...new Set(values.map((v) => v.schoolId))];
      await recomputeSchools(tx, schoolIds, todayInChina());
      for (const schoolId of schoolIds) {
        await appendAudit(tx, { entityType: fact.entityType, entityId: 0, schoolId, action: 'import', actorId: ctx.actor.id, data: { resource: fact.spec.name, created: values.filter((v) => v.schoolId === schoolId).length } });
      }
    },
  };
}
