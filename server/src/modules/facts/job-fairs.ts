import { z } from 'zod';
import { gte, inArray, lt } from 'drizzle-orm';
import { jobFairs } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { happenedOn } from './fact-dates.js';
import type { FactResource } from './fact-resource.js';
import { schoolOfWriter } from './fact-school.js';
import { updateSchemaOf } from './update-schema.js';
import { jobFairRecord } from './fact-records.js';

const body = {
  title: z.string().trim().min(1, 'give the job fair a title').max(200),
  heldOn: happenedOn,
  employers: z.number().int().min(0).max(100_000).optional(),
  attendance: z.number().int().min(0).max(1_000_000).optional(),
  schoolId: z.number().int().optional(),
};
export const jobFairSpec: ResourceSpec = {
  name: 'job-fairs',
  noun: 'job fair',
  record: jobFairRecord,
  table: jobFairs,
  id: jobFairs.id,
  schoolId: jobFairs.schoolId,
  columns: { id: jobFairs.id, schoolId: jobFairs.schoolId, title: jobFairs.title, heldOn: jobFairs.heldOn, employers: jobFairs.employers, attendance: jobFairs.attendance, createdAt: jobFairs.createdAt },
  sortable: { id: jobFairs.id, heldOn: jobFairs.heldOn, title: jobFairs.title, attendance: jobFairs.attendance },
  defaultSort: ['heldOn', 'DESC'],
  search: [jobFairs.title],
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(jobFairs.schoolId, asList(v))),
    from: filterDef(dateValue, (v) => gte(jobFairs.heldOn, v)),
    before: filterDef(dateValue, (v) => lt(jobFairs.heldOn, v)),
  },
};

export const jobFairResource: FactResource = {
  spec: jobFairSpec,
  table: jobFairs,
  idColumn: jobFairs.id,
  schoolIdColumn: jobFairs.schoolId,
  entityType: 'job_fair',
  createBody: z.strictObject(body),
  updateBody: updateSchemaOf(body, ['id', 'createdAt']),
  async resolve(_tx, actor, _scope, raw, current) {
    const input = raw as Partial<z.infer<z.ZodObject<typeof body>>>;
    const schoolId = schoolOfWriter(actor, input.schoolId ?? current?.schoolId);
    return {
      schoolId,
      title: (input.title ?? current?.title) as string,
      heldOn: (input.heldOn ?? current?.heldOn) as string,
      employers: input.employers ?? (current?.employers as number | undefined) ?? 0,
      attendance: input.attendance ?? (current?.attendance as number | undefined) ?? 0,
    };
  },
};
