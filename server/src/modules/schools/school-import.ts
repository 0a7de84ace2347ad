import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import type { AuditEventInput } from '@campus/common';
import { auditEvents, regions, schools } from '../../db/schema/index.js';
import { cell, type ImportDefinition, type ImportProblem } from '../import/index.js';
import { provinceRegions } from '../regions/province-region.js';
import { schoolInput } from './school-input.js';
import { auditedSchool, type SchoolRow } from './create-school.js';
import { applySchoolEdit } from './update-school.js';

/** The kinds as the directory's spreadsheets say them. */
const kindNames: Record<string, string> = {
  本科: 'university', 本科院校: 'university', 大学: 'university', 普通本科: 'university',
  职业: 'vocational', 职业院校: 'vocational', 高职: 'vocational', 高职院校: 'vocational', 专科: 'vocational', 职业本科: 'vocational',
};

const { regionId: _regionId, ...shape } = schoolInput.shape;
/** One row: the school's fields, and the region named (大区: its Chinese or English name or code) when HQ places it elsewhere. */
const schoolImportRow = z.strictObject({ ...shape, region: z.string().trim().max(100).optional() });
type Row = z.output<typeof schoolImportRow>;
type Existing = SchoolRow & { regionNames: string[] };
/** The region each row names in 大区, by row number. */
type Prepared = Map<number, number>;

const CHUNK = 1000;
/** The fields an import row may set; an empty cell keeps what the school has. */
const fields = ['nameEn', 'province', 'city', 'kind', 'contactName', 'contactEmail', 'contactPhone'] as const;

const regionKey = (s: string) => s.trim().toLowerCase();

/**
 * POST /api/schools/import (issue 13 item 1): the school directory as CSV or .xlsx with Chinese or
 * English headers, all rows or none, on the import kit. The name is the natural key (create mode: an
 * existing name is a row error naming the school; ?mode=upsert updates it, an empty cell keeping the
 * school's value). The province must be one a region lists; the region follows from it unless the
 * 大区 column names another. Every created school is audited (`create`, via import), every updated
 * one with its changes.
 */
export const schoolImport: ImportDefinition<Row, Existing, Prepared> = {
  name: 'schools',
  templateName: 'schools-template',
  columns: [
    { key: 'name', aliases: ['学校名称', '院校名称', '学校'], required: true, example: '浙江金融职业学院' },
    { key: 'nameEn', aliases: ['英文名称', '英文名'], example: 'Zhejiang Financial College' },
    { key: 'province', aliases: ['省份', '省'], required: true, example: '浙江' },
    { key: 'city', aliases: ['城市', '市'], example: '杭州' },
    { key: 'kind', aliases: ['类型', '院校类型'], required: true, example: '职业' },
    { key: 'contactName', aliases: ['联系人'], example: '王老师' },
    { key: 'contactEmail', aliases: ['联系邮箱', '邮箱'], example: 'wang@school.edu.cn' },
    { key: 'contactPhone', aliases: ['联系电话', '电话'], example: '0571-88888888' },
    { key: 'region', aliases: ['大区'], example: '华东' },
  ],
  row: schoolImportRow as unknown as z.ZodType<Row>,
  input: (c) => {
    const kind = cell.text(c.kind?.trim());
    return {
      name: cell.text(c.name) ?? '', nameEn: cell.text(c.nameEn), province: cell.text(c.province) ?? '', city: cell.text(c.city),
      kind: kind === undefined ? undefined : kindNames[kind] ?? kind.toLowerCase(),
      contactName: cell.text(c.contactName), contactEmail: cell.text(c.contactEmail), contactPhone: cell.text(c.contactPhone),
      region: cell.text(c.region),
    };
  },
  naturalKey: {
    field: 'name',
    of: (input) => input.name,
    async find(db, keys) {
      const found = new Map<string, Existing>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await db.select({ school: schools, nameZh: regions.nameZh, nameEn: regions.nameEn, code: regions.code })
          .from(schools).innerJoin(regions, eq(regions.id, schools.regionId)).where(inArray(schools.name, keys.slice(i, i + CHUNK)));
        for (const r of rows) found.set(r.school.name, { ...r.school, regionNames: [r.nameZh, r.nameEn, r.code].map(regionKey) });
      }
      return found;
    },
    describe: (e) => ({ id: e.id, label: e.name }),
    changes: (e, input) => [
      ...fields.filter((f) => input[f] != null && input[f] !== e[f]),
      ...(input.region && !e.regionNames.includes(regionKey(input.region)) ? ['regionId'] : []),
    ],
  },
  upsert: true,
  async check(db, ctx, rows) {
    const byProvince = await provinceRegions(db);
    const named = new Map<string, number>();
    for (const r of await db.select({ id: regions.id, nameZh: regions.nameZh, nameEn: regions.nameEn, code: regions.code }).from(regions)) {
      for (const n of [r.nameZh, r.nameEn, r.code]) named.set(regionKey(n), r.id);
    }
    const problems: ImportProblem[] = [];
    const prepared: Prepared = new Map();
    for (const { row, input } of rows) {
      // A character the reader could not decode (U+FFFD) is never stored as a school's name or contact: the row is refused.
      for (const [field, value] of Object.entries(input)) {
        if (typeof value === 'string' && value.includes('\uFFFD')) problems.push({ row, field, code: 'text_bad_character' });
      }
      if (!byProvince.has(input.province)) problems.push({ row, field: 'province', code: 'province_unknown', params: { province: input.province } });
      if (input.region) {
        const id = named.get(regionKey(input.region));
        if (id === undefined) problems.push({ row, field: 'region', code: 'region_name_unknown', params: { region: input.region } });
        else prepared.set(row, id);
      }
      if (row % 500 === 0) await ctx.slice();
    }
    return { problems, prepared };
  },
  async write(tx, ctx, { create, update, prepared }) {
    const byProvince = await provinceRegions(tx);
    const actorId = ctx.actor.id;
    for (let i = 0; i < create.length; i += CHUNK) {
      const chunk = create.slice(i, i + CHUNK);
      const rows = await tx.insert(schools).values(chunk.map(({ row, input }) => ({
        name: input.name, nameEn: input.nameEn, province: input.province, regionId: prepared.get(row) ?? byProvince.get(input.province)!,
        city: input.city, kind: input.kind, contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone,
      }))).returning();
      const events: AuditEventInput[] = rows.map((s) => ({
        entityType: 'school', entityId: s.id, schoolId: s.id, action: 'create', actorId, data: { values: auditedSchool(s), via: 'import' },
      }));
      await tx.insert(auditEvents).values(events.map((e) => ({ entityType: e.entityType, entityId: e.entityId, action: e.action, actorId: e.actorId, schoolId: e.schoolId ?? null, data: e.data ?? null })));
      await ctx.slice();
    }
    for (const { row, input, existing } of update) {
      const [current] = await tx.select().from(schools).where(eq(schools.id, existing!.id)).for('update');
      const edit = Object.fromEntries(fields.filter((f) => input[f] != null).map((f) => [f, input[f]]));
      await applySchoolEdit(tx, ctx.actor, current, { ...edit, regionId: prepared.get(row) ?? null }, 'update', 'import');
      if (row % 200 === 0) await ctx.slice();
    }
  },
};
