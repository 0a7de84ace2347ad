import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements, auditEvents, complianceSummaries, evaluations, schools } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { XLSX_TYPE } from '../import/index.js';
import { xlsxFile } from '../import/test-files.js';
import { daysAgo } from '../../../test/days.js';

/**
 * issue 13 item 4: POST /api/agreements/import takes partnerships that began before the product
 * (CSV or .xlsx, Chinese headers), all rows or none, each row the use case of POST /api/agreements.
 */
let t: TestContext;
const today = todayInChina();
const names = ['宁波职业技术学院', '温州职业技术学院', '金华职业技术学院', '台州职业技术学院'];
let ids: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db.insert(schools).values(names.map((name) => ({ name, regionId: t.fixture.regions.east.id, province: '浙江', city: '宁波', status: 'prospect' }))).returning();
  ids = rows.map((r) => r.id);
  await ensureComplianceFresh(t.database.db, today);
});
afterAll(async () => { await t?.close(); });

async function upload(body: Buffer | string, type: string, query = '') {
  const hq = await t.as('hq@test.cn');
  return t.app.inject({ method: 'POST', url: `/api/agreements/import${query}`, payload: body, headers: { cookie: hq.cookie, 'content-type': type, 'accept-language': 'zh-CN' } });
}

describe('POST /api/agreements/import', () => {
  it('imports an .xlsx with Chinese headers: agreements, evaluated years, school tiers, compliance at once', async () => {
    const start = new Date(`${daysAgo(800)}T00:00:00+08:00`);
    const file = await xlsxFile([
      ['学校', '级别', '开始日期', '年限', '状态', '整改通知', '整改期限', '已评审年度'],
      [names[0], '阿里认证合作院校', start, 3, '执行中', null, null, '1:continue'],
      [names[1], 'industry_college', daysAgo(400).replace(/-/g, '/'), 3, '整改中', '招聘会未举办', daysAgo(-90), '1：限期整改'],
      [names[2], '1+X试点院校', daysAgo(30), null, 'active', null, null, null],
    ]);
    const dry = await upload(file, XLSX_TYPE, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 3, rejected: 0 });
    expect(await t.database.db.select().from(agreements).where(inArray(agreements.schoolId, ids))).toEqual([]);

    const res = await upload(file, XLSX_TYPE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3 });
    const rows = await t.database.db.select().from(agreements).where(inArray(agreements.schoolId, ids)).orderBy(agreements.schoolId);
    expect(rows).toEqual([
      expect.objectContaining({ schoolId: ids[0], tier: 'partner_school', status: 'active', startDate: daysAgo(800), termYears: 3, applicationId: null }),
      expect.objectContaining({ schoolId: ids[1], tier: 'industry_college', status: 'rectifying', startDate: daysAgo(400), rectificationNotice: '招聘会未举办', rectificationDeadline: daysAgo(-90) }),
      expect.objectContaining({ schoolId: ids[2], tier: 'pilot_1x', status: 'active', startDate: daysAgo(30), termYears: 1 }),
    ]);
    const evals = await t.database.db.select().from(evaluations).where(inArray(evaluations.schoolId, ids)).orderBy(evaluations.schoolId);
    expect(evals.map((e) => [e.schoolId, e.year, e.status, e.decision])).toEqual([[ids[0], 1, 'decided', 'continue'], [ids[1], 1, 'decided', 'rectify']]);
    const tiers = await t.database.db.select({ id: schools.id, tier: schools.tier, status: schools.status }).from(schools).where(inArray(schools.id, ids)).orderBy(schools.id);
    expect(tiers.slice(0, 3)).toEqual([
      { id: ids[0], tier: 'partner_school', status: 'partner' }, { id: ids[1], tier: 'industry_college', status: 'rectifying' }, { id: ids[2], tier: 'pilot_1x', status: 'partner' },
    ]);
    const current = await t.database.db.select({ agreementId: complianceSummaries.agreementId, year: complianceSummaries.year }).from(complianceSummaries)
      .where(sql`${inArray(complianceSummaries.schoolId, ids)} AND ${complianceSummaries.isCurrent}`).orderBy(complianceSummaries.schoolId);
    expect(current.map((c) => c.year)).toEqual([3, 2, 1]);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'import'));
    expect(events.filter((e) => e.entityType === 'agreement').map((e) => (e.data as { row: number }).row).sort()).toEqual([2, 3, 4]);
    expect(events.filter((e) => e.entityType === 'evaluation')).toHaveLength(2);
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(before).toEqual(after);
  });

  it('refuses the whole file, naming every bad row: unknown school, the same school twice, a school with a partnership, bad and future dates, bad evaluated years', async () => {
    const csv = [
      '学校,级别,开始日期,年限,状态,整改通知,整改期限,已评审年度',
      `${names[3]},人才基地,2024/3/1,3,执行中,,,1:continue`,
      `不存在的学院,人才基地,2024-03-01,3,执行中,,,`,
      `${names[3]},人才基地,2024-03-01,3,执行中,,,`,
      `${names[0]},人才基地,2024-03-01,3,执行中,,,`,
      `${t.fixture.schools.southB.name},人才基地,2024-02-30,3,执行中,,,`,
      `${t.fixture.schools.northA.name},人才基地,${daysAgo(-3)},3,执行中,,,`,
      `${t.fixture.schools.eastB.name},人才基地,2024-03-01,3,执行中,,,1-continue`,
      `${t.fixture.schools.southA.name},人才基地,2024-03-01,3,整改中,,,`,
    ].join('\n');
    const res = await upload(csv, 'text/csv; charset=utf-8');
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().details as { row: number; field: string; code: string; params: Record<string, unknown> }[];
    const by = (row: number) => details.filter((d) => d.row === row).map((d) => [d.field, d.code]);
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual([['school', 'agreement_school_unknown']]);
    expect(details.find((d) => d.row === 4)).toMatchObject({ field: 'school', code: 'duplicate_in_file', params: { otherRow: 2 } });
    expect(details.find((d) => d.row === 5)).toMatchObject({ field: 'school', code: 'school_has_agreement', params: { school: names[0] } });
    expect(by(6)).toEqual([['startDate', 'invalid_date']]);
    expect(by(7)).toEqual([['startDate', 'date_in_future']]);
    expect(by(8)).toEqual([['evaluatedYears', 'evaluated_years_format']]);
    expect(by(9).sort()).toEqual([['rectificationDeadline', 'deadline_missing'], ['rectificationNotice', 'notice_missing']]);
    expect(await t.database.db.select().from(agreements).where(eq(agreements.schoolId, ids[3]))).toEqual([]);
  });

  it('offers the template with the Chinese headers', async () => {
    const hq = await t.as('hq@test.cn');
    const res = await hq.get('/api/agreements/import/template?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('学校 (school)');
    expect(res.body).toContain('已评审年度 (evaluatedYears)');
  });
});
