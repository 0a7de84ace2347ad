import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addDays, format, parseISO } from 'date-fns';
import { todayInChina } from '@campus/common';
import { createTestApp, type TestContext } from '../../../../test/test-app.js';
import { agreements, applications, auditEvents, evaluations, mailDigests, mailOutbox, users } from '../../../db/schema/index.js';
import { runDailyDigest } from './daily-digest.js';
import { digestDue } from './digest-schedule.js';

let t: TestContext;
const today = todayInChina();
const plusDays = (n: number, from = today) => format(addDays(parseISO(from), n), 'yyyy-MM-dd');

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const s = t.fixture.schools;
  await db.insert(applications).values([
    // East China has regional staff: their review.
    { schoolId: s.eastB.id, tier: 'talent_base', status: 'pending_regional', pledge: true },
    // HQ's plan review.
    { schoolId: s.southA.id, tier: 'industry_college', status: 'pending_hq', pledge: true },
    // North China has no regional staff: HQ may take the regional step.
    { schoolId: s.northA.id, tier: 'talent_base', status: 'pending_regional', pledge: true },
    // Returned to the school for revision.
    { schoolId: s.eastA.id, tier: 'talent_base', status: 'returned', pledge: true },
  ]);
  const [rectifying, , farOff] = await db.insert(agreements).values([
    { schoolId: s.eastA.id, tier: 'industry_college', status: 'rectifying', startDate: '2024-09-01', termYears: 3, rectificationDeadline: plusDays(10), rectificationNotice: '补足师资' },
    { schoolId: s.southB.id, tier: 'talent_base', status: 'pending_signing', termYears: 3 },
    { schoolId: s.southA.id, tier: 'talent_base', status: 'rectifying', startDate: '2024-09-01', termYears: 3, rectificationDeadline: plusDays(60), rectificationNotice: '招聘会' },
  ]).returning();
  await db.insert(evaluations).values({ agreementId: rectifying!.id, schoolId: s.eastA.id, year: 1, snapshot: { compliant: false } });
  void farOff;
});
afterAll(async () => { await t?.close(); });
beforeEach(async () => {
  await t.database.db.delete(mailDigests);
  await t.database.db.delete(mailOutbox);
  await t.database.db.update(users).set({ digestEnabled: true, locale: 'zh' });
});

const digests = async () => {
  const rows = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'digest'));
  return new Map(rows.map((r) => [r.recipient, r]));
};

