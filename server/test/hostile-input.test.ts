import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from './test-app.js';
import { buildAccessWorld, type World } from './access-world.js';
import { queryRows } from '../src/db/raw.js';

/**
 * Random and adversarial input on every write route and every list: never a 500, always the error
 * shape of API.md, and a refused request changes nothing in the database.
 */
let t: TestContext;
let w: World;
let tried = 0;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildAccessWorld(t);
  await countChanges();
});
afterAll(async () => {
  console.log(`hostile cases tried: ${tried}`);
  await t?.close();
});

const volatile = new Set(['sessions', 'login_throttle', '__drizzle_migrations']);
/**
 * Whether the database changed: every table but the volatile ones carries a test-only row trigger that counts each
 * row inserted, deleted, or updated to different values (and each TRUNCATE) in one counter row, which commits or rolls
 * back with the change. Reading the counter is one tiny query; hashing every table's rows after each of the ~2,000
 * refused requests was three quarters of this file's CPU time (12 ms a time against 4 ms for the request).
 */
async function countChanges() {
  const tables = await queryRows<{ name: string }>(t.database.db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const statements = [
    'CREATE TABLE hostile_changes (n bigint NOT NULL)',
    'INSERT INTO hostile_changes VALUES (0)',
    `CREATE FUNCTION hostile_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE hostile_changes SET n = n + 1; RETURN NULL; END $$`,
  ];
  for (const { name } of tables.filter((x) => !volatile.has(x.name))) {
    statements.push(
      `CREATE TRIGGER hostile_insert_delete AFTER INSERT OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION hostile_count_change()`,
      `CREATE TRIGGER hostile_update AFTER UPDATE ON "${name}" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION hostile_count_change()`,
      `CREATE TRIGGER hostile_truncate AFTER TRUNCATE ON "${name}" FOR EACH STATEMENT EXECUTE FUNCTION hostile_count_change()`,
    );
  }
  for (const statement of statements) await t.database.db.execute(sql.raw(statement));
}
/** The number of row changes so far: equal before and after a request that changed nothing. */
async function fingerprint() {
  const [r] = await queryRows<{ n: string }>(t.database.db, sql`SELECT n::text AS n FROM hostile_changes`);
  return r.n;
}

const nasty = fc.oneof(
  fc.constantFrom("'; DROP TABLE students; --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '=cmd|\' /C calc\'!A0', '${7*7}', '../../etc/passwd',
    '\u0000', '\ud800', '😀👨‍👩‍👧', 'NaN', '-1', '1e309', '2026-02-30', '9999-99-99', 'null', 'true', '{"$ne":1}', ' ', '%', '_'),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(2 ** 31), fc.constant(-(2 ** 31) - 1), fc.constant(Number.MAX_SAFE_INTEGER),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, nasty, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('v'), { maxKeys: 5 })),
})).v;
/** Bodies shaped like the real ones (known field names) with hostile values, and fully random ones. */
const fields = ['version', 'comment', 'reason', 'decision', 'deadline', 'failingKpis', 'notice', 'tier', 'plan', 'pledge', 'planItems', 'planItemDecisions', 'fieldComments', 'on', 'place', 'missing', 'checklist',
  'studentId', 'studentNo', 'name', 'cohortYear', 'enrolledOn', 'leftOn', 'leftReason', 'kind', 'issuedOn', 'hours', 'practicedOn', 'confirmed', 'project', 'title', 'heldOn', 'classHours', 'taughtFrom', 'taughtTo',
  'registeredOn', 'resumeCompleteness', 'applicationDates', 'certifications', 'email', 'role', 'password', 'regionIds', 'schoolId', 'providerId', 'agreementId', 'year', 'records', 'periodFrom', 'periodTo', 'subject', 'body', 'reply', 'ids', 'all',
  'certificates1x', 'jobPlatformRate', 'effectiveYear', 'requiresPlaque', 'currentPassword', 'newPassword', '__proto__', 'constructor'];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 8 }),
  value,
);

