import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database.js';
import { seedFixture } from './fixtures.js';

/**
 * A test file's database is a fresh copy of the migrated template, whether it was loaded anew or is one an earlier
 * file of the worker closed and the reset emptied (embedded only; on PostgreSQL every file gets a new database).
 */
describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded test database', () => {
  const count = async (database: Awaited<ReturnType<typeof createTestDatabase>>, table: string) =>
    Number((await database.pglite!.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  it('a closed database comes back empty, its ids restarted and its session reset, as the next file\'s', async () => {
    const first = await createTestDatabase();
    const fixture = await seedFixture(first.db);
    await first.pglite!.exec(`SET statement_timeout = '1234ms'`);
    // An audit event: the table refuses UPDATE, DELETE and TRUNCATE, so the reset must set that trigger aside.
    await first.pglite!.exec(`INSERT INTO audit_events (entity_type, entity_id, action, actor_id, data) VALUES ('school', ${fixture.schools.eastA.id}, 'test', ${fixture.users['hq@test.cn'].id}, '{}')`);
    const used = first.pglite!;
    await first.close();

    const second = await createTestDatabase();
    expect(second.pglite, 'the closed database was reused').toBe(used);
    for (const table of ['schools', 'users', 'regions', 'tier_policies', 'audit_events']) expect(await count(second, table), table).toBe(0);
    expect((await second.pglite!.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0].statement_timeout).toBe('0');
    expect((await second.pglite!.query<{ tz: string }>('SHOW TIME ZONE')).rows[0]).toEqual({ TimeZone: 'Asia/Shanghai' });
    const again = await seedFixture(second.db);
    expect(again.schools.eastA.id).toBe(fixture.schools.eastA.id);
    expect(again.users['hq@test.cn'].id).toBe(fixture.users['hq@test.cn'].id);
    // The audit trigger is back in force after the reset.
    await expect(second.pglite!.exec('DELETE FROM audit_events')).resolves.toBeDefined();
    await second.pglite!.exec(`INSERT INTO audit_events (entity_type, entity_id, action, data) VALUES ('school', 1, 'test', '{}')`);
    await expect(second.pglite!.exec('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await second.close();
  });

  it('a database whose schema a test changed, or that was analysed, is not reused', async () => {
    const altered = await createTestDatabase();
    await altered.pglite!.exec('ALTER TABLE schools ADD COLUMN scratch integer');
    const alteredPglite = altered.pglite!;
    await altered.close();
    expect(alteredPglite.closed).toBe(true);

    const analysed = await createTestDatabase();
    expect(analysed.pglite).not.toBe(alteredPglite);
    await seedFixture(analysed.db);
    await analysed.db.execute(sql`ANALYZE schools`);
    const analysedPglite = analysed.pglite!;
    await analysed.close();
    expect(analysedPglite.closed).toBe(true);

    const fresh = await createTestDatabase();
    expect(await count(fresh, 'schools')).toBe(0);
    expect((await fresh.pglite!.query('SELECT scratch FROM schools').catch((e: Error) => e.message))).toMatch(/scratch/);
    await fresh.close();
  });
});
