/**
 * The values a tier policy takes where HQ sets none (DOMAIN.md): each is data, a column of the policy
 * HQ edits, and these are its one named default: for the database column, the reference policies, a
 * new policy's form, and an agreement year no policy covers.
 */
export const tierPolicyDefaults = {
  /** Class hours an extra offline course needs to count towards `offlineCourses` ("32 class hours each"). */
  offlineCourseMinHours: 32,
  /** "Active" on the job platform (assumed defaults, editable): the resume at least this % complete… */
  activeResumeCompleteness: 80,
  /** …and at least this many applications sent in the year. */
  activeMinApplications: 1,
} as const;
