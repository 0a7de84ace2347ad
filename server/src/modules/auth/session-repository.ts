import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sessions, userRegions, users } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import type { Role } from '@campus/common';

export const tokenDigest = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(db: Executor, userId: number, ttlHours: number, meta: { ip?: string; userAgent?: string }) {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ id: tokenDigest(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) });
  return { token, expiresAt };
}

/** Ends a session; answers whose it was (undefined for an unknown or already ended one). */
export async function deleteSession(db: Executor, token: string): Promise<{ userId: number; schoolId: number | null } | undefined> {
  const [ended] = await db.delete(sessions).where(eq(sessions.id, tokenDigest(token))).returning({ userId: sessions.userId });
  if (!ended) return undefined;
  const [u] = await db.select({ schoolId: users.schoolId }).from(users).where(eq(users.id, ended.userId));
  return { userId: ended.userId, schoolId: u?.schoolId ?? null };
}

export async function loadActor(db: Executor, userId: number): Promise<Actor | undefined> {
  const [u] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true))).limit(1);
  if (!u) return undefined;
  const regionRows = await db.select({ regionId: userRegions.regionId }).from(userRegions).where(eq(userRegions.userId, u.id));
  return {
    id: u.id, email: u.email, name: u.name, role: u.role as Role, locale: u.locale,
    regionIds: regionRows.map((r) => r.regionId).sort((a, b) => a - b), schoolId: u.schoolId, providerId: u.providerId,
  };
}

export async function purgeExpiredSessions(db: Executor) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

/**
 * The signed-in user of a cookie token in one query (session, user and regions), with the session's
 * expiry, sliding it at most once a minute. Undefined for an unknown, expired or deactivated one.
 */
export async function actorForSession(db: Executor, token: string, ttlHours: number): Promise<{ actor: Actor; expiresAt: Date } | undefined> {
  const id = tokenDigest(token);
  const [row] = await db.select({
    lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userId: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale,
    schoolId: users.schoolId, providerId: users.providerId,
    regionIds: sql<number[]>`coalesce((SELECT array_agg(ur.region_id ORDER BY ur.region_id) FROM user_regions ur WHERE ur.user_id = "users"."id"), '{}')`,
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.active, true))).limit(1);
  if (!row) return undefined;
  let expiresAt = row.expiresAt;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    expiresAt = new Date(Date.now() + ttlHours * 3600_000);
    await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, id));
  }
  const actor: Actor = {
    id: row.userId, email: row.email, name: row.name, role: row.role as Role, locale: row.locale,
    regionIds: (row.regionIds ?? []).map(Number), schoolId: row.schoolId, providerId: row.providerId,
  };
  return { actor, expiresAt };
}
