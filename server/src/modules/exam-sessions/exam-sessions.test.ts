import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { fixClock, todayInChina } from '@campus/common';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, examCandidates, examSites, notifications, students } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
afterEach(() => { fixClock(undefined); });

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = () => todayInChina();

let seq = 0;
/** An approved site, inserted directly (its approval is exam-sites.test.ts's subject). */
async function approvedSite(over: Partial<typeof examSites.$inferInsert> = {}) {
  const [row] = await t.database.db.insert(examSites).values({
    name: `考点${++seq}`, schoolId: t.fixture.schools.eastA.id, regionId: t.fixture.regions.east.id, address: '杭州', capacity: 50,
    kinds: ['1x_junior', 'operator'], contactName: '王老师', contactPhone: '0571-86730000', status: 'approved', ...over,
  }).returning();
  return row;
}
async function student(schoolId: number, over: Partial<typeof students.$inferInsert> = {}) {
  const [row] = await t.database.db.insert(students).values({ schoolId, studentNo: `S${++seq}`, name: `学生${seq}`, cohortYear: 2024, enrolledOn: '2024-09-01', ...over }).returning();
  return row;
}
const sessionBody = (siteIds: number[], over: Record<string, unknown> = {}) => ({
  title: `统考 ${++seq}`, sessionType: 'unified', kind: '1x_junior', examOn: addDays(today(), 30),
  registrationOpensOn: today(), registrationClosesOn: addDays(today(), 10), siteIds, ...over,
});
async function schedule(siteIds: number[], over: Record<string, unknown> = {}) {
  const res = await (await t.as('hq@test.cn')).post('/api/exam-sessions', sessionBody(siteIds, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; sites: { siteId: number; seatsLeft: number; registered: number }[] };
}
const register = async (email: string, body: Record<string, unknown>) => (await t.as(email)).post('/api/exam-candidates', body);
const codes = (res: { json(): { details?: { field?: string; code: string; row?: number }[] } }) => (res.json().details ?? []).map((d) => d.code);
const ids = (body: string) => (JSON.parse(body) as { id: number }[]).map((r) => r.id);
const csv = (text: string) => ({ method: 'POST' as const, payload: text, headers: { 'content-type': 'text/csv' } });

describe('scheduling an exam session', () => {
  it('HQ schedules it at approved sites of its kind; everyone but providers reads it with its sites\' seats; only HQ schedules', async () => {
    const a = await approvedSite({ capacity: 40 });
    const b = await approvedSite({ schoolId: t.fixture.schools.southA.id, regionId: t.fixture.regions.south.id, capacity: 30 });
    const created = await schedule([a.id, b.id]);
    expect(created).toMatchObject({ status: 'scheduled', version: 1, siteIds: [a.id, b.id].sort((x, y) => x - y), registrationOpen: true, allowedActions: ['close_registration', 'cancel'], candidates: 0 });
    expect(created.sites).toEqual(expect.arrayContaining([expect.objectContaining({ siteId: a.id, capacity: 40, registered: 0, seatsLeft: 40 })]));
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_session'), eq(auditEvents.entityId, created.id)));
    expect(event).toMatchObject({ action: 'create', toState: 'scheduled' });
    for (const email of ['east@test.cn', 'school@test.cn', 'school2@test.cn']) {
      const c = await t.as(email);
      expect(ids((await c.get('/api/exam-sessions', listQuery({ range: [0, 999] }))).body), email).toContain(created.id);
      expect((await c.get(`/api/exam-sessions/${created.id}`)).json().allowedActions, email).toEqual([]);
      expect((await c.post('/api/exam-sessions', sessionBody([a.id]))).statusCode, email).toBe(403);
    }
    expect((await (await t.as('provider@test.cn')).get('/api/exam-sessions')).statusCode).toBe(403);
  });

  it('refuses a window out of order, a past date, unknown, unapproved or unsuitable sites, and a site session at two sites', async () => {
    const a = await approvedSite();
    const b = await approvedSite();
    const proposed = await approvedSite({ status: 'proposed' });
    const operatorOnly = await approvedSite({ kinds: ['operator'] });
    const hq = await t.as('hq@test.cn');
    const cases: [Record<string, unknown>, string, string][] = [
      [sessionBody([a.id], { registrationClosesOn: addDays(today(), 40) }), 'examOn', 'exam_window_order'],
      [sessionBody([a.id], { registrationOpensOn: addDays(today(), 11) }), 'registrationClosesOn', 'exam_window_order'],
      [sessionBody([a.id], { registrationOpensOn: addDays(today(), -20), registrationClosesOn: addDays(today(), -10), examOn: addDays(today(), -1) }), 'examOn', 'exam_date_past'],
      [sessionBody([a.id, 999_999]), 'siteIds', 'exam_sites_unknown'],
      [sessionBody([proposed.id]), 'siteIds', 'exam_site_not_approved'],
      [sessionBody([operatorOnly.id]), 'siteIds', 'exam_site_kind_missing'],
      [sessionBody([a.id, b.id], { sessionType: 'site' }), 'siteIds', 'exam_site_session_one_site'],
    ];
    for (const [body, field, code] of cases) {
      const res = await hq.post('/api/exam-sessions', body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().details, code).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect((await hq.post('/api/exam-sessions', sessionBody([a.id], { sessionType: 'site' }))).statusCode).toBe(201);
  });

  it('HQ edits it while scheduled: kind and type fixed and sites with candidates kept once candidates register; a closed session is fixed', async () => {
    const a = await approvedSite();
    const b = await approvedSite();
    const s = await schedule([a.id, b.id]);
    const hq = await t.as('hq@test.cn');
    const renamed = await hq.put(`/api/exam-sessions/${s.id}`, { ...s, title: '2026 年春季统考' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: '2026 年春季统考', version: 2 });
    const st = await student(t.fixture.schools.eastA.id);
    expect((await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: st.id })).statusCode).toBe(201);
    const kind = await hq.put(`/api/exam-sessions/${s.id}`, { version: 2, kind: 'operator' });
    expect(codes(kind)).toEqual(['exam_session_kind_locked']);
    const drop = await hq.put(`/api/exam-sessions/${s.id}`, { version: 2, siteIds: [b.id] });
    expect(codes(drop)).toEqual(['exam_session_site_has_candidates']);
    const keep = await hq.put(`/api/exam-sessions/${s.id}`, { version: 2, siteIds: [a.id] });
    expect(keep.json().siteIds).toEqual([a.id]);
    expect((await (await t.as('school@test.cn')).put(`/api/exam-sessions/${s.id}`, { version: 3, title: 'x' })).statusCode).toBe(403);
    expect((await hq.post(`/api/exam-sessions/${s.id}/actions/close_registration`, { version: 3 })).statusCode).toBe(200);
    const late = await hq.put(`/api/exam-sessions/${s.id}`, { version: 4, title: '改名' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('exam_session_not_editable');
  });
});

describe('registering candidates', () => {
  it('a school registers its own student at one of the session\'s sites, audited; the seats left follow', async () => {
    const a = await approvedSite({ capacity: 3 });
    const s = await schedule([a.id]);
    const st = await student(t.fixture.schools.eastA.id);
    const res = await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: st.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sessionId: s.id, siteId: a.id, studentId: st.id, studentNo: st.studentNo, schoolId: t.fixture.schools.eastA.id, withdrawable: true, result: null });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_candidate'), eq(auditEvents.entityId, res.json().id)));
    expect(event).toMatchObject({ action: 'register', schoolId: t.fixture.schools.eastA.id, data: { sessionId: s.id, siteId: a.id, studentId: st.id } });
    const shown = (await (await t.as('school2@test.cn')).get(`/api/exam-sessions/${s.id}`)).json();
    expect(shown.sites[0]).toMatchObject({ registered: 1, seatsLeft: 2 });
    expect(shown.candidates).toBe(0);
    expect((await (await t.as('school@test.cn')).get(`/api/exam-sessions/${s.id}`)).json().candidates).toBe(1);
    for (const email of ['hq@test.cn', 'east@test.cn', 'provider@test.cn']) expect((await register(email, { sessionId: s.id, siteId: a.id, studentId: st.id })).statusCode, email).toBe(403);
  });

  it('refuses, with 400 on the field and nothing changed: another school\'s or an unknown student, a student who left, the same student twice, a site not in the session, an unknown session', async () => {
    const a = await approvedSite();
    const other = await approvedSite();
    const s = await schedule([a.id]);
    const mine = await student(t.fixture.schools.eastA.id);
    const theirs = await student(t.fixture.schools.southA.id);
    const left = await student(t.fixture.schools.eastA.id, { leftOn: '2025-06-30', leftReason: 'graduated' });
    const before = (await t.database.db.select().from(examCandidates)).length;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ sessionId: s.id, siteId: a.id, studentId: theirs.id }, 'studentId', 'exam_student_unknown'],
      [{ sessionId: s.id, siteId: a.id, studentId: 999_999 }, 'studentId', 'exam_student_unknown'],
      [{ sessionId: s.id, siteId: a.id, studentId: left.id }, 'studentId', 'exam_student_left'],
      [{ sessionId: s.id, siteId: other.id, studentId: mine.id }, 'siteId', 'exam_site_not_in_session'],
      [{ sessionId: 999_999, siteId: a.id, studentId: mine.id }, 'sessionId', 'exam_session_unknown'],
    ];
    for (const [body, field, code] of cases) {
      const res = await register('school@test.cn', body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().details, code).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect((await t.database.db.select().from(examCandidates)).length).toBe(before);
    expect((await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: mine.id })).statusCode).toBe(201);
    const twice = await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: mine.id });
    expect(twice.statusCode).toBe(400);
    expect(codes(twice)).toEqual(['exam_student_twice']);
  });

  it('only within the window (China date) and while the session is scheduled', async () => {
    const a = await approvedSite();
    const s = await schedule([a.id], { registrationOpensOn: addDays(today(), 2), registrationClosesOn: addDays(today(), 5) });
    const st = await student(t.fixture.schools.eastA.id);
    const body = { sessionId: s.id, siteId: a.id, studentId: st.id };
    const early = await register('school@test.cn', body);
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0]).toMatchObject({ field: 'sessionId', code: 'exam_registration_not_open' });
    const base = today();
    fixClock(addDays(base, 6));
    expect(codes(await register('school@test.cn', body))).toEqual(['exam_registration_not_open']);
    fixClock(addDays(base, 5));
    expect((await register('school@test.cn', body)).statusCode).toBe(201);
    const closed = await schedule([a.id]);
    await (await t.as('hq@test.cn')).post(`/api/exam-sessions/${closed.id}/actions/close_registration`, { version: 1 });
    expect(codes(await register('school@test.cn', { sessionId: closed.id, siteId: a.id, studentId: st.id }))).toEqual(['exam_registration_not_open']);
  });

  it('within the site\'s capacity, counting every school\'s candidates; two schools racing for the last seat: one gets it', async () => {
    const a = await approvedSite({ capacity: 2 });
    const s = await schedule([a.id]);
    const e1 = await student(t.fixture.schools.eastA.id);
    const e2 = await student(t.fixture.schools.eastA.id);
    const s1 = await student(t.fixture.schools.southA.id);
    expect((await register('school2@test.cn', { sessionId: s.id, siteId: a.id, studentId: s1.id })).statusCode).toBe(201);
    const [east, south] = [await t.as('school@test.cn'), await t.as('school2@test.cn')];
    const s2 = await student(t.fixture.schools.southA.id);
    const race = await Promise.all([
      east.post('/api/exam-candidates', { sessionId: s.id, siteId: a.id, studentId: e1.id }),
      south.post('/api/exam-candidates', { sessionId: s.id, siteId: a.id, studentId: s2.id }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(codes(race.find((r) => r.statusCode === 400)!)).toEqual(['exam_site_full']);
    const full = await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: e2.id });
    expect(full.json().details[0]).toMatchObject({ field: 'siteId', code: 'exam_site_full', params: { capacity: 2, left: 0 } });
    expect(await t.database.db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id))).toHaveLength(2);
  });

  it('in bulk: all or none, each problem on its studentIds entry; audited per candidate', async () => {
    const a = await approvedSite({ capacity: 3 });
    const s = await schedule([a.id]);
    const st = await Promise.all([1, 2, 3, 4].map(() => student(t.fixture.schools.eastA.id)));
    const school = await t.as('school@test.cn');
    const over = await school.post('/api/exam-candidates/bulk/register', { sessionId: s.id, siteId: a.id, studentIds: st.map((x) => x.id) });
    expect(over.statusCode).toBe(400);
    expect(over.json().details).toEqual([expect.objectContaining({ field: 'siteId', code: 'exam_site_full' })]);
    const bad = await school.post('/api/exam-candidates/bulk/register', { sessionId: s.id, siteId: a.id, studentIds: [st[0].id, st[0].id] });
    expect(bad.json().details).toEqual([expect.objectContaining({ field: 'studentIds.1', code: 'exam_student_twice' })]);
    expect(await t.database.db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id))).toHaveLength(0);
    const ok = await school.post('/api/exam-candidates/bulk/register', { sessionId: s.id, siteId: a.id, studentIds: st.slice(0, 3).map((x) => x.id) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 3 });
    const audited = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_candidate'), eq(auditEvents.action, 'register')));
    expect(audited.filter((e) => (ok.json().ids as number[]).includes(e.entityId)).map((e) => (e.data as { via?: string }).via)).toEqual(['bulk', 'bulk', 'bulk']);
  });

  it('by import (student number and site, by its name or number): all rows or none, each problem on its row', async () => {
    const a = await approvedSite({ name: '导入考点', capacity: 10 });
    const s = await schedule([a.id]);
    const st = await Promise.all([1, 2].map(() => student(t.fixture.schools.eastA.id)));
    const theirs = await student(t.fixture.schools.southA.id);
    const school = await t.as('school@test.cn');
    const post = (text: string) => t.app.inject({ ...csv(text), url: '/api/exam-candidates/import', headers: { ...csv(text).headers, cookie: school.cookie } });
    const bad = await post(`考试场次编号,学号,考点\n${s.id},${st[0].studentNo},导入考点\n${s.id},${theirs.studentNo},导入考点\n${s.id},${st[1].studentNo},别的考点\n`);
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().details).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 3, field: 'studentNo', code: 'exam_student_unknown' }),
      expect.objectContaining({ row: 4, field: 'site', code: 'exam_site_not_in_session' }),
    ]));
    expect(await t.database.db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id))).toHaveLength(0);
    const ok = await post(`sessionId,studentNo,site\n${s.id},${st[0].studentNo},导入考点\n${s.id},${st[1].studentNo},${a.id}\n`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2 });
    expect(await t.database.db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id))).toHaveLength(2);
  });
});