describe('the daily digest', () => {
  it('sends each user with something waiting one mail listing what waits for them, in their scope', async () => {
    const result = await runDailyDigest(t.database.db, today);
    expect(result).toMatchObject({ mails: 3 });
    const mails = await digests();
    expect([...mails.keys()].sort()).toEqual(['east@test.cn', 'hq@test.cn', 'school@test.cn']);

    const hq = mails.get('hq@test.cn')!;
    expect(hq.userId).toBe(t.fixture.users['hq@test.cn']!.id);
    expect(hq.subject).toContain('5');
    expect(hq.text).toContain('广东轻工职业技术大学'); // plan review
    expect(hq.text).toContain('北京财贸职业学院'); // regional step of a region without staff
    expect(hq.text).not.toContain('义乌工商职业技术学院'); // East China's staff review that one
    expect(hq.text).toContain('深圳职业技术大学'); // signing
    expect(hq.text).toContain('浙江金融职业学院'); // the evaluation decision and the deadline
    expect(hq.text).toContain(plusDays(10));
    expect(hq.text).not.toContain(plusDays(60));
    expect(hq.text).toContain('http://localhost:3000/');
    expect(hq.html).toContain('广东轻工职业技术大学');

    const east = mails.get('east@test.cn')!;
    expect(east.text).toContain('义乌工商职业技术学院');
    expect(east.text).toContain(plusDays(10)); // the deadline of a school of its region
    expect(east.text).not.toContain('广东轻工职业技术大学');
    expect(east.text).not.toContain('北京财贸职业学院');

    const school = mails.get('school@test.cn')!;
    expect(school.text).toContain(plusDays(10));
    expect(school.text).toMatch(/退回|修改/);
    expect(school.text).not.toContain('义乌工商职业技术学院');
    expect(school.text).not.toContain('深圳职业技术大学');

    // Nothing waits for South China's staff, the other school or the provider: no mail.
    for (const nobody of ['south@test.cn', 'school2@test.cn', 'provider@test.cn']) expect(mails.has(nobody)).toBe(false);
  });

  it('writes in the recipient\'s language (Chinese unless the account says English)', async () => {
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'school@test.cn'));
    await runDailyDigest(t.database.db, today);
    const mails = await digests();
    expect(mails.get('school@test.cn')!.subject).toMatch(/waiting for you/i);
    expect(mails.get('school@test.cn')!.text).toMatch(/returned/i);
    expect(mails.get('hq@test.cn')!.subject).toMatch(/待办/);
  });

  it('sends nothing to a user who turned it off (PUT /api/auth/me/preferences), and again once turned back on', async () => {
    const east = await t.as('east@test.cn');
    expect((await east.get('/api/auth/me/preferences')).json()).toEqual({ digestEnabled: true });
    const off = await east.put('/api/auth/me/preferences', { digestEnabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ digestEnabled: false });
    expect((await east.get('/api/auth/me/preferences')).json()).toEqual({ digestEnabled: false });
    const [event] = await t.database.db.select().from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, t.fixture.users['east@test.cn']!.id), eq(auditEvents.action, 'update')));
    expect(event!.data).toMatchObject({ changes: { digestEnabled: { from: true, to: false } } });
    expect((await east.put('/api/auth/me/preferences', { digestEnabled: 'no' })).statusCode).toBe(400);

    await runDailyDigest(t.database.db, today);
    expect((await digests()).has('east@test.cn')).toBe(false);
    expect((await digests()).has('hq@test.cn')).toBe(true);

    await east.put('/api/auth/me/preferences', { digestEnabled: true });
    await runDailyDigest(t.database.db, plusDays(1));
    expect((await digests()).has('east@test.cn')).toBe(true);
  });

  it('is sent once a day: a second run the same day sends nothing, the next day sends again', async () => {
    expect((await runDailyDigest(t.database.db, today)).mails).toBe(3);
    expect((await runDailyDigest(t.database.db, today)).mails).toBe(0);
    expect((await t.database.db.select().from(mailOutbox)).length).toBe(3);
    const [recorded] = await t.database.db.select().from(mailDigests).where(eq(mailDigests.userId, t.fixture.users['hq@test.cn']!.id));
    expect(recorded).toMatchObject({ day: today });
    expect(recorded!.mailId).toBe((await digests()).get('hq@test.cn')!.id);
    expect((await runDailyDigest(t.database.db, plusDays(1))).mails).toBe(3);
  });

  it('two runs at once (two server processes) still write one digest per user', async () => {
    const [a, b] = await Promise.all([runDailyDigest(t.database.db, today), runDailyDigest(t.database.db, today)]);
    expect(a.mails + b.mails).toBe(3);
    expect((await t.database.db.select().from(mailOutbox)).length).toBe(3);
  });

  it('is due from the configured time of day, China time', () => {
    expect(digestDue(new Date('2026-06-01T07:59:00+08:00'), '08:00')).toBe(false);
    expect(digestDue(new Date('2026-06-01T08:00:00+08:00'), '08:00')).toBe(true);
    expect(digestDue(new Date('2026-06-01T23:30:00+08:00'), '08:00')).toBe(true);
    // 01:00 UTC is 09:00 in China, whatever the server's own time zone.
    expect(digestDue(new Date('2026-06-01T01:00:00Z'), '08:00')).toBe(true);
    expect(digestDue(new Date('2026-06-01T23:30:00Z'), '08:00')).toBe(false);
  });
});
