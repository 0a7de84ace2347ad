import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addDays, format, parseISO } from 'date-fns';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { XLSX_TYPE } from '../import/index.js';
import { xlsxFile } from '../import/test-files.js';
import { agreements, auditEvents, complianceSummaries, instructorCertifications, instructorTrainingParticipants, instructors, notifications, users } from '../../db/schema/index.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { validToOf } from './record-participants.js';

const today = todayInChina();
const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');

let t: TestContext;
let hq: Client;
let agreementEast: number;
let agreementSouth: number;
/** Instructors: two of 浙江金融 (east), one of 广东轻工 (south). */
let east1: number;
let east2: number;
let south1: number;

type Db = TestContext['database']['db'];
const certifiedInstructors = async (db: Db, agreementId: number) =>
  (await db.select().from(complianceSummaries).where(and(eq(complianceSummaries.agreementId, agreementId), eq(complianceSummaries.isCurrent, true))))[0]?.certifiedInstructors;

async function training(body: Record<string, unknown> = {}) {
  const res = await hq.post('/api/instructor-trainings', { title: '1+X 师资培训（中级）', level: 'intermediate', startsOn: day(-12), endsOn: day(-10), location: '杭州', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; validityMonths: number };
}

beforeAll(async () => {
  t = await createTestApp();
  hq = await t.as('hq@test.cn');
  const { db } = t.database;
  const { eastA, southA } = t.fixture.schools;
  [{ id: agreementEast }, { id: agreementSouth }] = await db.insert(agreements).values([
    { schoolId: eastA.id, tier: 'industry_college', status: 'active', startDate: day(-100), termYears: 3 },
    { schoolId: southA.id, tier: 'talent_base', status: 'active', startDate: day(-100), termYears: 3 },
  ]).returning();
  [{ id: east1 }, { id: east2 }, { id: south1 }] = await db.insert(instructors).values([
    { schoolId: eastA.id, name: '王芳', staffNo: 'T001' },
    { schoolId: eastA.id, name: '李明', staffNo: 'T002' },
    { schoolId: southA.id, name: '陈静', staffNo: 'S001' },
  ]).returning();
  await db.transaction((tx) => recomputeSchools(tx, [eastA.id, southA.id], today));
});
afterAll(async () => { await t?.close(); });

describe('instructor trainings', () => {
  it('HQ records a training (validity 36 months by default); others may not; dates in order, validity 1-120', async () => {
    const tr = await training();
    expect(tr).toMatchObject({ validityMonths: 36, participants: 0, passed: 0, level: 'intermediate' });
    for (const email of ['east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      expect((await (await t.as(email)).post('/api/instructor-trainings', { title: 'x', level: 'junior', startsOn: day(-2), endsOn: day(-1) })).statusCode).toBe(403);
    }
    const backwards = await hq.post('/api/instructor-trainings', { title: 'x', level: 'junior', startsOn: day(-1), endsOn: day(-2) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details[0]).toMatchObject({ code: 'date_before' });
    for (const validityMonths of [0, 121, 1.5]) {
      const res = await hq.post('/api/instructor-trainings', { title: 'x', level: 'junior', startsOn: day(-2), endsOn: day(-1), validityMonths });
      expect(res.statusCode, String(validityMonths)).toBe(400);
      expect(res.json().details[0].field).toMatch(/validityMonths/);
    }
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'instructor_training'), eq(auditEvents.entityId, tr.id)));
    expect(event).toMatchObject({ action: 'create', actorId: t.fixture.users['hq@test.cn'].id });
  });

  it('a pass creates the 1+X instructor certification of the training\'s level, valid from its end for its validity; the KPI moves in the same request and the school is told', async () => {
    const { db } = t.database;
    const before = await certifiedInstructors(db, agreementEast);
    const tr = await training({ validityMonths: 24 });
    const res = await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [
      { instructorId: east1, passed: true, score: 88.5 },
      { instructorId: east2, passed: false, score: 41 },
    ] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, certified: 1 });
    const certs = await db.select().from(instructorCertifications).where(eq(instructorCertifications.instructorId, east1));
    expect(certs).toEqual([expect.objectContaining({ certNo: `TT-${tr.id}-${east1}`, level: 'intermediate', validFrom: day(-10), validTo: validToOf(day(-10), 24), schoolId: t.fixture.schools.eastA.id })]);
    expect(validToOf('2026-06-30', 36)).toBe('2029-06-29');
    expect(await certifiedInstructors(db, agreementEast)).toBe(before! + 1);
    const parts = await db.select().from(instructorTrainingParticipants).where(eq(instructorTrainingParticipants.trainingId, tr.id));
    expect(parts.find((p) => p.instructorId === east1)).toMatchObject({ passed: true, score: 88.5, certificationId: certs[0].id });
    expect(parts.find((p) => p.instructorId === east2)).toMatchObject({ passed: false, score: 41, certificationId: null });
    // Audited per participant, with its school and certification.
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityType, 'instructor_training_participant'));
    expect(events.filter((e) => parts.some((p) => p.id === e.entityId))).toHaveLength(2);
    expect(events.find((e) => e.entityId === parts.find((p) => p.instructorId === east1)!.id)).toMatchObject({ action: 'create', schoolId: t.fixture.schools.eastA.id, data: expect.objectContaining({ passed: true, certification: expect.objectContaining({ certNo: `TT-${tr.id}-${east1}` }) }) });
    // The school's account is told (the training is theirs to read now).
    const [school] = await db.select().from(users).where(eq(users.email, 'school@test.cn'));
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, school.id), eq(notifications.kind, 'instructor_training.results')));
    expect(notes.at(-1)).toMatchObject({ entityType: 'instructor_training', entityId: tr.id, params: expect.objectContaining({ participants: 2, passed: 1 }) });
    // The instructor's record says where the certification came from.
    const ins = await (await t.as('school@test.cn')).get(`/api/instructors/${east1}`);
    expect(ins.json().certifications).toEqual([expect.objectContaining({ certNo: `TT-${tr.id}-${east1}`, trainingId: tr.id, trainingTitle: '1+X 师资培训（中级）' })]);
  });

  it('a renewal is a new certification beside the earlier one (history kept); removing the participant takes back only the new one and the KPI', async () => {
    const { db } = t.database;
    const first = await training({ level: 'junior', startsOn: day(-400), endsOn: day(-399), validityMonths: 12 });
    expect((await hq.post(`/api/instructor-trainings/${first.id}/participants`, { participants: [{ instructorId: south1, passed: true }] })).statusCode).toBe(200);
    // Expired a month ago: the south school has no certified instructor now.
    expect(await certifiedInstructors(db, agreementSouth)).toBe(0);
    const renewal = await training({ level: 'junior', startsOn: day(-3), endsOn: day(-2), validityMonths: 36 });
    const res = await hq.post(`/api/instructor-trainings/${renewal.id}/participants`, { participants: [{ instructorId: south1, passed: true, certNo: 'JX-2026-0001' }] });
    expect(res.statusCode, res.body).toBe(200);
    const certs = await db.select().from(instructorCertifications).where(eq(instructorCertifications.instructorId, south1));
    expect(certs.map((c) => c.certNo).sort()).toEqual(['JX-2026-0001', `TT-${first.id}-${south1}`]);
    expect(await certifiedInstructors(db, agreementSouth)).toBe(1);
    // Holding a valid one already: a second pass of the same level adds a certification, the instructor counts once.
    const again = await training({ level: 'junior', startsOn: day(-1), endsOn: day(-1) });
    expect((await hq.post(`/api/instructor-trainings/${again.id}/participants`, { participants: [{ instructorId: south1, passed: true }] })).statusCode).toBe(200);
    expect(await certifiedInstructors(db, agreementSouth)).toBe(1);
    const [againPart] = await db.select().from(instructorTrainingParticipants).where(eq(instructorTrainingParticipants.trainingId, again.id));
    expect((await hq.delete(`/api/instructor-training-participants/${againPart.id}`)).statusCode).toBe(200);
    expect(await certifiedInstructors(db, agreementSouth)).toBe(1);
    const [renewalPart] = await db.select().from(instructorTrainingParticipants).where(eq(instructorTrainingParticipants.trainingId, renewal.id));
    // Only HQ removes.
    expect((await (await t.as('south@test.cn')).delete(`/api/instructor-training-participants/${renewalPart.id}`)).statusCode).toBe(403);
    const removed = await hq.delete(`/api/instructor-training-participants/${renewalPart.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ id: renewalPart.id, certNo: 'JX-2026-0001' });
    expect((await db.select().from(instructorCertifications).where(eq(instructorCertifications.instructorId, south1))).map((c) => c.certNo)).toEqual([`TT-${first.id}-${south1}`]);
    expect(await certifiedInstructors(db, agreementSouth)).toBe(0);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'instructor_training_participant'), eq(auditEvents.entityId, renewalPart.id), eq(auditEvents.action, 'delete')));
    expect(event.data).toMatchObject({ certificationRemoved: { certNo: 'JX-2026-0001' } });
    expect((await hq.delete(`/api/instructor-training-participants/${renewalPart.id}`)).statusCode).toBe(404);
  });

  it('a school editing its instructor keeps the certifications trainings issued', async () => {
    const tr = await training({ level: 'senior' });
    expect((await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [{ instructorId: east2, passed: true }] })).statusCode).toBe(200);
    const school = await t.as('school@test.cn');
    const record = (await school.get(`/api/instructors/${east2}`)).json();
    const res = await school.put(`/api/instructors/${east2}`, { ...record, name: '李明明', certifications: [...record.certifications, { certNo: 'OWN-1', level: 'junior', validFrom: '2024-01-01', validTo: '2024-12-31' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().certifications.map((c: { certNo: string }) => c.certNo).sort()).toEqual(['OWN-1', `TT-${tr.id}-${east2}`]);
    const cleared = await school.put(`/api/instructors/${east2}`, { certifications: [] });
    expect(cleared.json().certifications.map((c: { certNo: string }) => c.certNo)).toEqual([`TT-${tr.id}-${east2}`]);
    const [part] = await t.database.db.select().from(instructorTrainingParticipants).where(eq(instructorTrainingParticipants.trainingId, tr.id));
    expect(part.certificationId).not.toBeNull();
  });

  it('bad input is 400 naming each item and field, and nothing changes', async () => {
    const { db } = t.database;
    const tr = await training();
    expect((await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [{ instructorId: east1, passed: true }] })).statusCode).toBe(200);
    const count = async () => ({
      certs: (await db.select().from(instructorCertifications)).length,
      parts: (await db.select().from(instructorTrainingParticipants)).length,
      kpi: await certifiedInstructors(db, agreementSouth),
    });
    const before = await count();
    const res = await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [
      { instructorId: south1, passed: true },
      { instructorId: 999_999, passed: true },
      { instructorId: south1, passed: false },
      { instructorId: east1, passed: true },
      { instructorId: east2, passed: false, certNo: 'X-1' },
    ] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'participants.1.instructorId:instructor_unknown',
      'participants.2.instructorId:participant_twice',
      'participants.3.instructorId:participant_recorded',
      'participants.3.certNo:cert_no_taken',
      'participants.4.certNo:cert_no_without_pass',
    ]);
    expect(await count()).toEqual(before);
    // A training that has not ended yet takes no results.
    const planned = await training({ startsOn: day(5), endsOn: day(7) });
    const early = await hq.post(`/api/instructor-trainings/${planned.id}/participants`, { participants: [{ instructorId: south1, passed: true }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0]).toMatchObject({ field: 'endsOn', code: 'training_not_ended', params: { endsOn: day(7) } });
    // A certification number in use anywhere.
    const taken = await hq.post(`/api/instructor-trainings/${planned.id - 1}/participants`, { participants: [{ instructorId: south1, passed: true, certNo: `TT-${tr.id}-${east1}` }] });
    expect(taken.json().details[0]).toMatchObject({ code: 'cert_no_taken' });
    expect((await hq.post('/api/instructor-trainings/999999/participants', { participants: [{ instructorId: south1, passed: true }] })).statusCode).toBe(404);
    expect((await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [] })).statusCode).toBe(400);
    expect((await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [{ instructorId: south1, passed: 'yes' }] })).statusCode).toBe(400);
    expect(await count()).toEqual(before);
    // Once it has participants, the level, dates and validity are fixed; the title is not.
    const current = (await hq.get(`/api/instructor-trainings/${tr.id}`)).json();
    const locked = await hq.put(`/api/instructor-trainings/${tr.id}`, { ...current, level: 'senior', validityMonths: 12 });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual(['level:training_has_participants', 'validityMonths:training_has_participants']);
    const renamed = await hq.put(`/api/instructor-trainings/${tr.id}`, { ...current, title: '师资培训（更名）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: '师资培训（更名）', version: current.version + 1 });
    expect((await hq.put(`/api/instructor-trainings/${tr.id}`, { ...current, title: 'stale' })).statusCode).toBe(409);
  });

  it('reads follow the scope: HQ all, regional staff every training and their regions\' participants, a school the trainings its instructors took and its own participants', async () => {
    const tr = await training({ title: '两校共训' });
    const other = await training({ title: '只有华南' });
    expect((await hq.post(`/api/instructor-trainings/${tr.id}/participants`, { participants: [{ instructorId: east1, passed: false }, { instructorId: south1, passed: false }] })).statusCode).toBe(200);
    expect((await hq.post(`/api/instructor-trainings/${other.id}/participants`, { participants: [{ instructorId: south1, passed: false }] })).statusCode).toBe(200);
    const participantsOf = async (c: Client, trainingId: number) =>
      ((await c.get('/api/instructor-training-participants', listQuery({ filter: { trainingId }, range: [0, 99] }))).json() as { instructorId: number }[]).map((p) => p.instructorId).sort();
    expect(await participantsOf(hq, tr.id)).toEqual([east1, south1].sort());
    const east = await t.as('east@test.cn');
    expect((await east.get(`/api/instructor-trainings/${other.id}`)).statusCode).toBe(200);
    expect(await participantsOf(east, tr.id)).toEqual([east1]);
    expect((await east.get(`/api/instructor-trainings/${tr.id}`)).json()).toMatchObject({ participants: 1, passed: 0 });
    const school = await t.as('school@test.cn');
    const seen = ((await school.get('/api/instructor-trainings', listQuery({ range: [0, 999] }))).json() as { id: number }[]).map((x) => x.id);
    expect(seen).toContain(tr.id);
    expect(seen).not.toContain(other.id);
    expect((await school.get(`/api/instructor-trainings/${other.id}`)).statusCode).toBe(404);
    expect(await participantsOf(school, tr.id)).toEqual([east1]);
    expect((await (await t.as('provider@test.cn')).get('/api/instructor-trainings')).statusCode).toBe(403);
  });

  it('imports participants from .xlsx (school + staff number, or instructor id), all rows or none', async () => {
    const { db } = t.database;
    const tr = await training({ title: '导入培训', level: 'senior' });
    const post = (body: Buffer | string, type = XLSX_TYPE) => t.app.inject({ method: 'POST', url: `/api/instructor-trainings/${tr.id}/participants/import`, payload: body, headers: { cookie: hq.cookie, 'content-type': type } });
    const bad = await post(await xlsxFile([
      ['学校', '工号', '讲师编号', '是否通过', '成绩'],
      ['浙江金融职业学院', 'T001', null, '通过', 90],
      ['不存在的学院', 'T001', null, '通过', null],
      ['浙江金融职业学院', 'T999', null, '未通过', null],
      [null, null, null, '通过', null],
      [null, null, south1, '通过', 1001],
    ]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { row: number; field: string; code: string }) => `${d.row}:${d.field}:${d.code}`)).toEqual([
      '3:school:instructor_school_unknown', '4:staffNo:instructor_unknown', '5:instructorId:instructor_ref_missing', '6:score:too_big',
    ]);
    expect(await db.select().from(instructorTrainingParticipants).where(eq(instructorTrainingParticipants.trainingId, tr.id))).toEqual([]);
    const ok = await post(await xlsxFile([
      ['School', 'Staff no.', 'Instructor no.', 'Passed', 'Score', 'Certification no.'],
      ['浙江金融职业学院', 'T001', null, 'passed', 90, 'SR-0001'],
      [null, null, south1, '未通过', 55, null],
    ]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 2 });
    const parts = await db.select().from(instructorTrainingParticipants).where(eq(instructorTrainingParticipants.trainingId, tr.id));
    expect(parts.map((p) => [p.instructorId, p.passed]).sort()).toEqual([[east1, true], [south1, false]].sort());
    const [cert] = await db.select().from(instructorCertifications).where(eq(instructorCertifications.certNo, 'SR-0001'));
    expect(cert).toMatchObject({ instructorId: east1, level: 'senior', validFrom: day(-10) });
    // The same rows again: every row is already recorded.
    const twice = await post('instructorId,passed\n' + `${south1},false\n`, 'text/csv');
    expect(twice.json().details[0]).toMatchObject({ row: 2, field: 'instructorId', code: 'participant_recorded' });
    const template = await t.app.inject({ method: 'GET', url: `/api/instructor-trainings/${tr.id}/participants/import/template?format=xlsx`, headers: { cookie: hq.cookie } });
    expect(template.statusCode).toBe(200);
    const school = await t.as('school@test.cn');
    expect((await t.app.inject({ method: 'POST', url: `/api/instructor-trainings/${tr.id}/participants/import`, payload: 'x', headers: { cookie: school.cookie, 'content-type': 'text/csv' } })).statusCode).toBe(403);
  });
});
