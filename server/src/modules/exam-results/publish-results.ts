import { and, eq, inArray, sql } from 'drizzle-orm';
import { examSessionTransitions, todayInChina, type AuditEventInput, type ExamSessionState } from '@campus/common';
import type { Tx } from '../../db/client.js';
import { auditEvents, certificates, examSessions } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { carryOut, startRun, type Effects, type TransitionRun } from '../workflow/effects.js';
import type { ImportContext } from '../import/index.js';
import type { CheckedResult, PreparedResults } from './check-results.js';

const BATCH = 500;

/** What the results import hands the session's `publish_results` transition: the checked rows (check-results.ts). */
export interface PublishInput { prepared: PreparedResults; slice: () => Promise<void> }

/** The transition run of the exam_session table's effects (the registry types them all as the session's runs). */
type Run = TransitionRun<{ id: number }, unknown>;
const inputOf = (run: Run) => run.input as PublishInput;

/** Appends audit events in batches (the certificates of a session: one event each), typed as appendAudit's. */
async function appendAudits(tx: Tx, events: AuditEventInput[]) {
  for (let i = 0; i < events.length; i += BATCH) {
    await tx.insert(auditEvents).values(events.slice(i, i + BATCH).map((e) => ({
      entityType: e.entityType, entityId: e.entityId, action: e.action, actorId: e.actorId, schoolId: e.schoolId ?? null,
      fromState: e.fromState ?? null, toState: e.toState ?? null, comment: e.comment ?? null, data: e.data ?? null,
    })));
  }
}

const schoolsOf = (results: CheckedResult[]) => [...new Set(results.map((r) => r.candidate.schoolId))].sort((a, b) => a - b);

/**
 * The effects of the `publish_results` row (exam-session-transitions.ts), in the exam_session registry beside the
 * session's other actions' (workflow/effect-registry.ts).
 */
export const examResultEffects: Effects<Run> = {
  /**
   * Each pass's certificate, verified: the same student's verified certificate of that number and the session's
   * kind, or their claim of it (the oldest), which becomes verified, or a new one; each audited (issue, verify).
   */
  issueCertificates: {
    after: async (run) => {
      const { prepared: { session, results }, slice } = inputOf(run);
      const tx = run.tx;
      const passes = results.filter((r) => r.result === 'passed');
      const numbers = passes.map((r) => r.certNo!);
      const existing = new Map<string, { id: number; status: string; studentId: number; kind: string }[]>();
      for (let i = 0; i < numbers.length; i += BATCH) {
        const rows = await tx.select({ id: certificates.id, certNo: certificates.certNo, status: certificates.status, studentId: certificates.studentId, kind: certificates.kind })
          .from(certificates).where(inArray(certificates.certNo, numbers.slice(i, i + BATCH))).orderBy(certificates.id).for('update');
        for (const c of rows) existing.set(c.certNo!, [...(existing.get(c.certNo!) ?? []), c]);
      }
      const certificateOf = new Map<number, number>();
      const audits: AuditEventInput[] = [];
      const toCreate: CheckedResult[] = [];
      const toVerify: { result: CheckedResult; id: number }[] = [];
      for (const r of passes) {
        const mine = (existing.get(r.certNo!) ?? []).filter((c) => c.studentId === r.candidate.studentId && c.kind === session.kind);
        const verified = mine.find((c) => c.status === 'verified');
        if (verified) certificateOf.set(r.candidate.id, verified.id);
        else if (mine.length) toVerify.push({ result: r, id: mine[0].id });
        else toCreate.push(r);
      }
      for (const { result, id } of toVerify) {
        await tx.update(certificates).set({ status: 'verified', verifiedAt: sql`now()`, verifiedBy: null, issuedOn: result.issuedOn! }).where(eq(certificates.id, id));
        certificateOf.set(result.candidate.id, id);
        audits.push({ entityType: 'certificate', entityId: id, schoolId: result.candidate.schoolId, action: 'verify', actorId: run.actor.id, fromState: 'claimed', toState: 'verified', data: { certNo: result.certNo, sessionId: session.id } });
      }
      for (let i = 0; i < toCreate.length; i += BATCH) {
        const some = toCreate.slice(i, i + BATCH);
        const ids = await tx.insert(certificates).values(some.map((r) => ({
          schoolId: r.candidate.schoolId, studentId: r.candidate.studentId, kind: session.kind, certNo: r.certNo, issuedOn: r.issuedOn!,
          status: 'verified', verifiedAt: sql`now()`, verifiedBy: null,
        }))).returning({ id: certificates.id });
        some.forEach((r, k) => {
          certificateOf.set(r.candidate.id, ids[k].id);
          audits.push({ entityType: 'certificate', entityId: ids[k].id, schoolId: r.candidate.schoolId, action: 'issue', actorId: run.actor.id, toState: 'verified', data: { sessionId: session.id, candidateId: r.candidate.id, certNo: r.certNo! } });
        });
        await slice();
      }
      await appendAudits(tx, audits);
      run.result.certificateOf = certificateOf;
      Object.assign(run.data, { passed: passes.length, certificatesIssued: toCreate.length, claimsVerified: toVerify.length });
    },
  },
  /** Every candidate's scores and result, with the certificate a pass issued; a batch of rows a statement. */
  recordResults: {
    after: async (run) => {
      const { prepared: { session, results }, slice } = inputOf(run);
      const certificateOf = (run.result.certificateOf as Map<number, number> | undefined) ?? new Map<number, number>();
      for (let i = 0; i < results.length; i += BATCH) {
        const rows = results.slice(i, i + BATCH).map((r) => ({
          id: r.candidate.id, theory: r.theoryScore, practice: r.practiceScore, result: r.result, cert_no: r.certNo, certificate_id: certificateOf.get(r.candidate.id) ?? null,
        }));
        await run.tx.execute(sql`
          UPDATE exam_candidates c SET theory_score = x.theory, practice_score = x.practice, result = x.result, cert_no = x.cert_no,
                 certificate_id = x.certificate_id, result_recorded_at = now()
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id int, theory numeric, practice numeric, result text, cert_no text, certificate_id int)
          WHERE c.id = x.id AND c.session_id = ${session.id}`);
        await slice();
      }
      const count = (result: string) => results.filter((r) => r.result === result).length;
      Object.assign(run.data, { candidates: results.length, failed: count('failed'), absent: count('absent'), schoolIds: schoolsOf(results) });
    },
  },
  /** The KPIs of every school with candidates, in the same transaction (the certificate KPIs follow the passes). */
  recomputeCompliance: {
    last: async (run) => { await recomputeSchools(run.tx, schoolsOf(inputOf(run).prepared.results), run.today); },
  },
};

