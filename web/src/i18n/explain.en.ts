/** KPI cards that explain, and the way out of a few dead ends (issue 17 items 6 and 7). */
export const explainEn = {
  app: {
    kpi_gap: {
      certifiedInstructors: '%{n} certified instructor short |||| %{n} certified instructors short',
      offlineCourses: '%{n} offline course short |||| %{n} offline courses short',
      jobFairs: '%{n} job fair short |||| %{n} job fairs short',
      certificates1x: '%{n} student short of the 1+X certificate |||| %{n} students short of the 1+X certificate',
      certificatesOperator: '%{n} student short of the Operator certificate |||| %{n} students short of the Operator certificate',
      practiceHours: '%{hours} h per student short',
      practiceHours_total: '%{hours} h per student short (about %{total} h for all students enrolled)',
      practiceHours_none: 'No students enrolled this year: practice hours cannot be measured',
      teachingDelivery: '%{points} percentage points short',
      teachingDelivery_students: '%{n} graduate short of completing every course (%{points} percentage points) |||| %{n} graduates short of completing every course (%{points} percentage points)',
      jobPlatformRate: '%{points} percentage points short',
      jobPlatformRate_students: '%{n} certified student short of being registered and active (%{points} percentage points) |||| %{n} certified students short of being registered and active (%{points} percentage points)',
    },
    no_tier: {
      how: 'Pick a tier, file your qualifications and implementation plan, and submit: the region checks the qualifications, HQ the plan.',
      apply: 'Apply for a partnership tier',
      in_flight: 'Your application:',
      continue: 'Go on with the application',
      follow: 'Follow the application',
      tiers: 'What each tier requires',
    },
    class_session: {
      title: 'By class',
      help: "One row is a class's day of practice: every student of the cohort (optionally of one major) enrolled on that day gets the same hours.",
      cohort_year: 'Cohort (year enrolled)',
      major: 'Major (optional)',
      major_help: 'Empty: the whole cohort',
      hours: 'Hours per student',
      by_student: 'By student, one row each (optional)',
    },
    notification: {
      with_school: '%{school}: %{text}',
    },
    activity: {
      imported: '%{n} %{entity} record imported |||| %{n} %{entity} records imported',
    },
    certificate_verdict: {
      title: 'Certified students (1+X or Operator)',
      met_by_certificates1x: 'Met: the 1+X count reaches its threshold',
      met_by_certificatesOperator: 'Met: the Operator count reaches its threshold',
      met_by_both: 'Met: both counts reach their thresholds',
      short_either: '%{x} more students with the 1+X certificate, or %{op} more with the Operator certificate',
      rule: 'Either count at its threshold meets the requirement: one verdict for both',
    },
  },
};
