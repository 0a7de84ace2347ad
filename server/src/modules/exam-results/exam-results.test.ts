import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, certificates, examCandidates, examSessions, notifications, tierPolicies } from '../../db/schema/index.js';
import { certificate, daysAgo, examWorld, importResults, partnerships, session, today, type ExamWorld } from './exam-test-builder.js';
import { XLSX_TYPE } from '../import/index.js';
import { xlsxFile } from '../import/test-files.js';

let t: TestContext;
let w: ExamWorld;

beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA } = t.fixture.schools;
  await partnerships(t);
  w = await examWorld(t.database.db, t, { A1: eastA.id, A2: eastA.id, A3: eastA.id, A4: eastA.id, S1: southA.id, S2: southA.id, X9: eastA.id });
});
afterAll(async () => { await t?.close(); });

const header = 'candidateId,theoryScore,practiceScore,result,certNo,issuedOn';
const line = (...cells: (string | number | undefined)[]) => [...cells, ...Array(6 - cells.length).fill('')].map((c) => c ?? '').join(',');

/** What an import must leave as it was when it is refused: the session, its candidates, the certificates. */
async function stateOf(sessionId: number) {
  const db = t.database.db;
  const [s] = await db.select({ status: examSessions.status, version: examSessions.version }).from(examSessions).where(eq(examSessions.id, sessionId));
  const cands = await db.select({ result: examCandidates.result, certNo: examCandidates.certNo }).from(examCandidates).where(eq(examCandidates.sessionId, sessionId)).orderBy(examCandidates.id);
  const certs = await db.select({ id: certificates.id, status: certificates.status }).from(certificates).orderBy(certificates.id);
  return { s, cands, certs };
}

async function operatorKpi(schoolId: number) {
  const hq = await t.as('hq@test.cn');
  const [row] = (await hq.get('/api/compliance', listQuery({ filter: { schoolId, current: true } }))).json();
  return { all: row.kpis.certificatesOperator.value, verified: row.certificatesOperatorVerified };
}