function writeRoutes() {
  return t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'GET' && !r.url.startsWith('/api/auth/log'));
}
function concrete(url: string, pick: (res: string) => string) {
  const res = url.split('/')[2];
  return url.replace(':id', pick(res)).replace(':action', 'decide');
}

describe('hostile input', () => {
  it('the change counter counts committed row changes, not rolled-back ones or updates to the same values', async () => {
    const id = w.students.east;
    const start = BigInt(await fingerprint());
    await t.database.db.execute(sql`UPDATE students SET name = name WHERE id = ${id}`);
    expect(BigInt(await fingerprint())).toBe(start);
    await expect(t.database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE students SET name = name || '·' WHERE id = ${id}`);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(BigInt(await fingerprint())).toBe(start);
    await t.database.db.execute(sql`UPDATE students SET name = name || '·' WHERE id = ${id}`);
    await t.database.db.execute(sql`UPDATE students SET name = left(name, -1) WHERE id = ${id}`);
    expect(BigInt(await fingerprint())).toBe(start + 2n);
  });

  for (const email of ['hq@test.cn', 'school@test.cn', 'provider@test.cn']) {
    it(`${email}: random bodies on every write route are refused cleanly or applied, never a 500`, async () => {
      const c = await t.as(email);
      // The database as the last refused request left it (asserted unchanged); unknown after a request that was applied.
      let known: string | undefined;
      for (const route of writeRoutes()) {
        await fc.assert(fc.asyncProperty(body, fc.constantFrom('east', 'south'), async (payload, side) => {
          tried++;
          const url = concrete(route.url, (res) => String(w[res]?.[side as 'east'] ?? 1));
          const before = known ?? await fingerprint();
          known = undefined;
          const isImport = url.endsWith('/import');
          const res = await t.app.inject({
            method: route.method as 'POST', url,
            headers: { cookie: c.cookie, 'content-type': isImport ? 'text/csv' : 'application/json' },
            payload: isImport ? String(typeof payload === 'string' ? payload : JSON.stringify(payload)) : JSON.stringify(payload ?? null),
          });
          expect(res.statusCode, `${route.method} ${url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const err = res.json();
            expect(err).toMatchObject({ error: expect.any(String), message: expect.any(String) });
            expect(res.body).not.toMatch(/\bat [\w.]+ \(|node_modules|SELECT |INSERT |UPDATE /);
            const after = await fingerprint();
            expect(after, `${route.method} ${url} was refused (${res.statusCode}) but changed the database`).toBe(before);
            known = after;
          }
        }), { numRuns: 8, seed: 20261125 });
      }
    }, 300_000);
  }

  it('random query strings on every list never cause a 500', async () => {
    const c = await t.as('hq@test.cn');
    const lists = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':'));
    const param = fc.oneof(fc.string({ maxLength: 40 }), value.map((v) => JSON.stringify(v) ?? ''));
    for (const route of lists) {
      await fc.assert(fc.asyncProperty(param, param, param, async (sort, range, filter) => {
        tried++;
        const res = await c.get(route.url, { sort, range, filter });
        expect(res.statusCode, `${route.url} ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }), { numRuns: 15, seed: 7 });
    }
  }, 300_000);

  it('a 10 MB body is 413; deeply nested JSON is 400; both change nothing', async () => {
    const c = await t.as('school@test.cn');
    const before = await fingerprint();
    const big = await t.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie: c.cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ tier: 'talent_base', plan: { summary: 'x'.repeat(10 * 1024 * 1024) } }) });
    expect(big.statusCode).toBe(413);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const nested = await t.app.inject({ method: 'PUT', url: `/api/students/${w.students.east}`, headers: { cookie: (await t.as('school@test.cn')).cookie, 'content-type': 'application/json' }, payload: deep });
    expect(nested.statusCode).toBe(400);
    const csv = await t.app.inject({ method: 'POST', url: '/api/students/import', headers: { cookie: (await t.as('school@test.cn')).cookie, 'content-type': 'text/csv' }, payload: 'studentNo,name,cohortYear\n' + '=cmd|x,'.repeat(2) + '2024\n"unterminated' });
    expect(csv.statusCode).toBe(400);
    expect(await fingerprint()).toBe(before);
    tried += 3;
  });
});
