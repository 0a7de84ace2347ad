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
import { closeAccountTokens } from '../auth/account-tokens.js';
import { AppError, conflict, ErrorCode, invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import type { passwordChangeBody, userCreateBody, userUpdateBody } from './user-schemas.js';
import { linksFor, setRegions } from './account-links.js';
import { assertMayManageAccount } from './account-access.js';
import { inviteUser, sendInvitation } from './invite-user.js';

function checkPassword(password: string, field = 'password') {
  const problem = passwordProblem(password);
  if (problem) throw invalid([{ field, ...problem }]);
}

/**
 * HQ (any role) or regional staff (school accounts of their regions) create an account. Without a
 * password, as the UI does, the owner is invited by mail (inviteUser); with one (scripts, tests) the
 * account can sign in at once.
 */
export async function createUser(db: Db, actor: Actor, input: z.infer<typeof userCreateBody>) {
  if (input.password !== undefined) checkPassword(input.password);
  await assertMayManageAccount(db, actor, { role: input.role, schoolId: input.schoolId });
  const links = linksFor(input.role, input);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    if (!passwordHash) {
      const { user } = await inviteUser(tx, input, actor);
      return { id: user.id };
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AppError(409, ErrorCode.conflict, 'email_taken', [{ field: 'email', code: 'email_taken' }]);
    const [row] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash, locale: input.locale ?? 'zh', schoolId: links.schoolId, providerId: links.providerId }).returning({ id: users.id });
    await setRegions(tx, row.id, links.regionIds);
    await appendAudit(tx, { entityType: 'user', entityId: row.id, action: 'create', actorId: actor.id, schoolId: links.schoolId, data: { email: input.email, role: input.role } });
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

/** The account, locked, if the actor may manage it (404 when it is outside what they see, as a read would say). */
async function lockManaged(tx: Tx, actor: Actor, id: number) {
  const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!current) throw notFound('user');
  if (actor.role !== 'hq') {
    try {
      await assertMayManageAccount(tx, actor, { role: current.role, schoolId: current.schoolId });
    } catch {
      throw notFound('user');
    }
  }
  return current;
}

/**
 * An edit of an account (name, role, links, locale, active; a password only from scripts), versioned
 * (a stale `version` is 409) and audited with each changed field before and after. Deactivating an
 * account or setting its password ends its sessions and closes its open links. The last active HQ
 * account cannot be deactivated or given another role. Regional staff edit school accounts of their
 * regions and keep them there.
 */
export async function updateUser(db: Db, actor: Actor, id: number, input: z.infer<typeof userUpdateBody>) {
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const activeHq = input.active === false || (input.role !== undefined && input.role !== 'hq') ? await lockActiveHq(tx) : undefined;
    const current = await lockManaged(tx, actor, id);
    if (input.version !== undefined && input.version !== current.version) throw refused('stale_version', 'stale_version');
    if (id === actor.id && input.active === false) throw invalid([{ field: 'active', code: 'cannot_deactivate_self' }]);
    if (activeHq?.includes(id) && activeHq.length === 1 && (input.active === false || (input.role ?? 'hq') !== 'hq')) {
      throw conflict('last_hq_account');
    }
    const before = await auditedFields(tx, current);
    const role = (input.role ?? current.role) as Role;
    const roleChanged = role !== current.role;
    const touchesLinks = roleChanged || input.regionIds !== undefined || input.schoolId !== undefined || input.providerId !== undefined;
    const links = touchesLinks
      ? linksFor(role, { regionIds: input.regionIds ?? before.regionIds, schoolId: input.schoolId ?? current.schoolId, providerId: input.providerId ?? current.providerId })
      : undefined;
    if (links && actor.role !== 'hq') await assertMayManageAccount(tx, actor, { role, schoolId: links.schoolId });
    const deactivated = input.active === false && current.active;
    const [updated] = await tx.update(users).set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(roleChanged ? { role } : {}),
      ...(passwordHash ? { passwordHash, invitationPending: false } : {}),
      ...(links ? { schoolId: links.schoolId, providerId: links.providerId } : {}),
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    }).where(eq(users.id, id)).returning();
    if (links) await setRegions(tx, id, links.regionIds);
    if (passwordHash || deactivated || roleChanged) await tx.delete(sessions).where(eq(sessions.userId, id));
    if (passwordHash || deactivated) await closeAccountTokens(tx, id);
    const after = await auditedFields(tx, updated);
    const changes = changesBetween(before, after);
    if (!Object.keys(changes).length && !passwordHash) {
      // Nothing changed: no event, and the version stays.
      await tx.update(users).set({ version: current.version }).where(eq(users.id, id));
      return;
    }
    await appendAudit(tx, {
      entityType: 'user', entityId: id, action: 'update', actorId: actor.id, schoolId: updated.schoolId,
      data: { changes, passwordChanged: !!passwordHash },
    });
  });
}

/** Deactivate or reactivate, as its own action (`version` checked when given). */
export const setUserActive = (db: Db, actor: Actor, id: number, active: boolean, version?: number) => updateUser(db, actor, id, { active, version });

/**
 * Sends the invitation again: a new 7-day link, the previous one no longer works. For an active
 * account the actor may manage; audited.
 */
export async function resendInvitation(db: Db, actor: Actor, id: number, version?: number) {
  await db.transaction(async (tx) => {
    const current = await lockManaged(tx, actor, id);
    if (version !== undefined && version !== current.version) throw refused('stale_version', 'stale_version');
    if (!current.active) throw invalid([{ field: 'active', code: 'account_inactive' }]);
    await sendInvitation(tx, current, actor, { resend: true });
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
    await tx.update(users).set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: sql`now()` }).where(eq(users.id, actor.id));
    await tx.delete(sessions).where(sql`${sessions.userId} = ${actor.id} AND ${sessions.id} <> ${currentSessionId}`);
    await closeAccountTokens(tx, actor.id);
    await appendAudit(tx, { entityType: 'user', entityId: actor.id, action: 'change_password', actorId: actor.id, schoolId: actor.schoolId, data: { address } });
  });
}
