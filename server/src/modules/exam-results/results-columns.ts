import { z } from 'zod';
import { examResultValues } from '@campus/common';
import { examResults } from '../../db/schema/index.js';
import { isoDate } from '../../lib/response-schemas.js';
import type { ImportColumn } from '../import/index.js';
import { candidateExportHeader } from '../exam-sessions/candidate-export.js';


/** The highest score of each part of an exam (theory and practice are marked out of 100). */
export const MAX_SCORE = 100;

/**
 * The columns of a session's results file, as an exam body's file carries them: the candidate, by the candidate
 * number (`candidateId`, the id of the session's candidate records) or by the student number and the school's name
 * (学号 and 院校, as the session's candidate list export names them); the two scores; the result; for a pass the certificate number and, when it is not the exam
 * date, its issue date. The student's name (姓名), the site and the session are read by people, not by the import.
 */
export const resultColumns: ImportColumn[] = [
  { key: 'candidateId', aliases: ['考生编号', 'Candidate no.', 'Candidate id'], type: 'int', example: '1024' },
  { key: 'studentNo', aliases: ['学号', 'Student no.'], example: '2024010101' },
  { key: 'school', aliases: ['学校', '院校', 'School'], example: '浙江金融职业学院' },
  { key: 'theoryScore', aliases: ['理论成绩', 'Theory score'], type: 'number', example: '86.5' },
  { key: 'practiceScore', aliases: ['实操成绩', 'Practice score'], type: 'number', example: '90' },
  { key: 'result', aliases: ['考试结果', '结果', 'Result'], required: true, example: '通过', values: examResultValues },
  { key: 'certNo', aliases: ['证书编号', 'Certificate no.'], example: '1X-2026-000123' },
  { key: 'issuedOn', aliases: ['发证日期', 'Issued on'], type: 'date', example: '2026-06-20' },
];

/**
 * The columns a results file may carry that the import does not read: skipped. They include every column of the
 * session's candidate list export (exam-sessions/candidate-export.ts), so that HQ can hand that file to the exam body
 * and import it back with the results added (学号 and 院校 are read: they name the candidate).
 */
export const ignoredResultHeaders = [...candidateExportHeader, '学生姓名', 'Name', 'studentName', 'Site', 'siteName', '考试', 'Session'];

const score = z.number().min(0).max(MAX_SCORE).optional();

/** One row of a results file, as checked before the candidates are looked up. */
export const resultRow = z.object({
  candidateId: z.number().int().positive().optional(),
  studentNo: z.string().trim().min(1).max(50).optional(),
  school: z.string().trim().min(1).max(200).optional(),
  theoryScore: score,
  practiceScore: score,
  result: z.enum(examResults),
  certNo: z.string().trim().min(1).max(100).optional(),
  // The day after today and before the exam are the check's (it knows the session): the problem names the field.
  issuedOn: isoDate.optional(),
});
export type ResultRow = z.infer<typeof resultRow>;
