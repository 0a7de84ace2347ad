/** 考点、考试场次与考生报名（issue 18）的中文文字；与 exams.en.ts 的键完全相同。 */
export const examsZh = {
  app: {
    exam_session_type: { unified: '统考', site: '考点场次' },
    entity: { exam_site: '考点', exam_session: '考试场次', exam_candidate: '考生' },
    state: {
      proposed: '待审核', suspended: '已暂停', scheduled: '已排期', cancelled: '已取消', results_published: '成绩已发布',
    },
    state_by_entity: { exam_session: { closed: '报名已截止' } },
    action: { suspend: '暂停', reinstate: '恢复', close_registration: '截止报名', cancel: '取消场次' },
    notification: {
      kinds: {
        exam_site: {
          approve: '考点“%{siteName}”已通过审核', decline: '考点“%{siteName}”未通过审核',
          suspend: '考点“%{siteName}”已被暂停', reinstate: '考点“%{siteName}”已恢复',
        },
        exam_session: {
          close_registration: '“%{title}”（%{examOn}）已截止报名，考生名单已确定',
          cancel: '考试场次“%{title}”（%{examOn}）已取消',
        },
      },
    },
    exam: {
      site_create_title: '申报考点',
      site_edit_title: '修改考点：%{name}',
      site_school_help: '以本校申报考点，由总部审核。',
      site_region_help: '场地所在大区（大区人员只能选自己负责的大区）。',
      kinds_help: '该考点可以考的证书。',
      decline_help: '拒绝理由将告知申报的院校。',
      suspend_help: '暂停的考点不能再承办新的场次，直到总部恢复。',
      approve_help: '通过后的考点可以安排考试场次。',
      reason: '理由',
      stale: '您打开后，这条记录已被他人修改。请重新加载后再修改。',
      session_create_title: '安排考试场次',
      session_edit_title: '修改考试场次：%{title}',
      sites_help: '已通过审核且能考该证书的考点；考点场次只能有一个考点。',
      close_help: '截止后院校不能再报名或撤销报名，名单即为最终名单。',
      cancel_help: '取消该场次，并通知已报名的院校。',
      sites: '考点与座位',
      seats_left: '剩余座位',
      registered: '已报名',
      registration_open: '报名进行中，截止到 %{date}。',
      registration_not_open: '现在不能报名（报名时间 %{from} 至 %{to}）。',
      register_title: '报名考生',
      register_site: '考点',
      register_students: '学生',
      register_students_help: '输入姓名或学号搜索本校学生；可选多名一起报名。',
      register: '报名',
      registered_count: '已报名 %{smart_count} 名考生',
      import_file: '导入文件',
      my_candidates: '考生（%{smart_count}）',
      no_candidates: '还没有考生',
      withdraw: '撤销报名',
      withdrawn: '已撤销：%{name}',
      export: '导出考生名单',
      export_site: '导出 %{site}',
    },
  },
  resources: {
    'exam-sites': {
      name: '考点',
      fields: {
        name: '名称', schoolName: '院校', regionId: '大区', regionName: '大区', address: '地址', capacity: '座位数', kinds: '可考证书',
        contactName: '联系人', contactPhone: '联系电话', contactEmail: '联系邮箱', status: '状态', decisionReason: '理由',
        decidedByName: '审核人', createdByName: '申报人', createdAt: '申报时间',
      },
    },
    'exam-sessions': {
      name: '考试场次',
      fields: {
        title: '名称', sessionType: '类型', kind: '证书', examOn: '考试日期', registrationOpensOn: '报名开始',
        registrationClosesOn: '报名截止', siteIds: '考点', status: '状态', candidates: '考生数',
      },
    },
    'exam-candidates': {
      name: '考生',
      fields: {
        sessionId: '考试场次编号', sessionTitle: '考试场次', studentNo: '学号', studentName: '姓名', siteName: '考点', site: '考点',
        schoolName: '院校', result: '结果', createdAt: '报名时间',
      },
    },
  },
};
