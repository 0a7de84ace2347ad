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
