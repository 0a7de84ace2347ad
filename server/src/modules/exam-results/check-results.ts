import { sql } from 'drizzle-orm';
import { todayInChina, type ProblemParams } from '@campus/common';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { notFound } from '../../lib/errors.js';
import type { ImportContext, ImportProblem, ImportRow } from '../import/index.js';
import type { ResultRow } from './results-columns.js';

export interface SessionOfResults { id: number; title: string; kind: string; examOn: string; status: string; version: number }

export interface Candidate { id: number; studentId: number; schoolId: number; studentNo: string; studentName: string; schoolName: string }

/** A row ready to write: its candidate and what the file says of them. */
export interface CheckedResult {
  row: number;
  candidate: Candidate;
  theoryScore: number | null;
  practiceScore: number | null;
  result: 'passed' | 'failed' | 'absent';
  certNo: string | null;
  issuedOn: string | null;
}

export interface PreparedResults { session: SessionOfResults; results: CheckedResult[] }

const LISTED_MISSING = 5;

/** The session named by the route, or 404. */
export async function sessionOfRoute(db: Db, ctx: ImportContext): Promise<SessionOfResults> {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound('exam session');
  const [session] = await queryRows<SessionOfResults>(db, sql`
    SELECT id, title, kind, to_char(exam_on, 'YYYY-MM-DD') AS "examOn", status, version FROM exam_sessions WHERE id = ${id}`);
  if (!session) throw notFound('exam session');
  return session;
}

const label = (c: Candidate) => `${c.studentName} (${c.studentNo}, ${c.schoolName})`;

/**
 * The checks of a results file that need the session and the database, all read-only (the import kit's rule): the
 * session closed for registration and not yet published; each row's candidate registered for this session, once in
 * the file, every registered candidate in it; a pass with its certificate number and only a pass with one; a number
 * once in the file and not issued already (a verified certificate or another session's candidate, but the same
 * student's verified certificate of the session's kind, which the pass then names); the issue date (the exam date
 * when empty) neither before the exam nor after today.
 */
