import { z } from 'zod';
import { examinableKinds, examSessionStates, examSessionTypes, examSiteStates } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { isoDate, recordId, timestamp } from '../../lib/response-schemas.js';

/** One site of a session and its seats: every school's candidates there count. */
export const examSessionSite = z.object({
  siteId: recordId,
  name: z.string(),
  status: z.enum(examSiteStates),
  capacity: z.number().int(),
  registered: z.number().int(),
  seatsLeft: z.number().int(),
});

/** An exam session as the API answers it, with its sites and their seats left. */
export const examSessionRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(examSessionStates),
  title: z.string(),
  sessionType: z.enum(examSessionTypes),
  kind: z.enum(examinableKinds),
  examOn: isoDate,
  registrationOpensOn: isoDate,
  registrationClosesOn: isoDate,
  /** Scheduled, and today (China) is within the registration window. */
  registrationOpen: z.boolean(),
  resultsImportedAt: timestamp.nullable(),
  createdBy: recordId.nullable(),
  siteIds: z.array(recordId),
  sites: z.array(examSessionSite),
  /** The candidates of the session the signed-in user may see (a school: its own). */
  candidates: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A candidate as the API answers it: the registration, and its result once imported. */
export const examCandidateRecord = z.object({
  id: recordId,
  sessionId: recordId,
  sessionTitle: z.string(),
  sessionStatus: z.enum(examSessionStates),
  kind: z.enum(examinableKinds),
  examOn: isoDate,
  siteId: recordId,
  siteName: z.string(),
  studentId: recordId,
  studentNo: z.string(),
  studentName: z.string(),
  schoolId: recordId,
  schoolName: z.string(),
  registeredBy: recordId.nullable(),
  theoryScore: z.number().nullable(),
  practiceScore: z.number().nullable(),
  result: z.string().nullable(),
  certNo: z.string().nullable(),
  certificateId: recordId.nullable(),
  resultRecordedAt: timestamp.nullable(),
  /** Whether the signed-in user may withdraw it now (its school, while registration is open). */
  withdrawable: z.boolean(),
  createdAt: timestamp,
});

/** POST /api/exam-candidates/bulk/register: how many were registered, and their ids. */
export const bulkRegisterAnswer = z.object({ created: z.number().int(), ids: z.array(recordId) });
