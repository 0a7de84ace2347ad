/** Labels of exam results, verified and claimed certificates and their reconciliation (issue 18 items 3-4), in English. certification.zh.ts has exactly the same keys. */
export const certificationEn = {
  app: {
    certificate_status: { claimed: 'Claimed', verified: 'Verified' },
    action: { verify: 'Verify', import_results: 'Import results', publish_results: 'Publish results', issue: 'Issue' },
    notification: {
      kinds: {
        exam_session: {
          publish_results: 'Results of "%{subject}" are published: %{passed} of your %{candidates} candidates passed, their certificates verified',
        },
      },
    },
    certification: {
      status_help_claimed: 'Entered by the school; not yet matched to a certificate an exam session issued',
      status_help_verified: 'Issued by an exam session, or confirmed by HQ',
      verified_of: 'of which verified: %{count}',
      verified_only_help: 'For this tier and year on, the certificate KPIs (and the job-platform rate\'s certified students) count only certificates issued by an exam session or confirmed by HQ.',
      verify_title: 'Verify certificate %{certNo}',
      verify_help: 'Confirm a certificate no exam session of the programme issued (e.g. one issued before the platform), after checking the original. It then counts as verified, and the school can no longer change it.',
      verify_comment: 'How it was checked (optional)',
      verified: 'Certificate verified',
      other_region: 'a school in another region',
      no_number: 'no number',
      import_results_help: 'Import the results of this session (all candidates at once, once registration is closed): passes get their certificates, verified.',
      reconciliation_title: 'Certificate reconciliation',
      reconciliation_help: 'Certificate numbers that do not add up: a claimed number issued to someone else, a number claimed by more than one student, a student certified twice for the same kind.',
      problem: {
        issued_elsewhere: 'Number issued to someone else',
        claimed_twice: 'Number claimed by several students',
        certified_twice: 'Certified twice for the same kind',
      },
      others: 'The other certificates',
      none: 'No problem: every claimed number adds up.',
    },
  },
  resources: {
    certificates: { fields: { status: 'Status', verifiedAt: 'Verified at', verifiedBy: 'Verified by' } },
    'certificate-reconciliation': {
      name: 'Certificate reconciliation |||| Certificate reconciliation',
      fields: {
        problem: 'Problem', schoolId: 'School', schoolName: 'School', studentId: 'Student', studentName: 'Student', certNo: 'Certificate no.',
        kind: 'Kind', certificateId: 'Certificate', others: 'The other certificates', q: 'Search',
      },
    },
    'exam-results': {
      name: 'Exam results |||| Exam results',
      fields: {
        candidateId: 'Candidate no.', studentNo: 'Student no.', school: 'School', theoryScore: 'Theory score', practiceScore: 'Practice score',
        result: 'Result', certNo: 'Certificate no.', issuedOn: 'Issued on',
      },
    },
    'tier-policies': { fields: { certificatesVerifiedOnly: 'Count verified certificates only' } },
  },
};