export async function checkResults(db: Db, ctx: ImportContext, rows: ImportRow<ResultRow>[]): Promise<{ problems: ImportProblem[]; prepared: PreparedResults }> {
  const session = await sessionOfRoute(db, ctx);
  const problems: ImportProblem[] = [];
  const prepared: PreparedResults = { session, results: [] };
  if (session.status === 'results_published') return { problems: [{ row: 0, field: 'session', code: 'exam_results_published' }], prepared };
  if (session.status !== 'closed') return { problems: [{ row: 0, field: 'session', code: 'exam_session_not_closed', params: { state: session.status } }], prepared };

  const candidates = await queryRows<Candidate>(db, sql`
    SELECT c.id, c.student_id AS "studentId", c.school_id AS "schoolId", st.student_no AS "studentNo", st.name AS "studentName", s.name AS "schoolName"
    FROM exam_candidates c JOIN students st ON st.id = c.student_id JOIN schools s ON s.id = c.school_id
    WHERE c.session_id = ${session.id} ORDER BY c.id`);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const byNumber = new Map(candidates.map((c) => [`${c.schoolName}\u0000${c.studentNo}`, c]));
  const today = todayInChina();
  const seen = new Map<number, number>();
  const numbers = new Map<string, number>();
  const problem = (row: number, field: string, code: ImportProblem['code'], params?: ProblemParams) => problems.push({ row, field, code, ...(params ? { params } : {}) });

  for (const { row, input } of rows) {
    const field = input.candidateId !== undefined ? 'candidateId' : 'studentNo';
    let candidate: Candidate | undefined;
    if (input.candidateId !== undefined) candidate = byId.get(input.candidateId);
    else if (input.studentNo !== undefined && input.school !== undefined) candidate = byNumber.get(`${input.school}\u0000${input.studentNo}`);
    else {
      problem(row, input.studentNo === undefined ? 'candidateId' : 'school', 'required');
      continue;
    }
    if (!candidate) {
      problem(row, field, 'exam_candidate_unknown', { candidate: input.candidateId !== undefined ? String(input.candidateId) : `${input.studentNo} (${input.school})` });
      continue;
    }
    const other = seen.get(candidate.id);
    if (other !== undefined) {
      problem(row, field, 'duplicate_in_file', { otherRow: other });
      continue;
    }
    seen.set(candidate.id, row);
    const passed = input.result === 'passed';
    const certNo = input.certNo ?? null;
    let ok = true;
    if (passed && !certNo) { problem(row, 'certNo', 'certificate_number_missing'); ok = false; }
    if (!passed && certNo) { problem(row, 'certNo', 'certificate_number_without_pass'); ok = false; }
    if (certNo) {
      const first = numbers.get(certNo);
      if (first !== undefined) { problem(row, 'certNo', 'duplicate_in_file', { otherRow: first }); ok = false; } else numbers.set(certNo, row);
    }
    const issuedOn = passed ? input.issuedOn ?? session.examOn : null;
    if (issuedOn && issuedOn > today) { problem(row, input.issuedOn ? 'issuedOn' : 'result', 'date_in_future', { today }); ok = false; }
    else if (issuedOn && issuedOn < session.examOn) { problem(row, 'issuedOn', 'date_before', { other: session.examOn }); ok = false; }
    if (ok) {
      prepared.results.push({
        row, candidate, theoryScore: input.theoryScore ?? null, practiceScore: input.practiceScore ?? null,
        result: input.result, certNo, issuedOn,
      });
    }
  }

  // Numbers issued already: a verified certificate (but the same student's, of the session's kind: the pass names it)
  // or another session's candidate.
  const passes = prepared.results.filter((r) => r.certNo);
  if (passes.length) {
    const list = passes.map((r) => r.certNo!);
    const taken = new Map<string, { studentId: number; kind: string; holder: string; verified: boolean }>();
    for (let i = 0; i < list.length; i += 5000) {
      const some = sql.join(list.slice(i, i + 5000).map((n) => sql`${n}`), sql`, `);
      const found = await queryRows<{ certNo: string; studentId: number; kind: string; holder: string; verified: boolean }>(db, sql`
        SELECT c.cert_no AS "certNo", c.student_id AS "studentId", c.kind, st.name || '（' || s.name || '）' AS holder, true AS verified
        FROM certificates c JOIN students st ON st.id = c.student_id JOIN schools s ON s.id = c.school_id
        WHERE c.status = 'verified' AND c.cert_no IN (${some})
        UNION ALL
        SELECT ec.cert_no, ec.student_id, es.kind, st.name || '（' || s.name || '）', false
        FROM exam_candidates ec JOIN exam_sessions es ON es.id = ec.session_id JOIN students st ON st.id = ec.student_id JOIN schools s ON s.id = ec.school_id
        WHERE ec.cert_no IN (${some}) AND ec.session_id <> ${session.id}`);
      for (const f of found) if (!taken.has(f.certNo) || !f.verified) taken.set(f.certNo, f);
    }
    for (const r of passes) {
      const t = taken.get(r.certNo!);
      if (!t) continue;
      const sameHolder = t.verified && t.studentId === r.candidate.studentId && t.kind === session.kind;
      if (sameHolder) continue;
      problem(r.row, 'certNo', 'certificate_number_taken', { certNo: r.certNo!, holder: t.holder });
    }
  }

  const missing = candidates.filter((c) => !seen.has(c.id));
  if (missing.length && !problems.some((p) => p.code === 'exam_candidate_unknown')) {
    problem(0, 'candidateId', 'exam_results_incomplete', { count: missing.length, candidates: missing.slice(0, LISTED_MISSING).map(label).join('; ') });
  }
  return { problems, prepared };
}
