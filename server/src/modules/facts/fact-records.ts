import { z } from 'zod';
import { certificateKinds, certificateStatuses, courseKinds, leftReasons } from '@campus/common';
import { isoDate, recordId, timestamp } from '../../lib/response-schemas.js';

// The facts as the API answers them (lists, reads, writes): their columns and the names joined in.

export const studentRecord = z.object({
  id: recordId, schoolId: recordId, studentNo: z.string(), name: z.string(), cohortYear: z.number().int(),
  enrolledOn: isoDate, leftOn: isoDate.nullable(), leftReason: z.enum(leftReasons).nullable(), major: z.string().nullable(),
  createdAt: timestamp,
});

export const certificateRecord = z.object({
  id: recordId, schoolId: recordId, studentId: recordId, kind: z.enum(certificateKinds), certNo: z.string().nullable(),
  issuedOn: isoDate, createdAt: timestamp, studentName: z.string().nullable(), studentNo: z.string().nullable(),
  /** claimed (a school entered it) or verified (issued by an exam session, or confirmed by HQ); issue 18. */
  status: z.enum(certificateStatuses), verifiedAt: timestamp.nullable(), verifiedBy: recordId.nullable(),
  /** HQ's `verify` of a claimed certificate. */
  allowedActions: z.array(z.string()),
});

export const practiceRecordRecord = z.object({
  id: recordId, schoolId: recordId, studentId: recordId, providerId: recordId.nullable(), providerReportId: recordId.nullable(),
  project: z.string(), hours: z.number(), practicedOn: isoDate, confirmed: z.boolean(), confirmedAt: timestamp.nullable(),
  createdAt: timestamp, studentName: z.string().nullable(), studentNo: z.string().nullable(), providerName: z.string().nullable(),
});

export const jobRegistrationRecord = z.object({
  id: recordId, schoolId: recordId, studentId: recordId, registeredOn: isoDate, platformAccount: z.string().nullable(),
  resumeCompleteness: z.number(), createdAt: timestamp, updatedAt: timestamp, studentName: z.string().nullable(), studentNo: z.string().nullable(),
  /** The days the student applied for a job through the platform. */
  applicationDates: z.array(isoDate),
});

export const jobFairRecord = z.object({
  id: recordId, schoolId: recordId, title: z.string(), heldOn: isoDate, employers: z.number().int(), attendance: z.number().int(),
  createdAt: timestamp,
});

export const instructorRecord = z.object({
  id: recordId, schoolId: recordId, name: z.string(), staffNo: z.string().nullable(), email: z.string().nullable(), createdAt: timestamp,
  certifications: z.array(z.object({
    id: recordId, certNo: z.string(), level: z.string(), validFrom: isoDate, validTo: isoDate,
    /** The instructor training whose pass issued it; null when the school entered it. */
    trainingId: recordId.nullable(), trainingTitle: z.string().nullable(),
  })),
  /** Holds a certification valid today. */
  validToday: z.boolean(),
});

export const courseRecord = z.object({
  id: recordId, schoolId: recordId.nullable(), kind: z.enum(courseKinds), code: z.string().nullable(), title: z.string(),
  level: z.string().nullable(), chapters: z.number().int().nullable(), classHours: z.number().int(), practiceHours: z.number().int().nullable(),
  onlineHours: z.number().int().nullable(), term: z.string().nullable(), taughtFrom: isoDate.nullable(), taughtTo: isoDate.nullable(),
  createdAt: timestamp,
});

export const courseCompletionRecord = z.object({
  id: recordId, schoolId: recordId, studentId: recordId, courseId: recordId, completedOn: isoDate,
  courseTitle: z.string().nullable(), courseCode: z.string().nullable(), studentName: z.string().nullable(), studentNo: z.string().nullable(),
});
