import { z } from 'zod';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { agreements, evaluations, schools, tiers } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { allowedActions } from '@campus/common';
import { evaluationTransitions, type EvaluationState } from '@campus/common';
import { evaluationRecord } from './evaluation-record.js';

export const evaluationSpec: ResourceSpec = {
  name: 'evaluations',
  noun: 'evaluation',
  record: evaluationRecord,
  table: evaluations,
  id: evaluations.id,
  schoolId: evaluations.schoolId,
  columns: {
    id: evaluations.id, agreementId: evaluations.agreementId, schoolId: evaluations.schoolId, year: evaluations.year,
    kind: evaluations.kind, status: evaluations.status, version: evaluations.version, snapshot: evaluations.snapshot,
    snapshotAt: evaluations.snapshotAt, decision: evaluations.decision, reason: evaluations.reason, deadline: evaluations.deadline,
    failingKpis: evaluations.failingKpis, notice: evaluations.notice, openedBy: evaluations.openedBy, decidedBy: evaluations.decidedBy,
    decidedAt: evaluations.decidedAt, createdAt: evaluations.createdAt,
    schoolName: sql<string>`${schools.name}`.as('school_name'),
    regionId: sql<number>`${schools.regionId}`.as('region_id'),
    tier: sql<string>`${agreements.tier}`.as('tier'),
    compliant: sql<boolean | null>`(${evaluations.snapshot} ->> 'compliant')::boolean`.as('compliant'),
  },
  join: (q) => q.innerJoin(schools, eq(schools.id, evaluations.schoolId)).innerJoin(agreements, eq(agreements.id, evaluations.agreementId)),
  sortable: { id: evaluations.id, year: evaluations.year, status: evaluations.status, createdAt: evaluations.createdAt, decidedAt: evaluations.decidedAt, schoolName: schools.name },
  defaultSort: ['createdAt', 'DESC'],
  search: [schools.name],
  filters: {
    status: filterDef(oneOrMany(z.enum(['open', 'decided'])), (v) => inArray(evaluations.status, asList(v))),
    decision: filterDef(oneOrMany(z.string().max(20)), (v) => inArray(evaluations.decision, asList(v))),
    kind: filterDef(z.enum(['annual', 'final']), (v) => eq(evaluations.kind, v)),
    agreementId: filterDef(idValue, (v) => eq(evaluations.agreementId, v)),
    schoolId: filterDef(idValue, (v) => eq(evaluations.schoolId, v)),
    year: filterDef(z.coerce.number().int().min(1).max(20), (v) => eq(evaluations.year, v)),
    regionId: filterDef(oneOrMany(idValue), (v) => inArray(schools.regionId, asList(v))),
    tier: filterDef(oneOrMany(z.enum(tiers)), (v) => inArray(agreements.tier, asList(v))),
    compliant: filterDef(z.boolean(), (v) => sql`(${evaluations.snapshot} ->> 'compliant')::boolean = ${v}`),
  },
  enrich: (rows, actor) => rows.map((r) => ({ ...r, allowedActions: allowedActions(evaluationTransitions, r.status as EvaluationState, actor.role) })),
  detail: async (row, _actor, db) => {
    const [previous] = await db.select({ id: evaluations.id, year: evaluations.year, snapshot: evaluations.snapshot, decision: evaluations.decision, reason: evaluations.reason })
      .from(evaluations)
      .where(and(eq(evaluations.agreementId, row.agreementId as number), lt(evaluations.year, row.year as number)))
      .orderBy(desc(evaluations.year)).limit(1);
    return { ...row, previous: previous ?? null };
  },
};
