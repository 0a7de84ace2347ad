import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { schools, schoolStatuses, tiers } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue as id, oneOrMany } from '../../lib/filters.js';
import { schoolRecord } from './school-record.js';


export const schoolSpec: ResourceSpec = {
  name: 'schools',
  noun: 'school',
  record: schoolRecord,
  table: schools,
  id: schools.id,
  schoolId: schools.id,
  columns: {
    id: schools.id, name: schools.name, nameEn: schools.nameEn, regionId: schools.regionId,
    province: schools.province, city: schools.city, kind: schools.kind, tier: schools.tier,
    status: schools.status, contactName: schools.contactName, contactEmail: schools.contactEmail, contactPhone: schools.contactPhone,
    active: schools.active, version: schools.version, createdAt: schools.createdAt, updatedAt: schools.updatedAt,
  },
  sortable: {
    id: schools.id, name: schools.name, regionId: schools.regionId, province: schools.province,
    tier: schools.tier, status: schools.status, city: schools.city, kind: schools.kind, active: schools.active, createdAt: schools.createdAt,
  },
  defaultSort: ['name', 'ASC'],
  search: [schools.name, schools.nameEn, schools.city],
  filters: {
    regionId: filterDef(oneOrMany(id), (v) => inArray(schools.regionId, asList(v))),
    tier: filterDef(oneOrMany(z.enum([...tiers, 'none'])), (v) => {
      const list = asList(v);
      const named = list.filter((t) => t !== 'none');
      const none = list.includes('none') ? sql`${schools.tier} IS NULL` : undefined;
      const inList = named.length ? inArray(schools.tier, named) : undefined;
      return none && inList ? sql`(${none} OR ${inList})` : (none ?? inList);
    }),
    status: filterDef(oneOrMany(z.enum(schoolStatuses)), (v) => inArray(schools.status, asList(v))),
    province: filterDef(z.string().max(50), (v) => eq(schools.province, v)),
    kind: filterDef(z.enum(['university', 'vocational']), (v) => eq(schools.kind, v)),
    active: filterDef(z.boolean(), (v) => eq(schools.active, v)),
  },
};