describe('importing the results of an exam session', () => {
  it('is HQ\'s only', async () => {
    const s = await session(t.database.db, w, { numbers: ['A1'], title: 'access' });
    for (const email of ['school@test.cn', 'east@test.cn', 'provider@test.cn']) {
      const res = await importResults(t, await t.as(email), s.id, `${header}\n${line(s.candidates.get('A1'), 80, 80, 'failed')}`);
      expect(res.statusCode, email).toBe(403);
    }
  });

  it('refuses each bad file with its row and field, and changes nothing', async () => {
    const db = t.database.db;
    const hq = await t.as('hq@test.cn');
    const s = await session(db, w, { numbers: ['A1', 'A2', 'S1'], title: 'bad files' });
    const other = await session(db, w, { numbers: ['A3'], title: 'another session' });
    const id = (no: string) => s.candidates.get(no);
    await certificate(db, w, 'A4', { certNo: 'OP-TAKEN', status: 'verified' });
    const ok = [line(id('A1'), 80, 90, 'passed', 'OP-1'), line(id('A2'), 50, 40, 'failed'), line(id('S1'), undefined, undefined, 'absent')];
    const before = await stateOf(s.id);
    const cases: [string, string[], { row: number; field: string; code: string }][] = [
      ['a candidate of another session', [ok[0], ok[1], ok[2], line(other.candidates.get('A3'), 80, 80, 'failed')], { row: 5, field: 'candidateId', code: 'exam_candidate_unknown' }],
      ['a number twice in the file', [ok[0], line(id('A2'), 80, 80, 'passed', 'OP-1'), ok[2]], { row: 3, field: 'certNo', code: 'duplicate_in_file' }],
      ['a number a verified certificate has', [line(id('A1'), 80, 90, 'passed', 'OP-TAKEN'), ok[1], ok[2]], { row: 2, field: 'certNo', code: 'certificate_number_taken' }],
      ['a pass without a number', [line(id('A1'), 80, 90, 'passed'), ok[1], ok[2]], { row: 2, field: 'certNo', code: 'certificate_number_missing' }],
      ['a number without a pass', [ok[0], line(id('A2'), 50, 40, 'failed', 'OP-2'), ok[2]], { row: 3, field: 'certNo', code: 'certificate_number_without_pass' }],
      ['a score over 100', [line(id('A1'), 101, 90, 'passed', 'OP-1'), ok[1], ok[2]], { row: 2, field: 'theoryScore', code: 'too_big' }],
      ['a negative score', [ok[0], line(id('A2'), 50, -1, 'failed'), ok[2]], { row: 3, field: 'practiceScore', code: 'too_small' }],
      ['an unknown result', [ok[0], line(id('A2'), 50, 40, 'maybe'), ok[2]], { row: 3, field: 'result', code: 'invalid_option' }],
      ['an issue date after today', [line(id('A1'), 80, 90, 'passed', 'OP-1', '2999-01-01'), ok[1], ok[2]], { row: 2, field: 'issuedOn', code: 'date_in_future' }],
      ['an issue date before the exam', [line(id('A1'), 80, 90, 'passed', 'OP-1', daysAgo(30)), ok[1], ok[2]], { row: 2, field: 'issuedOn', code: 'date_before' }],
      ['the same candidate twice', [ok[0], ok[1], ok[2], line(id('A2'), 50, 40, 'failed')], { row: 5, field: 'candidateId', code: 'duplicate_in_file' }],
      ['a registered candidate left out', [ok[0], ok[1]], { row: 0, field: 'candidateId', code: 'exam_results_incomplete' }],
    ];
    for (const [what, rows, problem] of cases) {
      const res = await importResults(t, hq, s.id, [header, ...rows].join('\n'));
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(res.json().code, what).toBe('rows_have_problems');
      expect(res.json().details, what).toContainEqual(expect.objectContaining(problem));
      expect(await stateOf(s.id), what).toEqual(before);
    }
    // A dry run lists the rows and writes nothing.
    const dry = await importResults(t, hq, s.id, [header, ...ok].join('\n'), '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 3, rejected: 0 });
    expect(await stateOf(s.id)).toEqual(before);
  });

  it('takes results only once registration is closed, and only once', async () => {
    const db = t.database.db;
    const hq = await t.as('hq@test.cn');
    const open = await session(db, w, { numbers: ['A1'], status: 'scheduled', title: 'still open' });
    const res = await importResults(t, hq, open.id, `${header}\n${line(open.candidates.get('A1'), 80, 80, 'failed')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual(expect.objectContaining({ row: 0, field: 'session', code: 'exam_session_not_closed', params: { state: 'scheduled' } }));
    const done = await session(db, w, { numbers: ['A1'], title: 'once' });
    const csv = `${header}\n${line(done.candidates.get('A1'), 80, 80, 'failed')}`;
    // The session's publish_results is offered to HQ (the page's "import results"), taken by the import only.
    expect((await hq.get(`/api/exam-sessions/${done.id}`)).json().allowedActions).toContain('publish_results');
    const bare = await hq.post(`/api/exam-sessions/${done.id}/actions/publish_results`, { version: done.version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('exam_results_by_import');
    expect((await stateOf(done.id)).s).toEqual({ status: 'closed', version: done.version });
    expect((await importResults(t, hq, done.id, csv)).statusCode).toBe(200);
    expect((await hq.get(`/api/exam-sessions/${done.id}`)).json().allowedActions).toEqual([]);
    const again = await importResults(t, hq, done.id, csv);
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toContainEqual(expect.objectContaining({ row: 0, code: 'exam_results_published' }));
    expect((await importResults(t, hq, 999999, csv)).statusCode).toBe(404);
  });

  it('records every result, issues the passes\' certificates verified (a matching claim becomes verified), publishes the session, moves the KPIs by the verified count and notifies each school', async () => {
    const db = t.database.db;
    const hq = await t.as('hq@test.cn');
    const { eastA, southA } = t.fixture.schools;
    const s = await session(db, w, { numbers: ['A1', 'A2', 'A3', 'S1', 'S2'], title: '2026年操盘官统考' });
    // A1's school had entered the certificate already (claimed), with the number the session issues.
    const claim = await certificate(db, w, 'A1', { certNo: 'OP-2026-0001', issuedOn: daysAgo(4) });
    const beforeEast = await operatorKpi(eastA.id);
    const beforeSouth = await operatorKpi(southA.id);
    const id = (no: string) => s.candidates.get(no);
    // Chinese headers and words, the school's own number and name for one candidate, a student's name column skipped.
    const csv = ['考生编号,学号,学校,姓名,理论成绩,实操成绩,考试结果,证书编号,发证日期',
      `${id('A1')},,,学生A1,88,92,通过,OP-2026-0001,`,
      `,A2,浙江金融职业学院,学生A2,75.5,80,通过,OP-2026-0002,${daysAgo(2)}`,
      `${id('A3')},,,学生A3,,,缺考,,`,
      `${id('S1')},,,学生S1,90,90,通过,OP-2026-0003,`,
      `${id('S2')},,,学生S2,40,55,未通过,,`].join('\n');
    const res = await importResults(t, hq, s.id, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 5 });

    const cands = await db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id)).orderBy(examCandidates.id);
    expect(cands.map((c) => [c.result, c.theoryScore, c.practiceScore, c.certNo])).toEqual([
      ['passed', 88, 92, 'OP-2026-0001'], ['passed', 75.5, 80, 'OP-2026-0002'], ['absent', null, null, null], ['passed', 90, 90, 'OP-2026-0003'], ['failed', 40, 55, null],
    ]);
    const certs = await db.select().from(certificates).where(inArray(certificates.certNo, ['OP-2026-0001', 'OP-2026-0002', 'OP-2026-0003'])).orderBy(certificates.certNo);
    expect(certs.map((c) => [c.certNo, c.status, c.kind, c.issuedOn, c.verifiedBy, c.verifiedAt !== null])).toEqual([
      ['OP-2026-0001', 'verified', 'operator', s.examOn, null, true],
      ['OP-2026-0002', 'verified', 'operator', daysAgo(2), null, true],
      ['OP-2026-0003', 'verified', 'operator', s.examOn, null, true],
    ]);
    // The claim became the verified certificate: no second row for A1.
    expect(certs[0].id).toBe(claim.id);
    expect(cands[0].certificateId).toBe(claim.id);
    expect(cands.map((c) => c.certificateId !== null)).toEqual([true, true, false, true, false]);

    const [published] = await db.select().from(examSessions).where(eq(examSessions.id, s.id));
    expect(published).toMatchObject({ status: 'results_published', version: s.version + 1 });
    expect(published.resultsImportedAt).not.toBeNull();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_session'), eq(auditEvents.entityId, s.id)));
    expect(event).toMatchObject({ action: 'publish_results', fromState: 'closed', toState: 'results_published', actorId: t.fixture.users['hq@test.cn'].id,
      data: { candidates: 5, passed: 3, failed: 1, absent: 1, certificatesIssued: 2, claimsVerified: 1, schoolIds: [eastA.id, southA.id] } });
    const certEvents = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'certificate'), inArray(auditEvents.entityId, certs.map((c) => c.id))));
    expect(certEvents.map((e) => e.action).sort()).toEqual(['issue', 'issue', 'verify']);

    // The KPIs: A1 counted before (claimed) and now verified; A2 new: all +1, verified +2 at eastA; southA +1 and +1.
    expect(await operatorKpi(eastA.id)).toEqual({ all: beforeEast.all + 1, verified: beforeEast.verified + 2 });
    expect(await operatorKpi(southA.id)).toEqual({ all: beforeSouth.all + 1, verified: beforeSouth.verified + 1 });

    const notes = await db.select().from(notifications).where(and(eq(notifications.kind, 'exam_session.publish_results'), eq(notifications.entityId, s.id)));
    const byUser = Object.fromEntries(notes.map((n) => [n.userId, n.params]));
    expect(byUser[t.fixture.users['school@test.cn'].id]).toMatchObject({ passed: 2, candidates: 3, subject: '2026年操盘官统考' });
    expect(byUser[t.fixture.users['school2@test.cn'].id]).toMatchObject({ passed: 1, candidates: 2 });
    expect(notes.every((n) => [t.fixture.users['school@test.cn'].id, t.fixture.users['school2@test.cn'].id].includes(n.userId))).toBe(true);

    // A number the session issued cannot be issued again by another session.
    const later = await session(db, w, { numbers: ['A4'], title: 'later' });
    const again = await importResults(t, hq, later.id, `${header}\n${line(later.candidates.get('A4'), 80, 80, 'passed', 'OP-2026-0002')}`);
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toContainEqual(expect.objectContaining({ row: 2, field: 'certNo', code: 'certificate_number_taken' }));
  });

  it('counts only verified certificates where the tier policy in force says so, and always keeps the verified count beside', async () => {
    const db = t.database.db;
    const hq = await t.as('hq@test.cn');
    const { eastA } = t.fixture.schools;
    await certificate(db, w, 'X9', { kind: 'operator', certNo: 'CLAIM-X9', issuedOn: daysAgo(3) });
    const mixed = await operatorKpi(eastA.id);
    expect(mixed.all).toBeGreaterThan(mixed.verified);
    const [policy] = await db.select().from(tierPolicies).where(eq(tierPolicies.tier, 'talent_base'));
    // The what-if counts the edit again from the facts: at a threshold the claims reach and the verified do not.
    const whatIf = async (verifiedOnly: boolean) => {
      const res = await hq.post(`/api/tier-policies/${policy.id}/what-if`, { version: policy.version, certificatesOperator: mixed.all, certificatesVerifiedOnly: verifiedOnly });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { recomputedKpis: string[]; schools: { schoolId: number; failingAfter: string[] }[] };
    };
    const counted = await whatIf(true);
    expect(counted.recomputedKpis).toEqual(['certificates1x', 'certificatesOperator', 'jobPlatformRate']);
    expect(counted.schools.find((x) => x.schoolId === eastA.id)!.failingAfter).toContain('certificatesOperator');
    expect((await whatIf(false)).schools.find((x) => x.schoolId === eastA.id)!.failingAfter).not.toContain('certificatesOperator');
    const put = await hq.put(`/api/tier-policies/${policy.id}`, { version: policy.version, certificatesVerifiedOnly: true });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().certificatesVerifiedOnly).toBe(true);
    expect(await operatorKpi(eastA.id)).toEqual({ all: mixed.verified, verified: mixed.verified });
    const back = await hq.put(`/api/tier-policies/${policy.id}`, { version: policy.version + 1, certificatesVerifiedOnly: false });
    expect(back.statusCode, back.body).toBe(200);
    expect(await operatorKpi(eastA.id)).toEqual(mixed);
  });
});

describe('a results workbook', () => {
  it('is read from .xlsx with English headers and words', async () => {
    const db = t.database.db;
    const hq = await t.as('hq@test.cn');
    const s = await session(db, w, { numbers: ['A3', 'S2'], title: 'workbook', kind: '1x_junior' });
    const file = await xlsxFile([
      ['Candidate no.', 'Theory score', 'Practice score', 'Result', 'Certificate no.', 'Issued on'],
      [s.candidates.get('A3')!, 70, 81.5, 'Passed', '1X-XLSX-1', null],
      [s.candidates.get('S2')!, null, null, 'Absent', null, null],
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/exam-sessions/${s.id}/results/import`, payload: file, headers: { cookie: hq.cookie, 'content-type': XLSX_TYPE } });
    expect(res.statusCode, res.body).toBe(200);
    const cands = await db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id)).orderBy(examCandidates.id);
    expect(cands.map((c) => [c.result, c.theoryScore, c.practiceScore, c.certNo])).toEqual([['passed', 70, 81.5, '1X-XLSX-1'], ['absent', null, null, null]]);
    const [cert] = await db.select().from(certificates).where(eq(certificates.certNo, '1X-XLSX-1'));
    expect(cert).toMatchObject({ kind: '1x_junior', status: 'verified', issuedOn: s.examOn, studentId: w.students.get('A3')!.id });
  });
});

