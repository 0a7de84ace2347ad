import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import {
  agreements, auditEvents, certificates, examCandidates, examSessions, examSessionSites, examSites, students,
} from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { kpiNames, todayInChina, type KpiName, type ProgrammeReport } from '@campus/common';
import { reportHtml, printCell } from './report-html.js';
import { reportTables } from './report-tables.js';
import { reportYear } from './report-year.js';
import { loadConfig } from '../../config.js';

/**
 * HQ's annual programme report (issue 18 item 7) on a small world built for it: a past year Y with agreement years
 * beginning in it (and others beginning the year before, which must not count), certificates, exam sessions and
 * decisions on both sides of the year's edges.
 */
let t: TestContext;
const Y = Number(todayInChina().slice(0, 4)) - 1;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { eastA, eastB, southA, southB, northA } = t.fixture.schools;
  const [a1, a2, a3, a4, a5] = await db.insert(agreements).values([
    // Year 1 begins in Y (industry college: fails most KPIs).
    { schoolId: eastA.id, tier: 'industry_college', status: 'active', startDate: `${Y}-03-01`, termYears: 3 },
    // A 1+X pilot without certified instructors: fails certifiedInstructors.
    { schoolId: eastB.id, tier: 'pilot_1x', status: 'active', startDate: `${Y}-02-01`, termYears: 1 },
    // Year 1 began the year before (not counted), year 2 begins in Y.
    { schoolId: southA.id, tier: 'talent_base', status: 'rectifying', startDate: `${Y - 1}-09-01`, termYears: 3 },
    // No thresholds: compliant.
    { schoolId: northA.id, tier: 'partner_school', status: 'active', startDate: `${Y}-05-01`, termYears: 1 },
    // Terminated within Y.
    { schoolId: southB.id, tier: 'pilot_1x', status: 'terminated', startDate: `${Y}-01-10`, termYears: 1, endedOn: `${Y}-08-01` },
  ]).returning();
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id, a5: a5.id });

  const [s1, s2, s3, s4, s5] = await db.insert(students).values([
    { schoolId: eastA.id, studentNo: 'E1', name: '学生一', cohortYear: Y - 1, enrolledOn: `${Y - 1}-09-01` },
    { schoolId: eastA.id, studentNo: 'E2', name: '学生二', cohortYear: Y - 1, enrolledOn: `${Y - 1}-09-01` },
    { schoolId: eastA.id, studentNo: 'E3', name: '学生三', cohortYear: Y - 1, enrolledOn: `${Y - 1}-09-01` },
    { schoolId: southA.id, studentNo: 'S1', name: '学生四', cohortYear: Y - 1, enrolledOn: `${Y - 1}-09-01` },
    { schoolId: southA.id, studentNo: 'S2', name: '学生五', cohortYear: Y - 1, enrolledOn: `${Y - 1}-09-01` },
  ]).returning();
  const verified = { status: 'verified', verifiedAt: new Date(`${Y}-07-01T10:00:00+08:00`) };
  await db.insert(certificates).values([
    // eastA after its agreement began (industry college): two 1+X verified, one Operator claimed.
    { studentId: s1.id, schoolId: eastA.id, kind: '1x_junior', certNo: 'R-1', issuedOn: `${Y}-06-20`, ...verified },
    { studentId: s2.id, schoolId: eastA.id, kind: '1x_intermediate', certNo: 'R-2', issuedOn: `${Y}-12-31`, ...verified },
    { studentId: s3.id, schoolId: eastA.id, kind: 'operator', certNo: 'R-3', issuedOn: `${Y}-04-02` },
    // eastA before its agreement began: no tier.
    { studentId: s3.id, schoolId: eastA.id, kind: '1x_junior', certNo: 'R-4', issuedOn: `${Y}-01-15` },
    // Not counted: the year before, and a kind outside 1+X and Operator.
    { studentId: s1.id, schoolId: eastA.id, kind: '1x_junior', certNo: 'R-5', issuedOn: `${Y - 1}-12-31` },
    { studentId: s2.id, schoolId: eastA.id, kind: 'data_advisor', certNo: 'R-6', issuedOn: `${Y}-06-01` },
    // southA: an Operator verified, a 1+X claimed.
    { studentId: s4.id, schoolId: southA.id, kind: 'operator', certNo: 'R-7', issuedOn: `${Y}-06-20`, ...verified },
    { studentId: s5.id, schoolId: southA.id, kind: '1x_senior', certNo: 'R-8', issuedOn: `${Y}-11-11` },
  ]);

  const [site] = await db.insert(examSites).values({
    name: '杭州考点', schoolId: eastA.id, regionId: t.fixture.regions.east.id, address: '杭州', capacity: 100, kinds: ['1x_junior', 'operator'],
    contactName: '王老师', contactPhone: '13800000000', status: 'approved',
  }).returning();
  const [held, cancelled, earlier, empty] = await db.insert(examSessions).values([
    { title: '统考一', kind: '1x_junior', examOn: `${Y}-06-15`, registrationOpensOn: `${Y}-05-01`, registrationClosesOn: `${Y}-06-01`, status: 'results_published' },
    { title: '取消的统考', kind: '1x_junior', examOn: `${Y}-09-15`, registrationOpensOn: `${Y}-08-01`, registrationClosesOn: `${Y}-09-01`, status: 'cancelled' },
    { title: '去年的统考', kind: 'operator', examOn: `${Y - 1}-12-20`, registrationOpensOn: `${Y - 1}-11-01`, registrationClosesOn: `${Y - 1}-12-01`, status: 'results_published' },
    { title: '无人报名', kind: 'operator', examOn: `${Y}-10-20`, registrationOpensOn: `${Y}-09-01`, registrationClosesOn: `${Y}-10-01`, status: 'closed' },
  ]).returning();
  Object.assign(ids, { held: held.id, empty: empty.id });
  await db.insert(examSessionSites).values([held, cancelled, earlier, empty].map((s) => ({ sessionId: s.id, siteId: site.id })));
  await db.insert(examCandidates).values([
    { sessionId: held.id, siteId: site.id, studentId: s1.id, schoolId: eastA.id, result: 'passed', certNo: 'X-1' },
    { sessionId: held.id, siteId: site.id, studentId: s2.id, schoolId: eastA.id, result: 'passed', certNo: 'X-2' },
    { sessionId: held.id, siteId: site.id, studentId: s3.id, schoolId: eastA.id, result: 'failed' },
    { sessionId: held.id, siteId: site.id, studentId: s4.id, schoolId: southA.id, result: 'passed', certNo: 'X-3' },
    { sessionId: held.id, siteId: site.id, studentId: s5.id, schoolId: southA.id, result: 'absent' },
    { sessionId: cancelled.id, siteId: site.id, studentId: s1.id, schoolId: eastA.id },
    { sessionId: earlier.id, siteId: site.id, studentId: s1.id, schoolId: eastA.id, result: 'passed', certNo: 'X-4' },
  ]);

  // The agreements' audit events of the decisions (as the evaluation and agreement workflows write them).
  const at = (iso: string) => new Date(iso);
  const ev = (agreementId: number, schoolId: number, action: string, fromState: string, toState: string, when: string) =>
    ({ entityType: 'agreement', entityId: agreementId, schoolId, action, fromState, toState, at: at(when) });
  await db.insert(auditEvents).values([
    ev(a1.id, eastA.id, 'rectify', 'active', 'rectifying', `${Y}-01-01T00:30:00+08:00`), // the year's first half hour in China
    ev(a1.id, eastA.id, 'close_rectification', 'rectifying', 'active', `${Y}-10-01T10:00:00+08:00`),
    ev(a3.id, southA.id, 'rectify', 'active', 'rectifying', `${Y}-11-01T10:00:00+08:00`),
    ev(a3.id, southA.id, 'upgrade', 'rectifying', 'rectifying', `${Y}-12-31T23:30:00+08:00`),
    ev(a5.id, southB.id, 'rectify', 'active', 'rectifying', `${Y}-03-01T10:00:00+08:00`),
    ev(a5.id, southB.id, 'terminate', 'rectifying', 'terminated', `${Y}-08-01T10:00:00+08:00`),
    ev(a4.id, northA.id, 'renew', 'active', 'renewed', `${Y}-12-31T12:00:00+08:00`),
    // Not in Y: the last half hour of the year before in China (already Y in UTC+0? no: 15:30 UTC), and a sign.
    ev(a2.id, eastB.id, 'terminate', 'active', 'terminated', `${Y - 1}-12-31T23:30:00+08:00`),
    ev(a2.id, eastB.id, 'sign', 'pending_signing', 'active', `${Y}-02-01T10:00:00+08:00`),
  ]);
  // The summaries are built by the first compliance read.
  await (await t.as('hq@test.cn')).get('/api/compliance');
});
afterAll(async () => { await t?.close(); });

