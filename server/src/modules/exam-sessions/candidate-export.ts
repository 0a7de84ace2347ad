import { and, asc, eq } from 'drizzle-orm';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { certificateKindValues, type Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { examCandidates, examSessions, examSessionSites, examSites, schools, students } from '../../db/schema/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';

/** A text cell a spreadsheet would run as a formula reads as text with a leading apostrophe (as the web's exports write it). */
const neutralise = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The export's header row (the results import skips the columns it does not read, so the export filled in with results imports as it is). */
export const candidateExportHeader = ['考试场次', '证书', '考试日期', '考点', '院校', '学号', '姓名', '报名时间'];

/**
 * The candidate list of a session as CSV (UTF-8 with a BOM so that Excel reads the Chinese, CRLF, Chinese headers
 * as the import templates name them): every candidate the reader may see (HQ all, regional staff their regions'
 * schools', a school its own), of one site when `siteId` is given (404 outside the session's sites); by site,
 * school and student number. Returns the file's name and text.
 */
export async function exportCandidates(db: Db, scope: Scope, sessionId: number, siteId: number | undefined) {
  const [session] = await db.select().from(examSessions).where(eq(examSessions.id, sessionId));
  if (!session) throw notFound('exam session');
  let siteName: string | undefined;
  if (siteId !== undefined) {
    const [site] = await db.select({ name: examSites.name }).from(examSessionSites).innerJoin(examSites, eq(examSites.id, examSessionSites.siteId))
      .where(and(eq(examSessionSites.sessionId, sessionId), eq(examSessionSites.siteId, siteId)));
    if (!site) throw invalid([{ field: 'siteId', code: 'exam_site_not_in_session', params: { site: siteId } }]);
    siteName = site.name;
  }
  const rows = await db.select({ site: examSites.name, school: schools.name, studentNo: students.studentNo, name: students.name, at: examCandidates.createdAt })
    .from(examCandidates)
    .innerJoin(examSites, eq(examSites.id, examCandidates.siteId))
    .innerJoin(schools, eq(schools.id, examCandidates.schoolId))
    .innerJoin(students, eq(students.id, examCandidates.studentId))
    .where(and(eq(examCandidates.sessionId, sessionId), siteId !== undefined ? eq(examCandidates.siteId, siteId) : undefined, schoolScopeCondition(scope, examCandidates.schoolId)))
    .orderBy(asc(examSites.name), asc(schools.name), asc(students.studentNo));
  const kind = certificateKindValues.find((k) => k.code === session.kind)?.zh ?? session.kind;
  const at = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
  const body = rows.map((r) => [session.title, kind, session.examOn, r.site, r.school, r.studentNo, r.name, at(r.at)].map((v) => neutralise(String(v))));
  const csv = '\ufeff' + stringifyCsv([candidateExportHeader, ...body], { record_delimiter: '\r\n' });
  const filename = `exam-candidates-${sessionId}${siteId !== undefined ? `-site-${siteId}` : ''}.csv`;
  return { filename, csv, siteName };
}