describe('the session\'s results template', () => {
  it('names the columns in Chinese and English for HQ', async () => {
    const hq = await t.as('hq@test.cn');
    const s = await session(t.database.db, w, { numbers: [], title: 'template' });
    const res = await hq.get(`/api/exam-sessions/${s.id}/results/import/template`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('证书编号 (certNo)');
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("the session's candidate list as the results file", () => {
  it('is imported as HQ downloaded it, with the results written beside each candidate (by student number and school)', async () => {
    const db = t.database.db;
    const hq = await t.as('hq@test.cn');
    const s = await session(db, w, { numbers: ['A1', 'S1'], title: 'from the export', kind: '1x_junior' });
    const exported = await hq.get(`/api/exam-sessions/${s.id}/candidates/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    const [head, ...rows] = exported.body.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((l) => l.split(','));
    expect(rows).toHaveLength(2);
    const no = head.indexOf('学号');
    const results: Record<string, string[]> = { A1: ['88', '91', '通过', '1X-EXPORT-1'], S1: ['40', '45', '未通过', ''] };
    const file = [[...head, '理论成绩', '实操成绩', '考试结果', '证书编号'], ...rows.map((r) => [...r, ...results[r[no]]])].map((r) => r.join(',')).join('\r\n');
    const res = await importResults(t, hq, s.id, `\ufeff${file}\r\n`);
    expect(res.statusCode, res.body).toBe(200);
    const cands = await db.select().from(examCandidates).where(eq(examCandidates.sessionId, s.id)).orderBy(examCandidates.id);
    expect(cands.map((c) => [c.result, c.theoryScore, c.practiceScore, c.certNo])).toEqual([['passed', 88, 91, '1X-EXPORT-1'], ['failed', 40, 45, null]]);
    const [cert] = await db.select().from(certificates).where(eq(certificates.certNo, '1X-EXPORT-1'));
    expect(cert).toMatchObject({ kind: '1x_junior', status: 'verified', issuedOn: s.examOn, studentId: w.students.get('A1')!.id });
  });
});
