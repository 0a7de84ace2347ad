/** Labels of exam sites, exam sessions and candidate registration (issue 18), in English. exams.zh.ts has exactly the same keys. */
export const examsEn = {
  app: {
    exam_session_type: { unified: 'Unified exam', site: 'Site session' },
    entity: { exam_site: 'Exam site', exam_session: 'Exam session', exam_candidate: 'Exam candidate' },
    state: {
      proposed: 'Proposed', suspended: 'Suspended', scheduled: 'Scheduled', cancelled: 'Cancelled', results_published: 'Results published',
    },
    state_by_entity: { exam_session: { closed: 'Registration closed' } },
    action: { suspend: 'Suspend', reinstate: 'Reinstate', close_registration: 'Close registration', cancel: 'Cancel session' },
    notification: {
      kinds: {
        exam_site: {
          approve: 'Exam site "%{siteName}" was approved', decline: 'Exam site "%{siteName}" was declined',
          suspend: 'Exam site "%{siteName}" was suspended', reinstate: 'Exam site "%{siteName}" was reinstated',
        },
        exam_session: {
          close_registration: 'Registration for "%{title}" (%{examOn}) has closed: the candidate list is final',
          cancel: 'The exam session "%{title}" (%{examOn}) was cancelled',
        },
      },
    },
    exam: {
      site_create_title: 'Propose an exam site',
      site_edit_title: 'Edit exam site: %{name}',
      site_school_help: 'Your school is proposed as the site; HQ approves it.',
      site_region_help: 'The region of the venue (regional staff: one of yours).',
      kinds_help: 'The certificates the site may examine.',
      decline_help: 'The school that proposed the site is told the reason.',
      suspend_help: 'A suspended site takes no new sessions until HQ reinstates it.',
      approve_help: 'An approved site can be given to exam sessions.',
      reason: 'Reason',
      stale: 'Someone else changed this record since you opened it. Reload and make your change again.',
      session_create_title: 'Schedule an exam session',
      session_edit_title: 'Edit exam session: %{title}',
      sites_help: 'Approved sites that examine the certificate; a site session has exactly one.',
      close_help: 'Schools can no longer register or withdraw candidates; the lists are final.',
      cancel_help: 'The session is cancelled; the schools with candidates are told.',
      sites: 'Sites and seats',
      seats_left: 'Seats left',
      registered: 'Registered',
      registration_open: 'Registration is open until %{date}.',
      registration_not_open: 'Registration is not open (window %{from} to %{to}).',
      register_title: 'Register candidates',
      register_site: 'Exam site',
      register_students: 'Students',
      register_students_help: 'Type to search your students by name or number; choose several to register them together.',
      register: 'Register',
      registered_count: '%{smart_count} candidate registered |||| %{smart_count} candidates registered',
      import_file: 'Import a file',
      my_candidates: 'Candidates (%{smart_count})',
      no_candidates: 'No candidates yet',
      withdraw: 'Withdraw',
      withdrawn: 'Withdrawn: %{name}',
      export: 'Export candidates',
      export_site: 'Export %{site}',
    },
  },
  resources: {
    'exam-sites': {
      name: 'Exam site |||| Exam sites',
      fields: {
        name: 'Name', schoolName: 'School', regionId: 'Region', regionName: 'Region', address: 'Address', capacity: 'Seats', kinds: 'Certificates',
        contactName: 'Contact', contactPhone: 'Contact phone', contactEmail: 'Contact e-mail', status: 'State', decisionReason: 'Reason',
        decidedByName: 'Decided by', createdByName: 'Proposed by', createdAt: 'Proposed at',
      },
    },
    'exam-sessions': {
      name: 'Exam session |||| Exam sessions',
      fields: {
        title: 'Title', sessionType: 'Type', kind: 'Certificate', examOn: 'Exam date', registrationOpensOn: 'Registration opens',
        registrationClosesOn: 'Registration closes', siteIds: 'Sites', status: 'State', candidates: 'Candidates',
      },
    },
    'exam-candidates': {
      name: 'Exam candidate |||| Exam candidates',
      fields: {
        sessionId: 'Session no.', sessionTitle: 'Session', studentNo: 'Student no.', studentName: 'Name', siteName: 'Exam site', site: 'Exam site',
        schoolName: 'School', result: 'Result', createdAt: 'Registered at',
      },
    },
  },
};