describe('reading, withdrawing and exporting candidates', () => {
  it('HQ reads all candidates; regional staff their regions\' schools\'; a school its own; providers none', async () => {
    const a = await approvedSite();
    const s = await schedule([a.id]);
    const east = (await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: (await student(t.fixture.schools.eastA.id)).id })).json();
    const south = (await register('school2@test.cn', { sessionId: s.id, siteId: a.id, studentId: (await student(t.fixture.schools.southA.id)).id })).json();
    const seen = async (email: string) => ids((await (await t.as(email)).get('/api/exam-candidates', listQuery({ filter: { sessionId: s.id }, range: [0, 999] }))).body);
    expect(await seen('hq@test.cn')).toEqual(expect.arrayContaining([east.id, south.id]));
    expect(await seen('east@test.cn')).toEqual([east.id]);
    expect(await seen('south@test.cn')).toEqual([south.id]);
    expect(await seen('school@test.cn')).toEqual([east.id]);
    expect(await seen('school2@test.cn')).toEqual([south.id]);
    expect((await (await t.as('school@test.cn')).get(`/api/exam-candidates/${south.id}`)).statusCode).toBe(404);
    expect((await (await t.as('provider@test.cn')).get('/api/exam-candidates')).statusCode).toBe(403);
  });

  it('a school withdraws its own candidate while registration is open (audited), not another school\'s, not after the window', async () => {
    const a = await approvedSite();
    const s = await schedule([a.id], { registrationClosesOn: addDays(today(), 3) });
    const c1 = (await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: (await student(t.fixture.schools.eastA.id)).id })).json();
    const c2 = (await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: (await student(t.fixture.schools.eastA.id)).id })).json();
    expect((await (await t.as('school2@test.cn')).delete(`/api/exam-candidates/${c1.id}`)).statusCode).toBe(404);
    expect((await (await t.as('hq@test.cn')).delete(`/api/exam-candidates/${c1.id}`)).statusCode).toBe(403);
    const school = await t.as('school@test.cn');
    const res = await school.delete(`/api/exam-candidates/${c1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: c1.id });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_candidate'), eq(auditEvents.entityId, c1.id), eq(auditEvents.action, 'withdraw')));
    expect(event).toMatchObject({ schoolId: t.fixture.schools.eastA.id, data: { deleted: expect.objectContaining({ id: c1.id, sessionId: s.id }) } });
    fixClock(addDays(today(), 4));
    const late = await school.delete(`/api/exam-candidates/${c2.id}`);
    expect(late.statusCode).toBe(400);
    expect(codes(late)).toEqual(['exam_registration_not_open']);
    fixClock(undefined);
    expect(await t.database.db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id))).toHaveLength(1);
  });

  it('exports the candidates the reader may see as CSV with a BOM and Chinese headers, per site when asked', async () => {
    const a = await approvedSite({ name: '甲考点' });
    const b = await approvedSite({ name: '乙考点' });
    const s = await schedule([a.id, b.id], { title: '导出统考' });
    const e1 = await student(t.fixture.schools.eastA.id, { name: '张三' });
    const e2 = await student(t.fixture.schools.eastA.id, { name: '=李四' });
    const s1 = await student(t.fixture.schools.southA.id, { name: '王五' });
    await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: e1.id });
    await register('school@test.cn', { sessionId: s.id, siteId: b.id, studentId: e2.id });
    await register('school2@test.cn', { sessionId: s.id, siteId: a.id, studentId: s1.id });
    const hq = await (await t.as('hq@test.cn')).get(`/api/exam-sessions/${s.id}/candidates/export`);
    expect(hq.statusCode, hq.body).toBe(200);
    expect(hq.headers['content-type']).toMatch(/text\/csv/);
    expect(hq.body.startsWith('\ufeff考试场次,证书,考试日期,考点,院校,学号,姓名,报名时间\r\n')).toBe(true);
    expect(hq.body).toContain('张三');
    expect(hq.body).toContain('王五');
    expect(hq.body).toContain("'=李四");
    expect(hq.body).toContain('1+X初级');
    const siteA = await (await t.as('hq@test.cn')).get(`/api/exam-sessions/${s.id}/candidates/export`, { siteId: String(a.id) });
    expect(siteA.body).not.toContain('李四');
    expect(siteA.headers['content-disposition']).toContain(`site-${a.id}`);
    const school = (await (await t.as('school@test.cn')).get(`/api/exam-sessions/${s.id}/candidates/export`)).body;
    expect(school).toContain('张三');
    expect(school).not.toContain('王五');
    const south = (await (await t.as('south@test.cn')).get(`/api/exam-sessions/${s.id}/candidates/export`)).body;
    expect(south).toContain('王五');
    expect(south).not.toContain('张三');
    const foreign = await approvedSite();
    expect((await (await t.as('hq@test.cn')).get(`/api/exam-sessions/${s.id}/candidates/export`, { siteId: String(foreign.id) })).statusCode).toBe(400);
    expect((await (await t.as('provider@test.cn')).get(`/api/exam-sessions/${s.id}/candidates/export`)).statusCode).toBe(403);
  });
});

describe('closing registration and cancelling', () => {
  it('HQ closes registration: audited, the schools with candidates notified; others may not; a stale version or a closed session is 409', async () => {
    const a = await approvedSite();
    const s = await schedule([a.id]);
    await register('school@test.cn', { sessionId: s.id, siteId: a.id, studentId: (await student(t.fixture.schools.eastA.id)).id });
    for (const email of ['east@test.cn', 'school@test.cn']) expect((await (await t.as(email)).post(`/api/exam-sessions/${s.id}/actions/close_registration`, { version: 1 })).statusCode, email).toBe(403);
    const hq = await t.as('hq@test.cn');
    expect((await hq.post(`/api/exam-sessions/${s.id}/actions/close_registration`, { version: 5 })).statusCode).toBe(409);
    const res = await hq.post(`/api/exam-sessions/${s.id}/actions/close_registration`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', version: 2, registrationOpen: false });
    expect(res.json().allowedActions).not.toContain('close_registration');
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_session'), eq(auditEvents.entityId, s.id), eq(auditEvents.action, 'close_registration')));
    expect(event).toMatchObject({ fromState: 'scheduled', toState: 'closed', data: { schoolsNotified: [t.fixture.schools.eastA.id] } });
    const notes = await t.database.db.select().from(notifications).where(and(eq(notifications.entityType, 'exam_session'), eq(notifications.entityId, s.id)));
    expect(notes.map((n) => n.userId)).toEqual([t.fixture.users['school@test.cn'].id]);
    expect((await hq.post(`/api/exam-sessions/${s.id}/actions/cancel`, { version: 2 })).statusCode).toBe(409);
    const other = await schedule([a.id]);
    expect((await hq.post(`/api/exam-sessions/${other.id}/actions/cancel`, { version: 1, comment: '疫情' })).json()).toMatchObject({ status: 'cancelled' });
  });
});
