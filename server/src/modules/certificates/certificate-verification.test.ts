import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, certificates } from '../../db/schema/index.js';
import { certificate, daysAgo, examWorld, partnerships, type ExamWorld } from '../exam-results/exam-test-builder.js';

let t: TestContext;
let w: ExamWorld;

beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA } = t.fixture.schools;
  await partnerships(t);
  w = await examWorld(t.database.db, t, { E1: eastA.id, E2: eastA.id, E3: eastA.id, E4: eastA.id, S1: southA.id, S2: southA.id });
});
afterAll(async () => { await t?.close(); });

const sid = (no: string) => w.students.get(no)!.id;

describe('claimed and verified certificates', () => {
  it('a school cannot edit or delete a verified certificate, nor the student holding one', async () => {
    const school = await t.as('school@test.cn');
    const v = await certificate(t.database.db, w, 'E1', { certNo: 'V-E1', status: 'verified' });
    const edit = await school.put(`/api/certificates/${v.id}`, { issuedOn: daysAgo(3) });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('certificate_verified_locked');
    const del = await school.delete(`/api/certificates/${v.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('certificate_verified_locked');
    expect((await school.delete(`/api/students/${sid('E1')}`)).statusCode).toBe(409);
    const [still] = await t.database.db.select().from(certificates).where(eq(certificates.id, v.id));
    expect(still).toMatchObject({ status: 'verified', certNo: 'V-E1', issuedOn: v.issuedOn });
    // An upsert import of the school's file does not change it either.
    const csv = `studentNo,kind,certNo,issuedOn\nE1,operator,V-E1,${daysAgo(2)}`;
    const up = await t.app.inject({ method: 'POST', url: '/api/certificates/import?mode=upsert', payload: csv, headers: { cookie: school.cookie, 'content-type': 'text/csv' } });
    expect(up.statusCode).toBe(400);
    expect(up.json().details).toContainEqual(expect.objectContaining({ row: 2, field: 'certNo', code: 'certificate_verified_locked' }));
  });

  it("a school's certificate is claimed; the number of its student's verified certificate is refused, another student's is stored as a claim", async () => {
    const school = await t.as('school@test.cn');
    const school2 = await t.as('school2@test.cn');
    await certificate(t.database.db, w, 'E2', { certNo: 'V-E2', status: 'verified' });
    const same = await school.post('/api/certificates', { studentId: sid('E2'), kind: 'operator', certNo: 'V-E2', issuedOn: daysAgo(3) });
    expect(same.statusCode).toBe(400);
    expect(same.json().details).toContainEqual(expect.objectContaining({ field: 'certNo', code: 'certificate_already_verified' }));
    const imported = await t.app.inject({ method: 'POST', url: '/api/certificates/import', payload: `studentNo,kind,certNo,issuedOn\nE2,operator,V-E2,${daysAgo(3)}`, headers: { cookie: school.cookie, 'content-type': 'text/csv' } });
    expect(imported.statusCode).toBe(400);
    // (The school's file names the school's own record of that number: the import kit's duplicate.)
    expect(imported.json().details).toContainEqual(expect.objectContaining({ row: 2, field: 'certNo', code: 'duplicate_in_database' }));
    const other = await school2.post('/api/certificates', { studentId: sid('S1'), kind: 'operator', certNo: 'V-E2', issuedOn: daysAgo(3) });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json()).toMatchObject({ status: 'claimed', verifiedAt: null, verifiedBy: null, allowedActions: [] });
    const mine = await school.post('/api/certificates', { studentId: sid('E3'), kind: '1x_junior', certNo: 'C-E3', issuedOn: daysAgo(3) });
    expect(mine.json().status).toBe('claimed');
    // The list filters by status.
    const hq = await t.as('hq@test.cn');
    const claimed = (await hq.get('/api/certificates', listQuery({ filter: { status: 'claimed' }, range: [0, 99] }))).json() as { status: string; allowedActions: string[] }[];
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.every((c) => c.status === 'claimed' && c.allowedActions.includes('verify'))).toBe(true);
    const verified = (await hq.get('/api/certificates', listQuery({ filter: { status: ['verified'] }, range: [0, 99] }))).json() as { status: string; allowedActions: string[] }[];
    expect(verified.map((c) => c.status)).toEqual(verified.map(() => 'verified'));
    expect(verified.every((c) => c.allowedActions.length === 0)).toBe(true);
    expect((await hq.get('/api/certificates', listQuery({ filter: { status: 'maybe' } }))).statusCode).toBe(400);
  });

  it("HQ verifies a claimed certificate (audited, the KPI's verified count follows); no one else may, and not twice", async () => {
    const hq = await t.as('hq@test.cn');
    const school = await t.as('school@test.cn');
    const claim = await certificate(t.database.db, w, 'E4', { certNo: 'OLD-0001', issuedOn: daysAgo(10) });
    const kpiBefore = (await hq.get('/api/compliance', listQuery({ filter: { schoolId: t.fixture.schools.eastA.id, current: true } }))).json()[0];
    expect((await school.post(`/api/certificates/${claim.id}/actions/verify`, {})).statusCode).toBe(403);
    expect((await (await t.as('east@test.cn')).post(`/api/certificates/${claim.id}/actions/verify`, {})).statusCode).toBe(403);
    const res = await hq.post(`/api/certificates/${claim.id}/actions/verify`, { comment: '2024年纸质证书，已核对原件' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: claim.id, status: 'verified', verifiedBy: t.fixture.users['hq@test.cn'].id, allowedActions: [] });
    const again = await hq.post(`/api/certificates/${claim.id}/actions/verify`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('wrong_state');
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'certificate'), eq(auditEvents.entityId, claim.id), eq(auditEvents.action, 'verify')));
    expect(event).toMatchObject({ fromState: 'claimed', toState: 'verified', comment: '2024年纸质证书，已核对原件', data: { certNo: 'OLD-0001' } });
    const kpiAfter = (await hq.get('/api/compliance', listQuery({ filter: { schoolId: t.fixture.schools.eastA.id, current: true } }))).json()[0];
    expect(kpiAfter.certificatesOperatorVerified).toBe(kpiBefore.certificatesOperatorVerified + 1);
    expect(kpiAfter.kpis.certificatesOperator.value).toBe(kpiBefore.kpis.certificatesOperator.value);
    // A claim whose number is verified for someone else is not verified: the reconciliation lists it.
    const [taken] = await t.database.db.select().from(certificates).where(and(eq(certificates.certNo, 'V-E2'), eq(certificates.status, 'claimed')));
    const refused = await hq.post(`/api/certificates/${taken.id}/actions/verify`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toContainEqual(expect.objectContaining({ field: 'certNo', code: 'certificate_number_taken' }));
    expect((await hq.post('/api/certificates/999999/actions/verify', {})).statusCode).toBe(404);
  });
});

describe('the reconciliation of certificate numbers', () => {
  it('lists, with the school and student, a claimed number issued elsewhere, a number claimed twice and a student certified twice', async () => {
    const db = t.database.db;
    const { eastA, southA } = t.fixture.schools;
    await certificate(db, w, 'E3', { certNo: 'TWICE-1', kind: '1x_intermediate' });
    await certificate(db, w, 'S2', { certNo: 'TWICE-1', kind: '1x_intermediate' });
    await certificate(db, w, 'S2', { certNo: 'S2-OP-A', kind: 'operator' });
    await certificate(db, w, 'S2', { certNo: 'S2-OP-B', kind: 'operator', status: 'verified' });
    const hq = await t.as('hq@test.cn');
    const res = await hq.get('/api/certificate-reconciliation', listQuery({ range: [0, 99] }));
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json() as { id: string; problem: string; schoolId: number; schoolName: string; studentId: number; studentName: string; certNo: string | null; certificateId: number; others: { schoolId: number; studentId: number; certNo: string | null; status: string }[] }[];
    expect(res.headers['content-range']).toBe(`certificate-reconciliation 0-${rows.length - 1}/${rows.length}`);
    const elsewhere = rows.find((r) => r.problem === 'issued_elsewhere' && r.certNo === 'V-E2')!;
    expect(elsewhere).toMatchObject({ schoolId: southA.id, schoolName: '广东轻工职业技术大学', studentId: sid('S1'), studentName: '学生S1' });
    expect(elsewhere.others).toEqual([expect.objectContaining({ schoolId: eastA.id, studentId: sid('E2'), status: 'verified' })]);
    const twice = rows.filter((r) => r.problem === 'claimed_twice' && r.certNo === 'TWICE-1');
    expect(twice.map((r) => r.studentId).sort()).toEqual([sid('E3'), sid('S2')].sort());
    expect(twice.find((r) => r.studentId === sid('E3'))!.others).toEqual([expect.objectContaining({ studentId: sid('S2'), schoolId: southA.id })]);
    const certified = rows.filter((r) => r.problem === 'certified_twice');
    expect(certified).toContainEqual(expect.objectContaining({ id: `certified_twice-${sid('S2')}-operator`, schoolId: southA.id, studentId: sid('S2') }));
    expect(certified.find((r) => r.studentId === sid('S2'))!.others.map((o) => [o.certNo, o.status])).toEqual([['S2-OP-A', 'claimed'], ['S2-OP-B', 'verified']]);
    // A student with one certificate of a kind, or the same number once, is not listed.
    expect(rows.some((r) => r.certNo === 'C-E3')).toBe(false);

    const filtered = (await hq.get('/api/certificate-reconciliation', listQuery({ filter: { problem: 'certified_twice' } }))).json() as { problem: string }[];
    expect(filtered.length).toBe(certified.length);
    expect((await hq.get('/api/certificate-reconciliation', listQuery({ filter: { schoolId: eastA.id }, range: [0, 99] }))).json().every((r: { schoolId: number }) => r.schoolId === eastA.id)).toBe(true);
    expect((await hq.get('/api/certificate-reconciliation', listQuery({ filter: { nope: 1 } }))).statusCode).toBe(400);
    expect((await hq.get('/api/certificate-reconciliation', listQuery({ sort: ['nope', 'ASC'] }))).statusCode).toBe(400);

    // Regional staff see their regions' schools only; schools and providers not at all.
    const south = (await (await t.as('south@test.cn')).get('/api/certificate-reconciliation', listQuery({ range: [0, 99] }))).json() as typeof rows;
    expect(south.length).toBeGreaterThan(0);
    expect(south.every((r) => r.schoolId === southA.id)).toBe(true);
    // The other party of a problem in another region is named to HQ, not to regional staff: they read that the number
    // is verified or claimed elsewhere, and which certificate it is, but not the other region's school or student.
    expect(elsewhere.others[0]).toMatchObject({ outOfScope: false, schoolName: '浙江金融职业学院', studentName: '学生E2' });
    const hidden = { outOfScope: true, schoolId: null, schoolName: null, studentId: null, studentName: null, studentNo: null };
    expect(south.find((r) => r.problem === 'issued_elsewhere' && r.certNo === 'V-E2')!.others).toEqual([expect.objectContaining({ ...hidden, certNo: 'V-E2', status: 'verified' })]);
    expect(south.find((r) => r.problem === 'claimed_twice' && r.certNo === 'TWICE-1')!.others).toEqual([expect.objectContaining({ ...hidden, certNo: 'TWICE-1', status: 'claimed' })]);
    expect(south.find((r) => r.problem === 'certified_twice')!.others.every((o) => (o as { outOfScope?: boolean }).outOfScope === false)).toBe(true);
    expect((await (await t.as('school@test.cn')).get('/api/certificate-reconciliation')).statusCode).toBe(403);
    expect((await (await t.as('provider@test.cn')).get('/api/certificate-reconciliation')).statusCode).toBe(403);
  });
});
