import { z } from 'zod';
import { cell, type ImportDefinition, type ImportProblem } from '../import/index.js';
import { planRegistration, registerCandidates, type Entry } from './register-candidates.js';

const row = z.object({
  sessionId: z.number().int().positive().max(2147483647),
  studentNo: z.string().trim().min(1).max(50),
  site: z.string().trim().min(1).max(200),
});
type Row = z.infer<typeof row>;

const fields = { session: 'sessionId', site: 'site', student: 'studentNo' };
const entryOf = (r: { row: number; input: Row }): Entry => ({ sessionId: r.input.sessionId, studentNo: r.input.studentNo, siteText: r.input.site, row: r.row, fields });

/**
 * POST /api/exam-candidates/import: a school registers its students from a file, one row a candidate: the session's
 * number, the student number, the site (its number or its name). All rows or none, each rule of a registration
 * checked per row (planRegistration), and checked again under the sessions' lock when written.
 */
export const candidateImport: ImportDefinition<Row, never, Entry[]> = {
  name: 'exam-candidates',
  columns: [
    { key: 'sessionId', aliases: ['考试场次编号', 'Session no.'], required: true, type: 'int', example: '12' },
    { key: 'studentNo', aliases: ['学号', 'Student no.'], required: true, example: '2024010101' },
    { key: 'site', aliases: ['考点', 'Exam site'], required: true, example: '浙江金融职业学院考点' },
  ],
  row,
  input: (c) => ({ sessionId: cell.int(c.sessionId), studentNo: cell.text(c.studentNo), site: cell.text(c.site) }),
  // What the candidate export writes beside them, so that an exported list imports back.
  ignoredHeaders: ['姓名', 'Name', '院校', 'School', '考试场次', 'Session', '证书', 'Certificate', '考试日期', 'Exam date', '报名时间', 'Registered at'],
  async check(db, ctx, rows) {
    const entries = rows.map(entryOf);
    const { problems } = await planRegistration(db, ctx.actor, entries, false);
    return { problems: problems as ImportProblem[], prepared: entries };
  },
  async write(tx, ctx, { prepared }) {
    await registerCandidates(tx, ctx.actor, prepared, 'import');
  },
};
