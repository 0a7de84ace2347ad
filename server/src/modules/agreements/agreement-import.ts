import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { schools } from '../../db/schema/index.js';
import type { Tier } from '@campus/common';
import { todayInChina } from '@campus/common';
import { conflict } from '../../lib/errors.js';
import { cell, type ImportDefinition, type ImportProblem } from '../import/index.js';
import { existingAgreementBody, importedDecisions, type ExistingAgreementInput } from './existing-agreement-input.js';
import { checkExistingAgreements, recordExistingAgreements } from './record-existing-agreements.js';

/** Chinese names accepted beside the codes (the UI's words). */
const tierNames: Record<string, Tier> = { 产业学院: 'industry_college', 人才基地: 'talent_base', '1+x试点院校': 'pilot_1x', '1+x试点': 'pilot_1x', 阿里认证合作院校: 'partner_school', 认证合作院校: 'partner_school', 合作院校: 'partner_school' };
const statusNames: Record<string, string> = { 执行中: 'active', 合作中: 'active', 整改中: 'rectifying' };
const decisionNames: Record<string, string> = { 继续合作: 'continue', 继续: 'continue', 限期整改: 'rectify', 整改: 'rectify' };
const named = (names: Record<string, string>) => (v: string | undefined) => {
  const text = cell.text(v?.trim());
  return text === undefined ? undefined : names[text.toLowerCase()] ?? text;
};

/**
 * The years evaluated before the product, as one cell: `year:decision` pairs separated by `;`
 * (also `；`, `,`, `，`), e.g. `1:continue;2:rectify` (or `1:继续合作；2:限期整改`). Empty: none.
 */
const evaluatedYearsCell = z.string().optional().transform((value, ctx) => {
  const years: { year: number; decision: (typeof importedDecisions)[number] }[] = [];
  for (const part of (value ?? '').split(/[;；,，]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2})\s*[:：]\s*(\S+)$/.exec(part);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a list of year:decision`, params: { code: 'evaluated_years_format', value: value ?? '' } });
      return z.NEVER;
    }
    const decision = decisionNames[m[2]] ?? m[2].toLowerCase();
    if (!(importedDecisions as readonly string[]).includes(decision)) {
      ctx.addIssue({ code: 'custom', message: 'the decision must be continue or rectify', params: { code: 'evaluated_decision_invalid', allowed: [...importedDecisions] } });
      return z.NEVER;
    }
    years.push({ year: Number(m[1]), decision: decision as (typeof importedDecisions)[number] });
  }
  return years;
});

const { schoolId: _schoolId, evaluatedYears: _evaluatedYears, ...shape } = existingAgreementBody.shape;
const agreementImportRow = z.strictObject({ ...shape, school: z.string().trim().min(1).max(200), evaluatedYears: evaluatedYearsCell });
type Row = z.infer<typeof agreementImportRow>;
type Prepared = { row: number; input: ExistingAgreementInput }[];

const CHUNK = 1000;
/** Field names of the single-record checks, as the file's columns. */
const columnOf = (field: string | undefined) => (field === 'schoolId' ? 'school' : field ?? 'school');

/**
 * POST /api/agreements/import (issue 13 item 4): partnerships that began before the product, one a
 * row, all or none, on the import kit. The school is named (学校); each row is the same use case as
 * POST /api/agreements, every row in the kit's one transaction. Row problems: an unknown school, the
 * same school as another row (duplicate_in_file, naming it), a school that already has a
 * partnership, a start in the future, a year not ended, a rectification without notice or deadline.
 */
export const agreementImport: ImportDefinition<Row, never, Prepared> = {
  name: 'agreements',
  templateName: 'existing-partnerships-template',
  columns: [
    { key: 'school', aliases: ['学校', '学校名称', '院校'], required: true, example: '浙江大学' },
    { key: 'tier', aliases: ['级别', '合作层次', '层次'], required: true, example: '人才基地' },
    { key: 'startDate', aliases: ['开始日期', '生效日期'], required: true, type: 'date', example: '2023-09-01' },
    { key: 'termYears', aliases: ['年限', '协议期限'], type: 'int', example: '3' },
    { key: 'status', aliases: ['状态'], required: true, example: '执行中' },
    { key: 'rectificationNotice', aliases: ['整改通知'], example: '就业平台注册率不足' },
    { key: 'rectificationDeadline', aliases: ['整改期限'], type: 'date', example: '2027-03-31' },
    { key: 'evaluatedYears', aliases: ['已评审年度'], example: '1:continue;2:rectify' },
    { key: 'comment', aliases: ['备注'] },
  ],
  row: agreementImportRow as z.ZodType<Row>,
  input: (c) => ({
    school: cell.text(c.school), tier: named(tierNames)(c.tier), startDate: cell.text(c.startDate), termYears: cell.int(c.termYears),
    status: named(statusNames)(c.status), rectificationNotice: cell.text(c.rectificationNotice),
    rectificationDeadline: cell.text(c.rectificationDeadline), evaluatedYears: cell.text(c.evaluatedYears), comment: cell.text(c.comment),
  }),
  naturalKey: {
    field: 'school',
    of: (input) => input.school.trim(),
    // A school's partnership is refused by check (school_has_agreement, naming it), not as a duplicate key.
    find: async () => new Map<string, never>(),
    describe: () => ({ id: 0, label: '' }),
  },
  async check(db, _ctx, rows) {
    const today = todayInChina();
    const names = [...new Set(rows.map((r) => r.input.school.trim()))];
    const ids = new Map<string, number>();
    for (let i = 0; i < names.length; i += CHUNK) {
      for (const s of await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.name, names.slice(i, i + CHUNK)))) ids.set(s.name, s.id);
    }
    const problems: ImportProblem[] = [];
    const prepared: Prepared = [];
    for (const { row, input } of rows) {
      const schoolId = ids.get(input.school.trim());
      if (!schoolId) problems.push({ row, field: 'school', code: 'agreement_school_unknown', params: { school: input.school.trim() } });
      else {
        const { school: _s, ...rest } = input;
        prepared.push({ row, input: { ...rest, schoolId } });
      }
    }
    const checked = await checkExistingAgreements(db, prepared.map((p) => p.input), today, { lock: false });
    for (const { index, conflict: _c, field, ...p } of checked.problems) problems.push({ ...p, row: prepared[index].row, field: columnOf(field) });
    return { problems, prepared };
  },
  async write(tx, ctx, plan) {
    const today = todayInChina();
    // Checked again with the schools locked: a partnership recorded since the check refuses the whole file.
    const { resolved, problems } = await checkExistingAgreements(tx, plan.prepared.map((p) => p.input), today, { lock: true });
    if (problems.length) throw conflict({ code: problems[0].code, params: problems[0].params });
    await recordExistingAgreements(tx, resolved, ctx.actor, today, plan.prepared.map((p) => p.row));
  },
};
