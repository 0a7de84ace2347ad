import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, format } from 'date-fns';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { auditEvents, courses } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';

/**
 * issue 11 item 11 (facts): every fact update is audited with what changed, from and to; every
 * delete with the deleted row; deleting a student audits each certificate, practice record,
 * registration and course completion that goes with it, on that record's own history.
 */
let t: TestContext;
let school: Client;
let courseId: number;
const today = todayInChina();
const shift = (n: number) => format(addDays(new Date(`${today}T00:00:00`), n), 'yyyy-MM-dd');

beforeAll(async () => {
  t = await createTestApp();
  school = await t.as('school@test.cn');
  const [c] = await t.database.db.insert(courses).values({ kind: 'official_textbook', code: 'C-1', title: '跨境电商B2B店铺运营实战', classHours: 32 }).returning();
  courseId = c.id;
});
afterAll(async () => { await t?.close(); });

const eventsOf = (entityType: string, entityId: number) => t.database.db.select().from(auditEvents)
  .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId))).orderBy(asc(auditEvents.id));
const created = async (url: string, body: Record<string, unknown>) => {
  const res = await school.post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('fact updates are audited with what changed', () => {
  it('an edit records only the changed fields, each from and to', async () => {
    const s = await created('/api/students', { studentNo: 'U1', name: '李明', cohortYear: 2024 });
    const cert = await created('/api/certificates', { studentId: s.id, kind: 'operator', issuedOn: shift(-10) });
    const res = await school.put(`/api/certificates/${cert.id}`, { ...cert, certNo: 'OP-2026-1', issuedOn: shift(-9) });
    expect(res.statusCode, res.body).toBe(200);
    const [, update] = await eventsOf('certificate', cert.id);
    expect(update).toMatchObject({ action: 'update', data: { changes: { certNo: { from: null, to: 'OP-2026-1' }, issuedOn: { from: shift(-10), to: shift(-9) } } } });
    expect(Object.keys((update.data as { changes: object }).changes).sort()).toEqual(['certNo', 'issuedOn']);
  });

  it('the application dates of a registration are recorded too', async () => {
    const s = await created('/api/students', { studentNo: 'U2', name: '王芳', cohortYear: 2024 });
    const reg = await created('/api/job-registrations', { studentId: s.id, registeredOn: shift(-20), resumeCompleteness: 60, applicationDates: [shift(-15)] });
    expect((await school.put(`/api/job-registrations/${reg.id}`, { resumeCompleteness: 85, applicationDates: [shift(-15), shift(-3)] })).statusCode).toBe(200);
    const [, update] = await eventsOf('job_registration', reg.id);
    expect((update.data as { changes: unknown }).changes).toEqual({
      resumeCompleteness: { from: 60, to: 85 },
      applicationDates: { from: [shift(-15)], to: [shift(-15), shift(-3)] },
    });
  });

  it('the school reads the change in the record\'s history', async () => {
    const s = await created('/api/students', { studentNo: 'U3', name: '张伟', cohortYear: 2024 });
    expect((await school.put(`/api/students/${s.id}`, { name: '张伟伟' })).statusCode).toBe(200);
    const history = (await school.get('/api/audit-events', listQuery({ filter: { entityType: 'student', entityId: s.id }, sort: ['id', 'ASC'] }))).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(history[1].data).toEqual({ changes: { name: { from: '张伟', to: '张伟伟' } } });
  });
});

describe('deletes are audited with the deleted rows', () => {
  it('a deleted job fair keeps its row in the audit event', async () => {
    const fair = await created('/api/job-fairs', { title: '秋季双选会', heldOn: shift(-5), employers: 30 });
    expect((await school.delete(`/api/job-fairs/${fair.id}`)).statusCode).toBe(200);
    const [, removed] = await eventsOf('job_fair', fair.id);
    expect(removed).toMatchObject({ action: 'delete', data: { deleted: { id: fair.id, title: '秋季双选会', heldOn: shift(-5), employers: 30 } } });
  });

  it('deleting a student writes an event for the student and for each record deleted with it', async () => {
    const s = await created('/api/students', { studentNo: 'D1', name: '赵磊', cohortYear: 2024 });
    const c1 = await created('/api/certificates', { studentId: s.id, kind: 'operator', issuedOn: shift(-30), certNo: 'OP-1' });
    const c2 = await created('/api/certificates', { studentId: s.id, kind: '1x_junior', issuedOn: shift(-20) });
    const p = await created('/api/practice-records', { studentId: s.id, project: '店铺运营实战', hours: 16, practicedOn: shift(-12) });
    const r = await created('/api/job-registrations', { studentId: s.id, registeredOn: shift(-25), resumeCompleteness: 90, applicationDates: [shift(-24), shift(-2)] });
    const cc = await created('/api/course-completions', { studentId: s.id, courseId, completedOn: shift(-40) });

    const res = await school.delete(`/api/students/${s.id}`);
    expect(res.statusCode, res.body).toBe(200);

    const [student] = (await eventsOf('student', s.id)).filter((e) => e.action === 'delete');
    expect(student.data).toMatchObject({ deleted: { id: s.id, studentNo: 'D1', name: '赵磊' } });
    const deletedWith = { entityType: 'student', entityId: s.id };
    const expectDeleted = async (type: string, id: number, row: Record<string, unknown>) => {
      const events = (await eventsOf(type, id)).filter((e) => e.action === 'delete');
      expect(events, `${type} #${id}`).toHaveLength(1);
      expect(events[0]).toMatchObject({ schoolId: t.fixture.schools.eastA.id, data: { deleted: { id, ...row }, deletedWith } });
    };
    await expectDeleted('certificate', c1.id, { kind: 'operator', issuedOn: shift(-30), certNo: 'OP-1', studentId: s.id });
    await expectDeleted('certificate', c2.id, { kind: '1x_junior', issuedOn: shift(-20) });
    await expectDeleted('practice_record', p.id, { project: '店铺运营实战', hours: 16, practicedOn: shift(-12) });
    await expectDeleted('job_registration', r.id, { registeredOn: shift(-25), applicationDates: [shift(-24), shift(-2)] });
    await expectDeleted('course_completion', cc.id, { courseId, completedOn: shift(-40) });
    // The certificate's own history, as the school reads it, ends with its deletion.
    const history = (await school.get('/api/audit-events', listQuery({ filter: { entityType: 'certificate', entityId: c1.id }, sort: ['id', 'ASC'] }))).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'delete']);
  });
});
