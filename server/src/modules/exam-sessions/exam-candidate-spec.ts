import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import { examResults, todayInChina, type Actor } from '@campus/common';
import { examCandidates, examSessions, examSites, schools, students } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { examCandidateRecord } from './exam-session-record.js';
import { registrationOpenOn } from './exam-session-spec.js';

/** Whether the actor may withdraw this candidate now: its own school, while the session takes registrations. */
export const mayWithdraw = (actor: Actor, c: { schoolId: number; sessionStatus: string; registrationOpensOn: string; registrationClosesOn: string }, today: string) =>
  actor.role === 'school' && actor.schoolId === c.schoolId && registrationOpenOn({ status: c.sessionStatus, ...c }, today);

/** Candidates, kept by their school: HQ all, regional staff those of their regions' schools, a school its own. */
export const examCandidateSpec: ResourceSpec = {
  name: 'exam-candidates',
  noun: 'exam candidate',
  record: examCandidateRecord,
  table: examCandidates,
  id: examCandidates.id,
  schoolId: examCandidates.schoolId,
  join: (q) => q.innerJoin(examSessions, eq(examSessions.id, examCandidates.sessionId))
    .innerJoin(examSites, eq(examSites.id, examCandidates.siteId))
    .innerJoin(students, eq(students.id, examCandidates.studentId))
    .innerJoin(schools, eq(schools.id, examCandidates.schoolId)),
  columns: {
    id: examCandidates.id, sessionId: examCandidates.sessionId, sessionTitle: examSessions.title, sessionStatus: examSessions.status,
    kind: examSessions.kind, examOn: examSessions.examOn,
    registrationOpensOn: examSessions.registrationOpensOn, registrationClosesOn: examSessions.registrationClosesOn,
    siteId: examCandidates.siteId, siteName: examSites.name,
    studentId: examCandidates.studentId, studentNo: students.studentNo, studentName: students.name,
    schoolId: examCandidates.schoolId, schoolName: schools.name, registeredBy: examCandidates.registeredBy,
    theoryScore: examCandidates.theoryScore, practiceScore: examCandidates.practiceScore, result: examCandidates.result,
    certNo: examCandidates.certNo, certificateId: examCandidates.certificateId, resultRecordedAt: examCandidates.resultRecordedAt,
    createdAt: examCandidates.createdAt,
  },
  sortable: {
    id: examCandidates.id, createdAt: examCandidates.createdAt, studentNo: students.studentNo, studentName: students.name,
    siteId: examCandidates.siteId, sessionId: examCandidates.sessionId, schoolId: examCandidates.schoolId, examOn: examSessions.examOn,
  },
  defaultSort: ['id', 'DESC'],
  search: [students.name, students.studentNo],
  filters: {
    sessionId: filterDef(idValue, (v) => eq(examCandidates.sessionId, v)),
    siteId: filterDef(idValue, (v) => eq(examCandidates.siteId, v)),
    schoolId: filterDef(idValue, (v) => eq(examCandidates.schoolId, v)),
    studentId: filterDef(idValue, (v) => eq(examCandidates.studentId, v)),
    result: filterDef(oneOrMany(z.enum(examResults)), (v) => inArray(examCandidates.result, asList(v))),
  },
  enrich: (rows, actor) => {
    const today = todayInChina();
    return rows.map(({ registrationOpensOn, registrationClosesOn, ...r }) => ({
      ...r,
      withdrawable: mayWithdraw(actor, { ...(r as { schoolId: number; sessionStatus: string }), registrationOpensOn: registrationOpensOn as string, registrationClosesOn: registrationClosesOn as string }, today),
    }));
  },
};
