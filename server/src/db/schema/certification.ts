import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, boolean, timestamp, date, numeric, check, index, unique, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { schools } from './schools.js';
import { students } from './students.js';
import { users } from './users.js';
import { certificates } from './certificates.js';
import { instructors, instructorCertifications } from './instructors.js';
import { examSiteStates, examSessionTypes, examSessionStates, examResults, examinableKinds, instructorCertificationLevels, sqlList } from './enums.js';

// The certification loop (issue 18; DOMAIN.md "Exam sites and sessions", "Instructor training").

/**
 * An exam site (考点): a school, or another venue of a region (`schoolId` null), that may examine the certificate
 * kinds in `kinds`, seating at most `capacity` candidates a session. A school proposes its own site, staff propose
 * a venue; HQ approves or declines it (with a reason), and may suspend an approved site. Regional staff see the
 * sites of their regions (`regionId`: the school's region, or the venue's).
 */
export const examSites = pgTable('exam_sites', {
  id: serial().primaryKey(),
  name: text().notNull(),
  schoolId: integer().references(() => schools.id),
  regionId: integer().notNull().references(() => regions.id),
  address: text().notNull(),
  capacity: integer().notNull(),
  kinds: text().array().notNull(),
  contactName: text().notNull(),
  contactPhone: text().notNull(),
  contactEmail: text(),
  status: text().notNull().default('proposed'),
  decisionReason: text(),
  decidedBy: integer().references(() => users.id),
  decidedAt: timestamp({ withTimezone: true }),
  createdBy: integer().references(() => users.id),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('exam_sites_status', sql.raw(`status IN (${sqlList(examSiteStates)})`)),
  check('exam_sites_capacity', sql`${t.capacity} BETWEEN 1 AND 100000`),
  check('exam_sites_kinds', sql.raw(`cardinality(kinds) >= 1 AND kinds <@ ARRAY[${sqlList(examinableKinds)}]::text[]`)),
  check('exam_sites_declined_reason', sql`${t.status} <> 'declined' OR ${t.decisionReason} IS NOT NULL`),
  index('exam_sites_region_idx').on(t.regionId, t.status, t.id),
  index('exam_sites_school_idx').on(t.schoolId),
]);

/**
 * An exam session: a unified exam (统考) at many sites or a session of one site, for one certificate kind (the 1+X
 * kinds carry their level), on `examOn`; schools register candidates from `registrationOpensOn` to
 * `registrationClosesOn` (inclusive, China dates) until HQ closes registration; HQ then imports the results.
 */
export const examSessions = pgTable('exam_sessions', {
  id: serial().primaryKey(),
  title: text().notNull(),
  sessionType: text().notNull().default('unified'),
  kind: text().notNull(),
  examOn: date({ mode: 'string' }).notNull(),
  registrationOpensOn: date({ mode: 'string' }).notNull(),
  registrationClosesOn: date({ mode: 'string' }).notNull(),
  status: text().notNull().default('scheduled'),
  resultsImportedAt: timestamp({ withTimezone: true }),
  createdBy: integer().references(() => users.id),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('exam_sessions_type', sql.raw(`session_type IN (${sqlList(examSessionTypes)})`)),
  check('exam_sessions_status', sql.raw(`status IN (${sqlList(examSessionStates)})`)),
  check('exam_sessions_kind', sql.raw(`kind IN (${sqlList(examinableKinds)})`)),
  check('exam_sessions_window', sql`${t.registrationOpensOn} <= ${t.registrationClosesOn} AND ${t.registrationClosesOn} <= ${t.examOn}`),
  index('exam_sessions_exam_on_idx').on(t.examOn, t.id),
]);

/** The sites a session is held at (a site session has exactly one). */
export const examSessionSites = pgTable('exam_session_sites', {
  sessionId: integer().notNull().references(() => examSessions.id, { onDelete: 'cascade' }),
  siteId: integer().notNull().references(() => examSites.id),
}, (t) => [primaryKey({ columns: [t.sessionId, t.siteId] }), index('exam_session_sites_site_idx').on(t.siteId)]);

/**
 * A student registered for a session at one of its sites by their school (once a session). Its result comes with the
 * session's results import: scores, `result`, and for a pass the certificate number and the verified certificate it
 * issued (`certificateId`).
 */
export const examCandidates = pgTable('exam_candidates', {
  id: serial().primaryKey(),
  sessionId: integer().notNull().references(() => examSessions.id, { onDelete: 'cascade' }),
  siteId: integer().notNull().references(() => examSites.id),
  studentId: integer().notNull().references(() => students.id),
  schoolId: integer().notNull().references(() => schools.id),
  registeredBy: integer().references(() => users.id),
  theoryScore: numeric({ precision: 5, scale: 1, mode: 'number' }),
  practiceScore: numeric({ precision: 5, scale: 1, mode: 'number' }),
  result: text(),
  certNo: text(),
  certificateId: integer().references(() => certificates.id, { onDelete: 'set null' }),
  resultRecordedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('exam_candidates_session_student').on(t.sessionId, t.studentId),
  check('exam_candidates_result', sql.raw(`result IS NULL OR result IN (${sqlList(examResults)})`)),
  check('exam_candidates_scores', sql`coalesce(${t.theoryScore}, 0) BETWEEN 0 AND 1000 AND coalesce(${t.practiceScore}, 0) BETWEEN 0 AND 1000`),
  check('exam_candidates_pass_number', sql`${t.result} IS DISTINCT FROM 'passed' OR ${t.certNo} IS NOT NULL`),
  index('exam_candidates_session_site_idx').on(t.sessionId, t.siteId),
  index('exam_candidates_school_session_idx').on(t.schoolId, t.sessionId),
  index('exam_candidates_student_idx').on(t.studentId),
  uniqueIndex('exam_candidates_cert_no_idx').on(t.certNo),
]);

/**
 * An instructor training (师资培训) HQ held; each instructor who passed it gets (or renews) a 1+X instructor
 * certification of its `level`, valid from the training's end for `validityMonths` (data HQ sets per training).
 */
export const instructorTrainings = pgTable('instructor_trainings', {
  id: serial().primaryKey(),
  title: text().notNull(),
  level: text().notNull().default('junior'),
  startsOn: date({ mode: 'string' }).notNull(),
  endsOn: date({ mode: 'string' }).notNull(),
  location: text(),
  validityMonths: integer().notNull().default(36),
  createdBy: integer().references(() => users.id),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('instructor_trainings_level', sql.raw(`level IN (${sqlList(instructorCertificationLevels)})`)),
  check('instructor_trainings_dates', sql`${t.startsOn} <= ${t.endsOn}`),
  check('instructor_trainings_validity', sql`${t.validityMonths} BETWEEN 1 AND 120`),
  index('instructor_trainings_ends_idx').on(t.endsOn, t.id),
]);

/** An instructor who took a training: passed (with the certification it created or renewed) or not. */
export const instructorTrainingParticipants = pgTable('instructor_training_participants', {
  id: serial().primaryKey(),
  trainingId: integer().notNull().references(() => instructorTrainings.id, { onDelete: 'cascade' }),
  instructorId: integer().notNull().references(() => instructors.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  passed: boolean().notNull(),
  score: numeric({ precision: 5, scale: 1, mode: 'number' }),
  certificationId: integer().references(() => instructorCertifications.id, { onDelete: 'set null' }),
  recordedBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('instructor_training_participants_once').on(t.trainingId, t.instructorId),
  index('instructor_training_participants_school_idx').on(t.schoolId, t.trainingId),
  index('instructor_training_participants_instructor_idx').on(t.instructorId),
]);
