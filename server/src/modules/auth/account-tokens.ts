import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { now } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { accountTokens, type AccountTokenPurpose } from '../../db/schema/index.js';
import { badRequest } from '../../lib/errors.js';

/** How long a one-time account link stays valid: an invitation a week, a reset an hour. The one place these live. */
export const accountTokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * 3600_000,
  reset: 3600_000,
};

/** The web page each link opens (both pages are the one page that sets the password). */
export const accountTokenPath: Record<AccountTokenPurpose, string> = {
  invitation: '/set-password',
  reset: '/reset-password',
};

export const accountTokenDigest = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A new one-time link for an account: 32 random bytes (base64url), of which only the SHA-256 is
 * stored. The account's open links of the same purpose are closed (a resend invalidates the last one).
 * Returns the token, to be put in a link once and never stored.
 */
export async function issueAccountToken(tx: Executor, userId: number, purpose: AccountTokenPurpose): Promise<{ token: string; id: number; expiresAt: Date }> {
  const at = now();
  await tx.update(accountTokens).set({ usedAt: at })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + accountTokenLifetimeMs[purpose]);
  const [row] = await tx.insert(accountTokens).values({ purpose, userId, tokenHash: accountTokenDigest(token), expiresAt, createdAt: at }).returning({ id: accountTokens.id });
  return { token, id: row!.id, expiresAt };
}

/** Closes every open link of an account (its password was set, or it was deactivated). */
export async function closeAccountTokens(tx: Executor, userId: number) {
  await tx.update(accountTokens).set({ usedAt: now() }).where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)));
}

/**
 * The open link a token names, locked for the caller's transaction, or a 400 that says why not:
 * unknown (forged or mistyped), another purpose than the one expected, already used (or replaced), expired.
 */
export async function openAccountToken(tx: Executor, token: string, purpose?: AccountTokenPurpose) {
  const [row] = await tx.select().from(accountTokens).where(eq(accountTokens.tokenHash, accountTokenDigest(token))).for('update');
  if (!row) throw badRequest('token_invalid', [{ field: 'token', code: 'token_invalid' }]);
  if (purpose && row.purpose !== purpose) throw badRequest('token_wrong_purpose', [{ field: 'token', code: 'token_wrong_purpose' }]);
  if (row.usedAt) throw badRequest('token_used', [{ field: 'token', code: 'token_used' }]);
  if (row.expiresAt.getTime() <= now().getTime()) throw badRequest('token_expired', [{ field: 'token', code: 'token_expired' }]);
  return { id: row.id, userId: row.userId, purpose: row.purpose as AccountTokenPurpose };
}
