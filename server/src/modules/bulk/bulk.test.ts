import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { auditEvents, feedback, students } from '../../db/schema/index.js';

/**
 * Bulk actions on selected records: one transaction (a record outside the user's scope, or refused by
 * its rules, refuses all of them), each record audited on its own, the scope checked per record.
 */
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function addStudents(email: string, prefix: string, n: number) {
  const c = await t.as(email);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await c.post('/api/students', { studentNo: `${prefix}${i}`, name: `学生${i}`, cohortYear: 2022 });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return ids;
}

describe('students: mark left on a day', () => {
  it('marks every selected student graduated in one action, each audited with its changes', async () => {
    const ids = await addStudents('school@test.cn', 'BG', 5);
    const c = await t.as('school@test.cn');
    const res = await c.post('/api/students/bulk/leave', { ids, leftOn: '2025-06-30', leftReason: 'graduated' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 5 });
    const rows = await t.database.db.select().from(students).where(inArray(students.id, ids));
    expect(rows.every((r) => r.leftOn === '2025-06-30' && r.leftReason === 'graduated')).toBe(true);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'student'), inArray(auditEvents.entityId, ids), eq(auditEvents.action, 'update')));
    expect(events).toHaveLength(5);
    expect(events[0].data).toMatchObject({ changes: { leftOn: { from: null, to: '2025-06-30' }, leftReason: { from: null, to: 'graduated' } } });
    // The graduates now count in teaching delivery's denominator: the compliance row names them.
    const list = await c.get('/api/students', { filter: JSON.stringify({ leftReason: 'graduated', graduatedFrom: '2025-01-01' }), range: '[0,99]' });
    expect(list.json().map((s: { id: number }) => s.id)).toEqual(expect.arrayContaining(ids));
  });

  it('refuses all when one student is another school’s (404 naming it), changing nothing', async () => {
    const own = await addStudents('school@test.cn', 'BO', 2);
    const [other] = await addStudents('school2@test.cn', 'BX', 1);
    const c = await t.as('school@test.cn');
    const res = await c.post('/api/students/bulk/leave', { ids: [...own, other], leftOn: '2025-06-30', leftReason: 'withdrew' });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'ids', code: 'not_found', params: expect.objectContaining({ id: other }) })]);
    const rows = await t.database.db.select().from(students).where(inArray(students.id, [...own, other]));
    expect(rows.every((r) => r.leftOn === null)).toBe(true);
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'student'), inArray(auditEvents.entityId, [...own, other]), eq(auditEvents.action, 'update')))).toHaveLength(0);
  });

  it('refuses all when one student’s rules refuse (left before enrolment), in one transaction', async () => {
    const ids = await addStudents('school@test.cn', 'BR', 2);
    const c = await t.as('school@test.cn');
    await c.put(`/api/students/${ids[1]}`, { enrolledOn: '2025-09-01' });
    const res = await c.post('/api/students/bulk/leave', { ids, leftOn: '2025-07-01', leftReason: 'graduated' });
    expect(res.statusCode, res.body).toBe(400);
    const rows = await t.database.db.select().from(students).where(inArray(students.id, ids));
    expect(rows.every((r) => r.leftOn === null)).toBe(true);
  });

  it('is for the school itself: staff who read students may not', async () => {
    const ids = await addStudents('school@test.cn', 'BH', 1);
    expect((await (await t.as('hq@test.cn')).post('/api/students/bulk/leave', { ids, leftOn: '2025-06-30', leftReason: 'graduated' })).statusCode).toBe(403);
    expect((await (await t.as('school@test.cn')).post('/api/students/bulk/leave', { ids: [], leftOn: '2025-06-30', leftReason: 'graduated' })).statusCode).toBe(400);
  });
});

describe('feedback: close', () => {
  it('closes the selected feedback, each audited; a stale version refuses all', async () => {
    const school = await t.as('school@test.cn');
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await school.post('/api/feedback', { providerId: t.fixture.provider.id, subject: `反馈${i}`, body: '内容' })).json());
    const hq = await t.as('hq@test.cn');
    const stale = await hq.post('/api/feedback/bulk/close', { items: made.map((f, i) => ({ id: f.id, version: i === 2 ? f.version + 5 : f.version })) });
    expect(stale.statusCode, stale.body).toBe(409);
    expect((await t.database.db.select().from(feedback).where(inArray(feedback.id, made.map((f) => f.id)))).every((f) => f.status === 'open')).toBe(true);

    const res = await hq.post('/api/feedback/bulk/close', { items: made.map((f) => ({ id: f.id, version: f.version })) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 3 });
    expect((await t.database.db.select().from(feedback).where(inArray(feedback.id, made.map((f) => f.id)))).every((f) => f.status === 'closed')).toBe(true);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'feedback'), inArray(auditEvents.entityId, made.map((f) => f.id)), eq(auditEvents.action, 'close')));
    expect(events).toHaveLength(3);
    // A school may not close (the workflow's roles).
    expect((await school.post('/api/feedback/bulk/close', { items: [{ id: made[0].id, version: made[0].version }] })).statusCode).toBeGreaterThanOrEqual(400);
  });
});
