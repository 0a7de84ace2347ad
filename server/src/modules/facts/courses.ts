import { z } from 'zod';
import { inArray, isNull, or, sql } from 'drizzle-orm';
import { courses, courseKinds } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { isoDate } from '../../lib/dates.js';
import { badRequest, invalid } from '../../lib/errors.js';
import type { Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import type { FactResource } from './fact-resource.js';
import { schoolOfWriter } from './fact-school.js';
import { updateSchemaOf } from './update-schema.js';
import { courseRecord } from './fact-records.js';

const body = {
  title: z.string().trim().min(1, 'is required').max(200),
  classHours: z.number().int().min(1).max(1000),
  term: z.string().trim().max(50).nullable().optional(),
  taughtFrom: isoDate,
  taughtTo: isoDate,
  code: z.string().trim().max(50).nullable().optional(),
  schoolId: z.number().int().optional(),
};

/** The official catalogue is everyone's to read; a school's own offline courses follow its scope. */
const courseScope = (scope: Scope) => {
  const own = schoolScopeCondition(scope, courses.schoolId);
  return own ? or(isNull(courses.schoolId), own) : undefined;
};

export const courseSpec: ResourceSpec = {
  name: 'courses',
  noun: 'course',
  record: courseRecord,
  table: courses,
  id: courses.id,
  scope: courseScope,
  columns: {
    id: courses.id, schoolId: courses.schoolId, kind: courses.kind, code: courses.code, title: courses.title, level: courses.level,
    chapters: courses.chapters, classHours: courses.classHours, practiceHours: courses.practiceHours, onlineHours: courses.onlineHours,
    term: courses.term, taughtFrom: courses.taughtFrom, taughtTo: courses.taughtTo, createdAt: courses.createdAt,
  },
  sortable: { id: courses.id, title: courses.title, kind: courses.kind, classHours: courses.classHours, taughtFrom: courses.taughtFrom },
  defaultSort: ['title', 'ASC'],
  search: [courses.title, courses.code],
  filters: {
    kind: filterDef(oneOrMany(z.enum(courseKinds)), (v) => inArray(courses.kind, asList(v))),
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(courses.schoolId, asList(v))),
    catalogue: filterDef(z.boolean(), (v) => (v ? isNull(courses.schoolId) : sql`${courses.schoolId} IS NOT NULL`)),
    minClassHours: filterDef(z.coerce.number().int().min(0), (v) => sql`${courses.classHours} >= ${v}`),
    /** Taught in a year [from, to): overlaps it. */
    taughtBefore: filterDef(dateValue, (v) => sql`${courses.taughtFrom} < ${v}::date`),
    taughtUntilFrom: filterDef(dateValue, (v) => sql`coalesce(${courses.taughtTo}, ${courses.taughtFrom}) >= ${v}::date`),
  },
};

/** Schools record their own offline CBEC B2B courses; the catalogue is seeded reference data. */
export const courseResource: FactResource = {
  spec: courseSpec,
  table: courses,
  idColumn: courses.id,
  schoolIdColumn: courses.schoolId,
  entityType: 'course',
  createBody: z.strictObject(body),
  updateBody: updateSchemaOf(body, ['id', 'createdAt', 'kind', 'level', 'chapters', 'practiceHours', 'onlineHours']),
  async resolve(_tx, actor, _scope, raw, current) {
    const input = raw as Partial<z.infer<z.ZodObject<typeof body>>>;
    if (current && current.schoolId === null) throw badRequest('catalogue_read_only');
    const schoolId = schoolOfWriter(actor, input.schoolId ?? current?.schoolId);
    const taughtFrom = (input.taughtFrom ?? current?.taughtFrom) as string;
    const taughtTo = (input.taughtTo ?? current?.taughtTo) as string;
    if (taughtTo < taughtFrom) throw invalid([{ field: 'taughtTo', code: 'date_before', params: { other: 'taughtFrom' } }]);
    return {
      schoolId, kind: 'offline',
      title: (input.title ?? current?.title) as string,
      classHours: (input.classHours ?? current?.classHours) as number,
      term: (input.term !== undefined ? input.term : current?.term ?? null) as string | null,
      code: (input.code !== undefined ? input.code : current?.code ?? null) as string | null,
      taughtFrom, taughtTo,
    };
  },
};
