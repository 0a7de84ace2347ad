import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { now } from '@campus/common';
import type { Db } from '../../db/client.js';
import { joinRequests } from '../../db/schema/index.js';
import { AppError, ErrorCode, invalid } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { enqueueMail } from '../mail/enqueue-mail.js';
import { publicUrl } from '../mail/public-url.js';
import { regionOfProvince } from '../regions/province-region.js';
import type { JoinRequestInput } from './join-request-input.js';
import { JOIN_LIMITS } from './join-limits.js';
import { countJoinRequest } from './join-throttle.js';
import { joinConfirmMail } from './join-mail.js';
import { joinConfirmPath, joinTokenDigest, newJoinToken } from './join-token.js';

export interface Requester { address: string; locale: 'zh' | 'en' }

/**
 * A school asks to join, from the public page. The answer is the same whatever happens to the
 * request (stored, or dropped by the honeypot), and whether or not its school or e-mail is known:
 * nothing about other requests is told. Refused only for what the requester can see and fix: a bad
 * field (400), too many requests from the address or the e-mail (429), too many open requests from
 * the e-mail's domain in 24 hours (429). A stored request is `unconfirmed`; its confirmation link is
 * mailed in the same transaction.
 */
export async function createJoinRequest(db: Db, input: JoinRequestInput, who: Requester): Promise<void> {
  // The honeypot: people never see the field; a program that fills it is answered and forgotten.
  if (input.website?.trim()) return;
  if (!(await regionOfProvince(db, input.province))) throw invalid([{ field: 'province', code: 'join_province_unknown', params: { province: input.province } }]);
  await countJoinRequest(db, { address: who.address, email: input.email });
  const domain = input.email.slice(input.email.lastIndexOf('@') + 1);
  const token = newJoinToken();
  await db.transaction(async (tx) => {
    // One domain's requests are counted one at a time.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`join-domain:${domain}`}))`);
    const at = now();
    await tx.update(joinRequests).set({ status: 'expired', version: sql`${joinRequests.version} + 1`, updatedAt: at })
      .where(and(eq(joinRequests.emailDomain, domain), eq(joinRequests.status, 'unconfirmed'), lt(joinRequests.confirmExpiresAt, at)));
    const [open] = await tx.select({ n: sql<number>`count(*)::int` }).from(joinRequests).where(and(
      eq(joinRequests.emailDomain, domain), inArray(joinRequests.status, ['unconfirmed', 'pending']),
      gt(joinRequests.createdAt, sql`now() - interval '24 hours'`),
    ));
    if ((open?.n ?? 0) >= JOIN_LIMITS.perDomainPerDay) {
      throw new AppError(429, ErrorCode.tooManyRequests, { code: 'join_too_many_from_domain', params: { domain, limit: JOIN_LIMITS.perDomainPerDay } });
    }
    const [row] = await tx.insert(joinRequests).values({
      schoolName: input.schoolName, province: input.province, kind: input.kind, contactName: input.contactName, email: input.email,
      emailDomain: domain, phone: input.phone, tier: input.tier, locale: who.locale, confirmTokenHash: joinTokenDigest(token),
      confirmExpiresAt: new Date(at.getTime() + JOIN_LIMITS.confirmHours * 3600_000), requesterAddress: who.address,
    }).returning();
    await appendAudit(tx, { entityType: 'join_request', entityId: row!.id, action: 'create', actorId: null, toState: 'unconfirmed' });
    await enqueueMail(tx, { to: row!.email, kind: 'join_confirm', ...joinConfirmMail(who.locale, row!, publicUrl(joinConfirmPath(token)), JOIN_LIMITS.confirmHours) });
  });
}
