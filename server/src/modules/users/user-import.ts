import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { schools, users } from '../../db/schema/index.js';
import { cell, type ImportDefinition, type ImportProblem } from '../import/index.js';
import { inviteUser } from './invite-user.js';

/** One row: a school administrator to invite. */
const userImportRow = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
  name: z.string().trim().min(1, 'is required').max(100),
  school: z.string().trim().min(1, 'is required').max(200),
  locale: z.enum(['zh', 'en']).optional(),
});
type Row = z.output<typeof userImportRow>;
interface Existing { id: number; email: string }
/** The school of each row, by row number. */
type Prepared = Map<number, number>;

const CHUNK = 1000;
const localeNames: Record<string, 'zh' | 'en'> = { 中文: 'zh', zh: 'zh', 英文: 'en', english: 'en', en: 'en' };

/**
 * POST /api/users/import (issue 13 item 6): school administrators in bulk, CSV or .xlsx, headers in
 * English or Chinese (邮箱, 姓名, 学校), all rows or none, on the import kit. The e-mail is the natural
 * key: a duplicate within the file names the other row, an existing account names it. The school is
 * named as the directory names it; regional staff may import only for the schools of their regions.
 * Each created account is invited (inviteUser: a 7-day link mailed through the outbox), in the import's
 * one transaction.
 */
export const userImport: ImportDefinition<Row, Existing, Prepared> = {
  name: 'users',
  templateName: 'school-accounts-template',
  columns: [
    { key: 'email', aliases: ['邮箱', '电子邮箱', '邮件地址'], required: true, example: 'wang@school.edu.cn' },
    { key: 'name', aliases: ['姓名', '名字'], required: true, example: '王老师' },
    { key: 'school', aliases: ['学校', '学校名称', '院校'], required: true, example: '浙江金融职业学院' },
    { key: 'locale', aliases: ['语言'], example: 'zh' },
  ],
  row: userImportRow as unknown as z.ZodType<Row>,
  input: (c) => {
    const locale = cell.text(c.locale)?.trim().toLowerCase();
    return {
      email: cell.text(c.email) ?? '', name: cell.text(c.name) ?? '', school: cell.text(c.school) ?? '',
      locale: locale === undefined ? undefined : localeNames[locale] ?? locale,
    };
  },
  naturalKey: {
    field: 'email',
    of: (input) => input.email,
    async find(db, keys) {
      const found = new Map<string, Existing>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        for (const u of await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, keys.slice(i, i + CHUNK)))) found.set(u.email, u);
      }
      return found;
    },
    describe: (e) => ({ id: e.id, label: e.email }),
  },
  async check(db, ctx, rows) {
    const names = [...new Set(rows.map((r) => r.input.school))];
    const byName = new Map<string, { id: number; regionId: number }>();
    for (let i = 0; i < names.length; i += CHUNK) {
      for (const s of await db.select({ id: schools.id, name: schools.name, regionId: schools.regionId }).from(schools).where(inArray(schools.name, names.slice(i, i + CHUNK)))) byName.set(s.name, s);
    }
    const problems: ImportProblem[] = [];
    const prepared: Prepared = new Map();
    for (const { row, input } of rows) {
      const school = byName.get(input.school);
      if (!school) problems.push({ row, field: 'school', code: 'agreement_school_unknown', params: { school: input.school } });
      else if (ctx.actor.role !== 'hq' && !ctx.actor.regionIds.includes(school.regionId)) problems.push({ row, field: 'school', code: 'school_outside_your_regions' });
      else prepared.set(row, school.id);
      if (row % 500 === 0) await ctx.slice();
    }
    return { problems, prepared };
  },
  async write(tx, ctx, { create, prepared }) {
    for (const { row, input } of create) {
      await inviteUser(tx, { email: input.email, name: input.name, role: 'school', schoolId: prepared.get(row)!, locale: input.locale }, ctx.actor);
      if (row % 200 === 0) await ctx.slice();
    }
  },
};
