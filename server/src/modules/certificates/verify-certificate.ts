import { and, eq, ne, sql } from 'drizzle-orm';
import { certificateTransitions, decide, todayInChina, type Actor, type CertificateStatus, type Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { certificates, schools, students } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';

/**
 * HQ confirms a claimed certificate (e.g. one issued before the product), in one transaction: the certificate found in
 * scope (404) and locked, the transition row's checks (403 another role, 409 already verified), its number not
 * verified for another certificate (400 `certificate_number_taken`: the reconciliation lists such claims), then
 * verified with who and when, audited, and the school's KPIs recomputed.
 */
export async function verifyCertificate(db: Db, actor: Actor, scope: Scope, id: number, comment?: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(certificates).where(and(eq(certificates.id, id), schoolScopeCondition(scope, certificates.schoolId))).for('update');
    if (!row) throw notFound('certificate');
    const d = decide(certificateTransitions, row.status as CertificateStatus, 'verify', actor.role, {});
    if (!d.ok) throw refused(d.kind, d.reason, d.problems);
    if (row.certNo) {
      const [holder] = await tx.select({ name: students.name, school: schools.name }).from(certificates)
        .innerJoin(students, eq(students.id, certificates.studentId)).innerJoin(schools, eq(schools.id, certificates.schoolId))
        .where(and(eq(certificates.certNo, row.certNo), eq(certificates.status, 'verified'), ne(certificates.id, id)));
      if (holder) {
        const reason = { field: 'certNo', code: 'certificate_number_taken', params: { certNo: row.certNo, holder: `${holder.name}（${holder.school}）` } } as const;
        throw badRequest(reason, [reason]);
      }
    }
    await tx.update(certificates).set({ status: d.to, verifiedAt: sql`now()`, verifiedBy: actor.id }).where(eq(certificates.id, id));
    await appendAudit(tx, {
      entityType: 'certificate', entityId: id, schoolId: row.schoolId, action: 'verify', actorId: actor.id,
      fromState: row.status, toState: d.to, comment: comment?.trim() || null, data: { certNo: row.certNo },
    });
    await recomputeSchools(tx, [row.schoolId], todayInChina());
  });
}