/**
 * Publishes a session's results, in the import's one transaction: the session locked and its `publish_results` row
 * checked (HQ; closed; the version the check read, else 409); the row's effects (the certificates, every
 * candidate's result, the KPIs); the session's update and audit event; each school with candidates notified with
 * its passes. `effects` is the exam_session table's registry (workflow/effect-registry.ts).
 */
export async function publishResults(tx: Tx, ctx: ImportContext, prepared: PreparedResults, effects: Effects<Run>) {
  const { session, results } = prepared;
  const [row] = await tx.select().from(examSessions).where(eq(examSessions.id, session.id)).for('update');
  if (!row) throw notFound('exam session');
  const decision = checkTransition(examSessionTransitions, row as { status: ExamSessionState; version: number }, 'publish_results', ctx.actor.role, session.version, { input: {} });
  const input: PublishInput = { prepared, slice: ctx.slice };
  const run: Run = startRun({ tx, actor: ctx.actor, row, action: 'publish_results', to: decision.to, input, today: todayInChina() });
  await carryOut(effects, decision.effects, run, {
    update: async (r) => {
      await tx.update(examSessions).set({ ...r.set, status: r.to, version: sql`${examSessions.version} + 1`, resultsImportedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(examSessions.id, session.id), eq(examSessions.version, session.version)));
    },
    audit: async (r) => {
      const d = r.data as { candidates: number; passed: number; failed: number; absent: number; certificatesIssued: number; claimsVerified: number; schoolIds: number[] };
      await appendAudit(tx, {
        entityType: 'exam_session', entityId: session.id, action: 'publish_results', actorId: ctx.actor.id, fromState: row.status, toState: r.to,
        data: { candidates: d.candidates, passed: d.passed, failed: d.failed, absent: d.absent, certificatesIssued: d.certificatesIssued, claimsVerified: d.claimsVerified, schoolIds: d.schoolIds },
      });
    },
    notify: async () => {
      for (const schoolId of schoolsOf(results)) {
        const mine = results.filter((r) => r.candidate.schoolId === schoolId);
        await notify(tx, {
          audience: ['school'], schoolId, kind: 'exam_session.publish_results', entityType: 'exam_session', entityId: session.id,
          params: { subject: session.title, passed: mine.filter((r) => r.result === 'passed').length, candidates: mine.length },
        });
      }
    },
  });
}
