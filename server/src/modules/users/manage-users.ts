import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { sessions, userRegions, users } from '../../db/schema/index.js';
import type { Role } from '@campus/common';
import type { Actor } from '@campus/common';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { throttledPasswordCheck, type ThrottleSettings } from '../auth/login-throttle.js';
import { AppError, conflict, ErrorCode, invalid, notFound } from '../../lib/errors.js';
import type { passwordChangeBody, userCreateBody, userUpdateBody } from './user-schemas.js';

/** The links a role needs: regions for regional staff, a school for a school user, a provider for a provider. */
function linksFor(role: Role, input: { regionIds?: number[]; schoolId?: number | null; providerId?: number | null }) {
  if (role === 'regional' && !input.regionIds?.length) throw invalid([{ field: 'regionIds', code: 'regions_required' }]);
  if (role === 'school' && !input.schoolId) throw invalid([{ field: 'schoolId', code: 'school_required' }]);
  if (role === 'provider' && !input.providerId) throw invalid([{ field: 'providerId', code: 'provider_required' }]);
  return { schoolId: role === 'school' ? input.schoolId! : null, providerId: role === 'provider' ? input.providerId! : null, regionIds: role === 'regional' ? input.regionIds! : [] };
}

function checkPassword(password: string, field = 'password') {
  const problem = passwordProblem(password);
  if (problem) throw invalid([{ field, ...problem }]);
}

async function setRegions(tx: Tx, userId: number, regionIds: number[]) {
  await tx.delete(userRegions).where(eq(userRegions.userId, userId));
  if (regionIds.length) await tx.insert(userRegions).values(regionIds.map((regionId) => ({ userId, regionId })));
}

/** HQ creates an account (password rules apply; the links the role needs are required). */
export async function createUser(db: Db, actor: Actor, input: z.infer<typeof userCreateBody>) {
  checkPassword(input.password);
  const links = linksFor(input.role, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AppError(409, ErrorCode.conflict, 'email_taken', [{ field: 'email', code: 'email_taken' }]);
    const [row] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash, locale: input.locale ?? 'zh', schoolId: links.schoolId, providerId: links.providerId }).returning({ id: users.id });
    await setRegions(tx, row.id, links.regionIds);
    await appendAudit(tx, { entityType: 'user', entityId: row.id, action: 'create', actorId: actor.id, data: { email: input.email, role: input.role } });
    return row;
  });
}

/** The fields of an account an edit may change, as the audit records them (never the password hash). */
async function auditedFields(tx: Tx, user: typeof users.$inferSelect) {
  const regionRows = await tx.select({ regionId: userRegions.regionId }).from(userRegions).where(eq(userRegions.userId, user.id));
  return {
    name: user.name, role: user.role, active: user.active, locale: user.locale, schoolId: user.schoolId, providerId: user.providerId,
    regionIds: regionRows.map((r) => r.regionId).sort((a, b) => a - b),
  };
}

/**
 * The HQ accounts that are active, locked (in id order, so two edits cannot deadlock) for the rest of
 * the transaction: two HQ users deactivating each other at once are serialised here, and the second
 * sees the first's change.
 */
async function lockActiveHq(tx: Tx) {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'hq'), eq(users.active, true))).orderBy(users.id).for('update');
  return rows.map((r) => r.id);
}

/**
 * HQ edits an account; deactivating it or setting a new password ends its sessions. The last active
 * HQ account cannot be deactivated. The audit event records each changed field before and after.
 */
export async function updateUser(db: Db, actor: Actor, id: number, input: z.infer<typeof userUpdateBody>) {
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const activeHq = input.active === false ? await lockActiveHq(tx) : undefined;
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw notFound('user');
    if (id === actor.id && input.active === false) throw invalid([{ field: 'active', code: 'cannot_deactivate_self' }]);
    if (activeHq?.includes(id) && activeHq.length === 1) {
      throw conflict('last_hq_account');
    }
    const before = await auditedFields(tx, current);
    const role = current.role as Role;
    const touchesLinks = input.regionIds !== undefined || input.schoolId !== undefined || input.providerId !== undefined;
    const links = touchesLinks ? linksFor(role, { regionIds: input.regionIds, schoolId: input.schoolId ?? current.schoolId, providerId: input.providerId ?? current.providerId }) : undefined;
    const [updated] = await tx.update(users).set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(passwordHash ? { passwordHash } : {}),
      ...(links ? { schoolId: links.schoolId, providerId: links.providerId } : {}),
      updatedAt: sql`now()`,
    }).where(eq(users.id, id)).returning();
    if (links && role === 'regional') await setRegions(tx, id, links.regionIds);
    if (passwordHash || input.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = await auditedFields(tx, updated);
    await appendAudit(tx, {
      entityType: 'user', entityId: id, action: 'update', actorId: actor.id, schoolId: updated.schoolId,
      data: { changes: changesBetween(before, after), passwordChanged: !!passwordHash },
    });
  });
}

/**
 * Anyone changes their own password, knowing the current one (checked under the same throttle as
 * sign-in, for this account at this address); their other sessions end.
 */
export async function changeOwnPassword(db: Db, actor: Actor, currentSessionId: string, input: z.infer<typeof passwordChangeBody>, address: string, throttle: ThrottleSettings) {
  const right = await throttledPasswordCheck(db, { account: actor.email, address }, throttle, 'too_many_password_tries', async () => {
    const [u] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
    return !!u && (await verifyPassword(u.passwordHash, input.currentPassword));
  });
  if (!right) {
    throw invalid([{ field: 'currentPassword', code: 'current_password_wrong' }]);
  }
  checkPassword(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) throw invalid([{ field: 'newPassword', code: 'password_unchanged' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, actor.id));
    await tx.delete(sessions).where(sql`${sessions.userId} = ${actor.id} AND ${sessions.id} <> ${currentSessionId}`);
    await appendAudit(tx, { entityType: 'user', entityId: actor.id, action: 'change_password', actorId: actor.id, schoolId: actor.schoolId, data: { address } });
  });
}
