import { and, eq, inArray } from 'drizzle-orm';
import type { Reason } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { certificates } from '../../db/schema/index.js';
import { badRequest, conflict } from '../../lib/errors.js';

// Claimed and verified certificates (issue 18 item 4): a school's certificate is claimed; a verified one (issued by a
// session's results, or confirmed by HQ) is the programme's record and not the school's to change.

/** Why a school may not change or delete this certificate: it is verified. */
export function verifiedLock(row: Record<string, unknown> | undefined): Reason | undefined {
  return row?.status === 'verified' ? { code: 'certificate_verified_locked', params: { certNo: (row.certNo as string | null) ?? '' } } : undefined;
}

/** 409 for a school's edit or deletion of a verified certificate. */
export function refuseVerified(row: Record<string, unknown> | undefined) {
  const reason = verifiedLock(row);
  if (reason) throw conflict(reason);
}

interface Claim { studentId: number; kind: string; certNo: string | null }

/**
 * The claims (by index) whose number is a verified certificate of the same student and kind: that certificate is on
 * record already, so the claim is refused (`certificate_already_verified`). A number verified for another student
 * (or another kind) is stored as a claim, and the reconciliation lists it for HQ.
 */
export async function claimsOfVerifiedNumbers(db: Executor, claims: Claim[], exceptId?: number): Promise<number[]> {
  const numbers = [...new Set(claims.map((c) => c.certNo).filter((n): n is string => !!n))];
  if (!numbers.length) return [];
  const verified = new Map<string, { id: number; studentId: number; kind: string }>();
  for (let i = 0; i < numbers.length; i += 5000) {
    const rows = await db.select({ id: certificates.id, certNo: certificates.certNo, studentId: certificates.studentId, kind: certificates.kind })
      .from(certificates).where(and(eq(certificates.status, 'verified'), inArray(certificates.certNo, numbers.slice(i, i + 5000))));
    for (const r of rows) verified.set(r.certNo!, r);
  }
  return claims.flatMap((c, i) => {
    const v = c.certNo ? verified.get(c.certNo) : undefined;
    return v && v.id !== exceptId && v.studentId === c.studentId && v.kind === c.kind ? [i] : [];
  });
}

/** 400 when a school's certificate repeats a verified certificate of the same student and kind. */
export async function refuseVerifiedNumber(db: Executor, claim: Claim, exceptId?: number) {
  if ((await claimsOfVerifiedNumbers(db, [claim], exceptId)).length) {
    const reason: Reason = { field: 'certNo', code: 'certificate_already_verified', params: { certNo: claim.certNo ?? '' } };
    throw badRequest(reason, [reason]);
  }
}