const report = async (email: string, query: Record<string, string> = {}) => {
  const res = await (await t.as(email)).get('/api/reports/programme', { year: String(Y), ...query });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
};
const rowOf = <T extends { regionId: number; tier: string }>(rows: T[], regionId: number, tier: string) => rows.find((r) => r.regionId === regionId && r.tier === tier);

describe('the programme report', () => {
  it('has the compliance summaries\' own figures for the agreement years beginning in the year', async () => {
    const r = (await report('hq@test.cn')).json() as ProgrammeReport;
    const summaries = await queryRows<{ region_id: number; tier: string; compliant: boolean; failing_kpis: string[]; certified_students: number; job_platform_rate: number | null; agreement_id: number }>(t.database.db,
      sql`SELECT region_id, tier, compliant, failing_kpis, certified_students, job_platform_rate, agreement_id FROM compliance_summaries WHERE extract(year FROM from_date) = ${Y}`);
    // The world's five agreements each have one agreement year beginning in Y (southA's second year; its first began before).
    expect(summaries.map((s) => s.agreement_id).sort()).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5].sort());
    expect(summaries.some((s) => s.compliant) && summaries.some((s) => !s.compliant)).toBe(true);
    const groups = new Map<string, typeof summaries>();
    for (const s of summaries) groups.set(`${s.region_id}|${s.tier}`, [...(groups.get(`${s.region_id}|${s.tier}`) ?? []), s]);
    expect(r.compliance).toHaveLength(groups.size);
    for (const [key, rows] of groups) {
      const [regionId, tier] = key.split('|');
      const got = rowOf(r.compliance, Number(regionId), tier)!;
      const compliant = rows.filter((s) => s.compliant).length;
      expect(got, key).toMatchObject({ rows: rows.length, compliant, rate: compliant / rows.length });
      expect(got.failing).toEqual(Object.fromEntries(kpiNames.map((k) => [k, rows.filter((s) => s.failing_kpis.includes(k)).length])));
      const certified = rows.reduce((n, s) => n + s.certified_students, 0);
      const active = rows.reduce((n, s) => n + Math.round((s.job_platform_rate ?? 0) * s.certified_students), 0);
      expect(rowOf(r.jobPlatform, Number(regionId), tier)).toEqual({ regionId: Number(regionId), tier, certifiedStudents: certified, activeRegistered: active, rate: certified ? active / certified : null });
    }
    // The pilot without certified instructors fails that KPI; the partner school (no thresholds) is compliant.
    expect(rowOf(r.compliance, t.fixture.regions.east.id, 'pilot_1x')!.failing.certifiedInstructors).toBe(1);
    expect(rowOf(r.compliance, t.fixture.regions.north.id, 'partner_school')).toMatchObject({ rows: 1, compliant: 1, rate: 1 });
    // Agreements by their state today.
    expect(rowOf(r.agreements, t.fixture.regions.south.id, 'talent_base')).toMatchObject({ status: 'rectifying', agreements: 1, schools: 1 });
    expect(rowOf(r.agreements, t.fixture.regions.south.id, 'pilot_1x')).toMatchObject({ status: 'terminated', agreements: 1 });
    expect(r.agreements.reduce((n, a) => n + a.agreements, 0)).toBe(5);
    expect(r).toMatchObject({ year: Y, from: `${Y}-01-01`, to: `${Y + 1}-01-01` });
    expect(r.regions.map((g) => g.code)).toEqual(['east', 'south', 'north']);
  });

  it('counts the certificates issued in the year, verified and claimed, 1+X and Operator, by the tier in force that day', async () => {
    const r = (await report('hq@test.cn')).json() as ProgrammeReport;
    const { east, south } = t.fixture.regions;
    expect(rowOf(r.certificates, east.id, 'industry_college')).toEqual({ regionId: east.id, tier: 'industry_college', verified1x: 2, claimed1x: 0, verifiedOperator: 0, claimedOperator: 1 });
    expect(rowOf(r.certificates, east.id, 'none')).toEqual({ regionId: east.id, tier: 'none', verified1x: 0, claimed1x: 1, verifiedOperator: 0, claimedOperator: 0 });
    expect(rowOf(r.certificates, south.id, 'talent_base')).toEqual({ regionId: south.id, tier: 'talent_base', verified1x: 0, claimed1x: 1, verifiedOperator: 1, claimedOperator: 0 });
    expect(r.certificates).toHaveLength(3);
  });

  it('counts the sessions held in the year with their candidates, and the pass rates (passed / sat)', async () => {
    const r = (await report('hq@test.cn')).json() as ProgrammeReport;
    expect(r.sessions.map((s) => s.id)).toEqual([ids.held, ids.empty]);
    expect(r.sessions[0]).toMatchObject({ candidates: 5, sat: 4, passed: 3, absent: 1, passRate: 0.75, examOn: `${Y}-06-15` });
    expect(r.sessions[1]).toMatchObject({ candidates: 0, sat: 0, passed: 0, passRate: null });
    const { east, south } = t.fixture.regions;
    expect(rowOf(r.candidates, east.id, 'industry_college')).toMatchObject({ candidates: 3, sat: 3, passed: 2, absent: 0, passRate: 2 / 3 });
    expect(rowOf(r.candidates, south.id, 'talent_base')).toMatchObject({ candidates: 2, sat: 1, passed: 1, absent: 1, passRate: 1 });
  });

  it('counts the rectifications opened and closed, renewals, upgrades and terminations decided in the year (China dates)', async () => {
    const r = (await report('hq@test.cn')).json() as ProgrammeReport;
    const { east, south, north } = t.fixture.regions;
    const zero = { rectificationsOpened: 0, rectificationsClosed: 0, renewals: 0, upgrades: 0, terminations: 0, nonRenewals: 0 };
    expect(rowOf(r.decisions, east.id, 'industry_college')).toEqual({ regionId: east.id, tier: 'industry_college', ...zero, rectificationsOpened: 1, rectificationsClosed: 1 });
    expect(rowOf(r.decisions, south.id, 'talent_base')).toEqual({ regionId: south.id, tier: 'talent_base', ...zero, rectificationsOpened: 1, upgrades: 1 });
    expect(rowOf(r.decisions, south.id, 'pilot_1x')).toEqual({ regionId: south.id, tier: 'pilot_1x', ...zero, rectificationsOpened: 1, rectificationsClosed: 1, terminations: 1 });
    expect(rowOf(r.decisions, north.id, 'partner_school')).toEqual({ regionId: north.id, tier: 'partner_school', ...zero, renewals: 1 });
    // eastB's termination was on the last evening of the year before (China time), and a signing is no decision.
    expect(rowOf(r.decisions, east.id, 'pilot_1x')).toBeUndefined();
  });

  it('gives regional staff their regions only', async () => {
    const r = (await report('east@test.cn')).json() as ProgrammeReport;
    const east = t.fixture.regions.east.id;
    expect(r.regions.map((g) => g.id)).toEqual([east]);
    for (const table of [r.agreements, r.compliance, r.certificates, r.candidates, r.jobPlatform, r.decisions]) {
      expect(table.length).toBeGreaterThan(0);
      expect(table.every((row) => row.regionId === east)).toBe(true);
    }
    // Only the sessions their schools had candidates in, counting only those candidates.
    expect(r.sessions.map((s) => s.id)).toEqual([ids.held]);
    expect(r.sessions[0]).toMatchObject({ candidates: 3, sat: 3, passed: 2, absent: 0 });
    const south = (await report('south@test.cn')).json() as ProgrammeReport;
    expect(south.regions.map((g) => g.code)).toEqual(['south']);
    expect(south.sessions[0]).toMatchObject({ candidates: 2, passed: 1, absent: 1 });
  });

  it('refuses schools and providers (403), and a missing, malformed or future year (400)', async () => {
    for (const email of ['school@test.cn', 'provider@test.cn']) {
      for (const format of ['json', 'xlsx', 'pdf']) {
        const res = await (await t.as(email)).get('/api/reports/programme', { year: String(Y), format });
        expect(res.statusCode, `${email} ${format}`).toBe(403);
      }
    }
    const hq = await t.as('hq@test.cn');
    for (const year of [undefined, '', 'abc', '25', '1999', '2025.5', '02025']) {
      const res = await hq.get('/api/reports/programme', year === undefined ? {} : { year });
      expect(res.statusCode, `year ${year}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'report_year_invalid', details: [{ field: 'year', code: 'report_year_invalid' }] });
    }
    const future = await hq.get('/api/reports/programme', { year: String(Y + 2) });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'report_year_in_future', params: { year: Y + 2, thisYear: Y + 1 } });
    // This year is allowed (the year so far).
    expect((await hq.get('/api/reports/programme', { year: String(Y + 1) })).statusCode).toBe(200);
    expect((await hq.get('/api/reports/programme', { year: String(Y), format: 'docx' })).statusCode).toBe(400);
    expect(() => reportYear('2031', '2030-12-31')).toThrow();
    expect(reportYear('2031', '2031-01-01')).toBe(2031);
  });

  it('downloads an .xlsx whose sheets are the tables (and charts) with the JSON\'s numbers, headers in Chinese by default', async () => {
    const json = (await report('hq@test.cn')).json() as ProgrammeReport;
    const res = await report('hq@test.cn', { format: 'xlsx' });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`attachment; filename="`);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`年度项目报告-${Y}.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const { tables, charts } = reportTables(json, 'zh');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...tables.map((x) => x.title), ...charts.map((c) => `图-${c.title}`)]);
    const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1).map((v) => v ?? null));
    // The compliance sheet, cell by cell against the JSON (and the summaries through it).
    const compliance = values('达标情况');
    expect(compliance[0].slice(0, 5)).toEqual(['大区', '层次', '协议年度数', '达标', '达标率']);
    const regionName = (id: number) => json.regions.find((g) => g.id === id)!.nameZh;
    const tierName: Record<string, string> = { industry_college: '产业学院', talent_base: '人才基地', pilot_1x: '1+X试点院校', partner_school: '阿里认证合作院校' };
    const body = compliance.slice(1, -1);
    expect(body).toHaveLength(json.compliance.length);
    for (const c of json.compliance) {
      const row = body.find((x) => x[0] === regionName(c.regionId) && x[1] === tierName[c.tier])!;
      expect(row.slice(2)).toEqual([c.rows, c.compliant, c.rate, ...kpiNames.map((k: KpiName) => c.failing[k])]);
    }
    const total = compliance.at(-1)!;
    const rows = json.compliance.reduce((n, c) => n + c.rows, 0);
    const compliant = json.compliance.reduce((n, c) => n + c.compliant, 0);
    expect(total.slice(0, 5)).toEqual(['合计', '', rows, compliant, compliant / rows]);
    // Sessions and their pass rates; decisions' totals.
    const sessions = values('考试场次');
    expect(sessions[1]).toEqual(['统考一', '1+X 初级', '统考', `${Y}-06-15`, '成绩已发布', 5, 4, 3, 1, 0.75]);
    expect(values('整改与评审决定').at(-1)).toEqual(['合计', '', 3, 2, 1, 1, 1, 0]);
    expect(values('证书').at(-1)).toEqual(['合计', '', 2, 2, 1, 1]);
    // A chart's numbers: the compliance rate of each region.
    const chart = values('图-各大区达标率');
    expect(chart.slice(1).map((x) => x[0])).toEqual(['华东', '华南', '华北']);
    // English on request.
    const en = await report('hq@test.cn', { format: 'xlsx', lang: 'en' });
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(english.worksheets[1].name).toBe('Compliance');
    expect(en.headers['content-disposition']).toContain(`programme-report-${Y}.xlsx`);
  });

  it('prints a PDF with Chromium from a page that has the tables, the totals and the charts', async () => {
    const json = (await report('hq@test.cn')).json() as ProgrammeReport;
    const html = reportHtml(json, 'zh');
    // The page the PDF is printed from: self-contained, its charts inline SVG, the tables with the JSON's totals.
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html.match(/<svg /g)?.length).toBe(5);
    for (const table of reportTables(json, 'zh').tables) {
      expect(html).toContain(`<h2>${table.title}</h2>`);
      for (const [i, v] of (table.total ?? []).entries()) expect(html).toContain(printCell(v, table.columns[i].kind, 'zh'));
    }
    expect(html).toContain('75.0%');
    const res = await report('hq@test.cn', { format: 'pdf' });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`年度项目报告-${Y}.pdf`));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThan(10);
  }, 60_000);

  it('answers 503 with what to install when Chromium is missing, never 500', async () => {
    const before = t.app.config.CHROMIUM_PATH;
    t.app.config.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await (await t.as('hq@test.cn')).get('/api/reports/programme', { year: String(Y), format: 'pdf' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'pdf_renderer_missing', params: { path: '/nonexistent/chromium' } });
      expect(res.json().message).toContain('CHROMIUM_PATH');
    } finally {
      t.app.config.CHROMIUM_PATH = before;
    }
  });

  it('takes Chromium\'s path from CHROMIUM_PATH, an absolute path (/usr/bin/chromium by default)', () => {
    expect(loadConfig({}).CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(loadConfig({ CHROMIUM_PATH: '/opt/chrome/chrome' }).CHROMIUM_PATH).toBe('/opt/chrome/chrome');
    expect(() => loadConfig({ CHROMIUM_PATH: 'chromium' })).toThrow(/CHROMIUM_PATH/);
    expect(() => loadConfig({ PDF_TIMEOUT_SECONDS: '0' })).toThrow(/PDF_TIMEOUT_SECONDS/);
  });
});
