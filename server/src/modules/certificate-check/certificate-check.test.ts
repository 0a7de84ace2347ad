import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { certificates, students } from '../../db/schema/index.js';
import { CHECK_LIMITS } from './certificate-check-limits.js';

let t: TestContext;
let n = 0;
/** A fresh client address per call unless one is named, so that tests do not share the address's throttle key. */
const check = (query: Record<string, string>, address = `10.9.${Math.floor(++n / 250)}.${n % 250}`): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'GET', url: '/api/public/certificate-check', query, remoteAddress: address });

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const schoolId = t.fixture.schools.eastA.id;
  const [zhang, li] = await db.insert(students).values([
    { schoolId, studentNo: '2024001', name: '张 三', cohortYear: 2024, enrolledOn: '2024-09-01' },
    { schoolId, studentNo: '2024002', name: '李四', cohortYear: 2024, enrolledOn: '2024-09-01' },
  ]).returning();
  await db.insert(certificates).values([
    { schoolId, studentId: zhang.id, kind: '1x_intermediate', certNo: 'V-0001', issuedOn: '2025-12-20', status: 'verified', verifiedAt: new Date() },
    { schoolId, studentId: li.id, kind: 'operator', certNo: 'V-0002', issuedOn: '2026-01-05', status: 'verified', verifiedAt: new Date() },
    // Claimed by the school only: never valid in the public check.
    { schoolId, studentId: li.id, kind: '1x_junior', certNo: 'C-0001', issuedOn: '2025-06-01' },
  ]);
});
afterAll(async () => { await t?.close(); });

describe('GET /api/public/certificate-check (no sign-in)', () => {
  it('confirms a verified certificate held by the name given: kind, level and issue date, nothing more', async () => {
    const res = await check({ number: 'V-0001', name: '张 三' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: true, kind: '1x_intermediate', level: 'intermediate', issuedOn: '2025-12-20' });
    // Spaces around, full-width or half-width, are the same name.
    for (const name of ['  张　三 ', '张\u3000三', '张  三']) expect((await check({ number: ' V-0001 ', name })).json().valid, name).toBe(true);
    // A kind without a level answers none.
    expect((await check({ number: 'V-0002', name: '李四' })).json()).toEqual({ valid: true, kind: 'operator', issuedOn: '2026-01-05' });
  });

  it('answers the very same bytes for an unknown number, another name and a certificate only claimed', async () => {
    const answers = [
      await check({ number: 'NOPE-404', name: '张 三' }),
      await check({ number: 'V-0001', name: '张四' }),
      await check({ number: 'C-0001', name: '李四' }),
      await check({ number: 'V-0001', name: '张三' }),
    ];
    for (const a of answers) {
      expect(a.statusCode).toBe(200);
      expect(a.body).toBe('{"valid":false}');
      expect(a.headers['content-type']).toBe(answers[0].headers['content-type']);
      expect(a.headers['content-length']).toBe(answers[0].headers['content-length']);
    }
  });

  it('a missing or overlong number or name is 400 with a code', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ name: '张三' }, 'number', 'required'],
      [{ number: 'V-0001' }, 'name', 'required'],
      [{ number: '   ', name: '张三' }, 'number', 'required'],
      [{ number: 'V'.repeat(CHECK_LIMITS.numberMax + 1), name: '张三' }, 'number', 'too_long'],
      [{ number: 'V-0001', name: '张'.repeat(CHECK_LIMITS.nameMax + 1) }, 'name', 'too_long'],
    ];
    for (const [query, field, code] of cases) {
      const res = await check(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().details[0], JSON.stringify(query)).toMatchObject({ code });
      expect(res.json().details[0].field).toContain(field);
    }
    expect((await check({ number: 'V-0001', name: '张三', school: 'x' })).statusCode).toBe(400);
  });

  it(`throttles per number (${CHECK_LIMITS.perNumber} an hour) from any address: 429 with Retry-After, whatever the answer would be`, async () => {
    for (let i = 0; i < CHECK_LIMITS.perNumber; i++) expect((await check({ number: 'GUESS-0002', name: `猜${i}` })).statusCode).toBe(200);
    const refused = await check({ number: 'guess-0002', name: '李四' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_certificate_checks' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await check({ number: 'V-0001', name: '张 三' })).json().valid).toBe(true);
  });

  it(`throttles per client address (${CHECK_LIMITS.perAddress} an hour), whatever the number`, async () => {
    const address = '10.77.0.1';
    for (let i = 0; i < CHECK_LIMITS.perAddress; i++) expect((await check({ number: `SCAN-${i}`, name: '张三' }, address)).statusCode).toBe(200);
    const refused = await check({ number: 'V-0001', name: '张 三' }, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await check({ number: 'V-0001', name: '张 三' }, '10.77.0.2')).statusCode).toBe(200);
  });
});
