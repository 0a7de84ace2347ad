/** 会解释的 KPI 卡片与几处“死胡同”的出口（issue 17 第 6、7 项）。 */
export const explainZh = {
  app: {
    kpi_gap: {
      certifiedInstructors: '还差 %{n} 名认证讲师',
      offlineCourses: '还差 %{n} 门线下课程',
      jobFairs: '还差 %{n} 场招聘会',
      certificates1x: '还差 %{n} 名学生取得 1+X 证书',
      certificatesOperator: '还差 %{n} 名学生取得操盘官证书',
      practiceHours: '人均还差 %{hours} 小时',
      practiceHours_total: '人均还差 %{hours} 小时（全部在读学生合计约 %{total} 小时）',
      practiceHours_none: '本年度没有在读学生，无法计算实践课时',
      teachingDelivery: '还差 %{points} 个百分点',
      teachingDelivery_students: '还差 %{n} 名毕业生完成全部课程（%{points} 个百分点）',
      jobPlatformRate: '还差 %{points} 个百分点',
      jobPlatformRate_students: '还差 %{n} 名持证学生在招聘平台注册并活跃（%{points} 个百分点）',
    },
    no_tier: {
      how: '选择一个合作层次，填写资质与实施方案后提交，由大区审核资质、总部审核方案。',
      apply: '申请合作层次',
      in_flight: '贵校的申请：',
      continue: '继续填写申请',
      follow: '查看申请进度',
      tiers: '各层次要求',
    },
    class_session: {
      title: '按班级填报',
      help: '一行即一个班级某一天的实战：该届（可限定专业）当天在读的每名学生各计相同小时数。',
      cohort_year: '届别（入学年份）',
      major: '专业（可选）',
      major_help: '留空为该届全部学生',
      hours: '每人小时数',
      by_student: '按学生逐行填报（可选）',
    },
    notification: {
      with_school: '【%{school}】%{text}',
    },
    activity: {
      imported: '导入 %{n} 条%{entity}记录',
    },
    certificate_verdict: {
      title: '证书人数（1+X 或操盘官，二选一）',
      met_by_certificates1x: '已达标：1+X 证书人数达到要求',
      met_by_certificatesOperator: '已达标：操盘官证书人数达到要求',
      met_by_both: '已达标：两类证书人数均达到要求',
      short_either: '还差 %{x} 名学生取得 1+X 证书，或 %{op} 名学生取得操盘官证书',
      rule: '两类证书人数达到其一即达标，只给出一个结论',
    },
  },
};
