import { eq } from 'drizzle-orm';
import type { Actor, Role } from '@campus/common';
import type { Tx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { enqueueMail } from '../mail/enqueue-mail.js';
import { publicUrl } from '../mail/public-url.js';
import { accountTokenLifetimeMs, accountTokenPath, issueAccountToken } from '../auth/account-tokens.js';
import { invitationMail, resetMail } from './account-mail.js';
import { linksFor, setRegions } from './account-links.js';

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  schoolId?: number | null;
  providerId?: number | null;
  regionIds?: number[];
  locale?: 'zh' | 'en' | string;
}

/** An account row without its password hash. */
export type AccountRow = Omit<typeof users.$inferSelect, 'passwordHash'>;

/** No argon2 hash is empty, so no password ever verifies against it: the account cannot sign in yet. */
export const NO_PASSWORD = '';

/**
 * Creates an account with no usable password and invites its owner: a 7-day single-use link, stored
 * hashed, mailed (in the account's language) through the outbox in the caller's transaction.
 * Answers the account and the link (for the first start's log and the operator; never stored).
 * Who may invite whom is the caller's check (account-access.ts).
 */
export async function inviteUser(tx: Tx, input: InviteInput, actor: Actor | null): Promise<{ user: AccountRow; link: string }> {
  const email = input.email.trim().toLowerCase();
  const links = linksFor(input.role, input);
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new AppError(409, ErrorCode.conflict, 'email_taken', [{ field: 'email', code: 'email_taken', params: { id: existing.id } }]);
  const [row] = await tx.insert(users).values({
    email, name: input.name.trim(), role: input.role, passwordHash: NO_PASSWORD, invitationPending: true,
    locale: input.locale === 'en' ? 'en' : 'zh', schoolId: links.schoolId, providerId: links.providerId,
  }).returning();
  await setRegions(tx, row!.id, links.regionIds);
  await appendAudit(tx, { entityType: 'user', entityId: row!.id, action: 'create', actorId: actor?.id ?? null, schoolId: row!.schoolId, data: { email, role: input.role } });
  const link = await sendInvitation(tx, row!, actor, { resend: false });
  const { passwordHash: _hash, ...user } = row!;
  return { user, link };
}

/** Mails an invitation link to an account (closing its earlier ones); answers the link. */
export async function sendInvitation(tx: Tx, user: AccountRow, actor: Actor | null, opts: { resend: boolean; by?: 'first_start' }): Promise<string> {
  const { token } = await issueAccountToken(tx, user.id, 'invitation');
  const link = publicUrl(`${accountTokenPath.invitation}?token=${token}`);
  await enqueueMail(tx, { to: user.email, kind: 'invitation', userId: user.id, ...invitationMail(user.locale, user, link, accountTokenLifetimeMs.invitation) });
  await appendAudit(tx, {
    entityType: 'user', entityId: user.id, action: 'invite', actorId: actor?.id ?? null, schoolId: user.schoolId,
    data: { email: user.email, ...(opts.resend ? { resend: true as const } : {}), ...(opts.by ? { by: opts.by } : {}) },
  });
  return link;
}

/** Mails a password-reset link to an account (closing its earlier ones); answers the link. */
export async function sendReset(tx: Tx, user: AccountRow, actor: Actor | null, by: 'forgot_password' | 'operator', mail = true): Promise<string> {
  const { token } = await issueAccountToken(tx, user.id, 'reset');
  const link = publicUrl(`${accountTokenPath.reset}?token=${token}`);
  if (mail) await enqueueMail(tx, { to: user.email, kind: 'password_reset', userId: user.id, ...resetMail(user.locale, user, link, accountTokenLifetimeMs.reset) });
  await appendAudit(tx, { entityType: 'user', entityId: user.id, action: 'send_reset', actorId: actor?.id ?? null, schoolId: user.schoolId, data: { email: user.email, by } });
  return link;
}
