import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sessions, userRegions, users } from '../../db/schema/index.js';
import type { Actor } from '../../domain/access/scope.js';
import type { Role } from '../../db/schema/enums.js';

export const tokenDigest = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(db: Executor, userId: number, ttlHours: number, meta: { ip?: string; userAgent?: string }) {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ id: tokenDigest(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) });
  return { token, expiresAt };
}

export async function deleteSession(db: Executor, token: string) {
  await db.delete(sessions).where(eq(sessions.id, tokenDigest(token)));
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

/**
 * Finds the live session of a cookie token and slides its expiry (at most once a minute, so that
 * reads do not write on every request). Expired sessions are not found.
 */
export async function findSessionUser(db: Executor, token: string, ttlHours: number): Promise<number | undefined> {
  const id = tokenDigest(token);
  const [row] = await db.select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions).where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`))).limit(1);
  if (!row) return undefined;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + ttlHours * 3600_000) })
      .where(eq(sessions.id, id));
  }
  return row.userId;
}

export async function purgeExpiredSessions(db: Executor) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
