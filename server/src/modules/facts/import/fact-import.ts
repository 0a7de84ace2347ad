import type { Tx } from '../../../db/client.js';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../../audit/audit-repository.js';
import { recomputeSchools } from '../../compliance/recompute.js';
import { insertRows, type ImportDefinition, type ImportProblem, type NaturalKey } from '../../import/index.js';
import type { FactResource, ImportResolution, KeyedFact } from '../fact-resource.js';
import { schoolOfWriter } from '../fact-school.js';
import { updateFactIn } from '../update-fact.js';

/** Rows per INSERT: one statement stays well under 0.1 s, also on the embedded database. */
const BATCH = 500;

/**
 * The import of one kind of fact on the import kit, the rows resolved (student numbers, duplicates)
 * with short reads outside any transaction in `check`, so a refused import never holds the
 * database; only the writes run in the one transaction, in batches with turns for other requests
 * between them, with the schools' KPIs recomputed and one audit event per school for the created
 * rows. A fact with a natural key (students by number, certificates by number) reports a number
 * already recorded (create mode) or updates that record (`?mode=upsert`, an empty cell keeping
 * the record's value), each update audited on its record with every changed field from and to,
 * as an edit is.
 */
export function factImport(fact: FactResource): ImportDefinition<unknown, KeyedFact, ImportResolution> {
  const csv = fact.csv!;
  const key = csv.key;
  const naturalKey: NaturalKey<unknown, KeyedFact> | undefined = key && {
    field: key.field,
    of: (input) => key.of(input as Record<string, unknown>),
    find: (db, keys, ctx) => key.find(db as unknown as Tx, schoolOfWriter(ctx.actor, undefined), keys),
    describe: (e) => ({ id: e.id, label: e.label }),
    changes: (e, input) => key.changes(e, input as Record<string, unknown>),
    ...(key.merge ? { merge: (first: unknown, later: unknown) => key.merge!(first as Record<string, unknown>, later as Record<string, unknown>) } : {}),
  };
  return {
    name: fact.spec.name,
    columns: csv.columns,
    ignoredHeaders: csv.ignoredHeaders,
    row: csv.body ?? fact.createBody,
    input: csv.parse,
    naturalKey,
    upsert: !!key,
    async check(db, ctx, rows) {
      // resolveMany only reads; the kit's db reads between other requests' queries. Rows that update
      // a record are resolved too (for their problems: an unknown student number), not created.
      const resolve = (some: typeof rows) => csv.resolveMany(db as unknown as Tx, ctx.actor, ctx.scope, some.map(({ row, input }) => ({ line: row, input })) as never);
      const creates = rows.filter((r) => r.existing === undefined);
      const updates = rows.filter((r) => r.existing !== undefined && r.changes?.length);
      const resolution = await resolve(creates);
      // A record that may not change (a verified certificate) is not updated by a file either (said first: the
      // kit reports one problem a cell).
      const problems: ImportProblem[] = updates.flatMap((r) => {
        const lock = fact.locked?.(r.existing as Record<string, unknown>);
        return lock ? [{ row: r.row, field: key?.field ?? 'id', ...lock }] : [];
      });
      problems.push(...resolution.problems, ...(updates.length ? (await resolve(updates)).problems : []));
      return { problems, prepared: resolution };
    },
    async write(tx, ctx, plan) {
      const { values } = plan.prepared;
      const ids: number[] = [];
      for (let i = 0; i < values.length; i += BATCH) {
        for (const id of await insertRows(tx, fact.table, fact.idColumn, values.slice(i, i + BATCH))) ids.push(id);
        await ctx.slice();
      }
      await plan.prepared.after?.(tx, ids);
      const schoolIds = new Set(values.map((v) => v.schoolId));
      if (key && plan.update.length) {
        const schoolId = schoolOfWriter(ctx.actor, undefined);
        for (const row of plan.update) {
          const input = await key.updateInput(tx, schoolId, row.input as Record<string, unknown>, row.existing!);
          for (const s of await updateFactIn(tx, fact, ctx.actor, ctx.scope, row.existing!.id, input)) schoolIds.add(s);
          await ctx.slice();
        }
      }
      await recomputeSchools(tx, [...schoolIds], todayInChina());
      for (const schoolId of new Set(values.map((v) => v.schoolId))) {
        await appendAudit(tx, { entityType: fact.entityType, entityId: 0, schoolId, action: 'import', actorId: ctx.actor.id, data: { resource: fact.spec.name, created: values.filter((v) => v.schoolId === schoolId).length } });
      }
    },
  };
}
