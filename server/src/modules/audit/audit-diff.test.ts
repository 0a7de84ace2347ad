import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, format } from 'date-fns';
import type { AuditEventRecord, DeleteData, UpdateData } from '@campus/common';
import { todayInChina } from '@campus/common';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { completeItems, createDraft } from '../../../test/application-builders.js';
import { auditEvents, users } from '../../db/schema/index.js';

/**
 * issue 12, the audit diff test: an edit's event holds exactly the fields it changed, each from and to
 * (a fact, a user, an application), and a delete's events hold the deleted rows (a student and the
 * records deleted with it). The events read back through the API have the shared AuditEventRecord shape.
 */
let t: TestContext;
let school: Client;
let hq: Client;
const today = todayInChina();
const shift = (n: number) => format(addDays(new Date(`${today}T00:00:00`), n), 'yyyy-MM-dd');

beforeAll(async () => {
  t = await createTestApp();
  school = await t.as('school@test.cn');
  hq = await t.as('hq@test.cn');
});
afterAll(async () => { await t?.close(); });

const eventsOf = (entityType: string, entityId: number) => t.database.db.select().from(auditEvents)
  .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId))).orderBy(asc(auditEvents.id));
const created = async (url: string, body: Record<string, unknown>) => {
  const res = await school.post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const changesOf = (data: unknown) => (data as UpdateData).changes;

describe('an edit records exactly the fields it changed, from and to', () => {
  it('a fact', async () => {
    const s = await created('/api/students', { studentNo: 'AD1', name: '李明', cohortYear: 2024 });
    const cert = await created('/api/certificates', { studentId: s.id, kind: 'operator', issuedOn: shift(-10) });
    expect((await school.put(`/api/certificates/${cert.id}`, { ...cert, certNo: 'OP-1', issuedOn: shift(-9) })).statusCode).toBe(200);
    const update = (await eventsOf('certificate', cert.id)).find((e) => e.action === 'update')!;
    expect(changesOf(update.data)).toEqual({ certNo: { from: null, to: 'OP-1' }, issuedOn: { from: shift(-10), to: shift(-9) } });
  });

  it('a user', async () => {
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'school2@test.cn'));
    const res = await hq.put(`/api/users/${user.id}`, { name: '学校C 管理员', locale: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    const update = (await eventsOf('user', user.id)).find((e) => e.action === 'update')!;
    expect(update.data).toEqual({ changes: { name: { from: '学校C', to: '学校C 管理员' }, locale: { from: 'zh', to: 'en' } }, passwordChanged: false });
  });

  it('an application: the plan by the path of each value, the plan items as a list; a save that changes nothing is not an event', async () => {
    const draft = await createDraft(school, 'talent_base');
    const save = async (patch: Record<string, unknown>) => {
      const current = (await school.get(`/api/applications/${draft.id}`)).json();
      const res = await school.put(`/api/applications/${draft.id}`, { version: current.version, ...patch });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const plan = { ...draft.plan, contact: { ...draft.plan.contact, name: '陈老师' } };
    await save({ plan, pledge: false });
    await save({ plan, pledge: false });
    const titles = [...completeItems.map((i) => ({ ...i })), { kind: 'job_fair', title: '春季双选会' }];
    await save({ planItems: titles });
    const updates = (await eventsOf('application', draft.id)).filter((e) => e.action === 'update');
    expect(updates).toHaveLength(2);
    expect(changesOf(updates[0].data)).toEqual({
      'plan.contact.name': { from: draft.plan.contact.name, to: '陈老师' },
      pledge: { from: true, to: false },
    });
    const items = changesOf(updates[1].data);
    expect(Object.keys(items)).toEqual(['planItems']);
    expect((items.planItems.to as { title: string }[]).map((i) => i.title)).toEqual([...completeItems.map((i) => i.title), '春季双选会']);
    expect((items.planItems.from as { title: string }[]).map((i) => i.title)).toEqual(completeItems.map((i) => i.title));
    expect(updates[0]).toMatchObject({ schoolId: t.fixture.schools.eastA.id, fromState: null, toState: null });
    expect((await school.delete(`/api/applications/${draft.id}`)).statusCode).toBe(200);
  });
});

describe('a delete records the deleted rows', () => {
  it('a student with dependents: its event and each dependant\'s carry the deleted row', async () => {
    const s = await created('/api/students', { studentNo: 'AD2', name: '赵磊', cohortYear: 2024 });
    const cert = await created('/api/certificates', { studentId: s.id, kind: '1x_junior', issuedOn: shift(-20), certNo: 'X-1' });
    const practice = await created('/api/practice-records', { studentId: s.id, project: '店铺运营实战', hours: 16, practicedOn: shift(-12) });
    expect((await school.delete(`/api/students/${s.id}`)).statusCode).toBe(200);

    const [student] = (await eventsOf('student', s.id)).filter((e) => e.action === 'delete');
    expect((student.data as DeleteData).deleted).toMatchObject({ id: s.id, studentNo: 'AD2', name: '赵磊', cohortYear: 2024 });
    expect((student.data as DeleteData).alsoDeleted).toMatchObject({ certificate: 1, practice_record: 1 });
    const [certEvent] = (await eventsOf('certificate', cert.id)).filter((e) => e.action === 'delete');
    expect(certEvent.data).toMatchObject({ deleted: { id: cert.id, kind: '1x_junior', certNo: 'X-1', issuedOn: shift(-20) }, deletedWith: { entityType: 'student', entityId: s.id } });
    const [practiceEvent] = (await eventsOf('practice_record', practice.id)).filter((e) => e.action === 'delete');
    expect(practiceEvent.data).toMatchObject({ deleted: { id: practice.id, hours: 16, practicedOn: shift(-12) }, deletedWith: { entityType: 'student', entityId: s.id } });

    // What the web reads: the shared record type, the deleted row in data.
    const history = (await school.get('/api/audit-events', listQuery({ filter: { entityType: 'certificate', entityId: cert.id }, sort: ['id', 'ASC'] }))).json() as AuditEventRecord[];
    const read = history.find((e) => e.action === 'delete')!;
    expect(read.entityType === 'certificate' && read.action === 'delete' && read.data?.deleted.id).toBe(cert.id);
  });
});
