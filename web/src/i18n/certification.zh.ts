/** 考试成绩、已核验与待核验证书及证书核对（issue 18 第 3、4 项）的中文文字；与 certification.en.ts 的键完全相同。 */
export const certificationZh = {
  app: {
    certificate_status: { claimed: '待核验', verified: '已核验' },
    action: { verify: '核验', import_results: '导入成绩', publish_results: '发布成绩', issue: '签发' },
    notification: {
      kinds: {
        exam_session: {
          publish_results: '“%{subject}”成绩已发布：贵校 %{candidates} 名考生中 %{passed} 人通过，证书已核验',
        },
      },
    },
    certification: {
      status_help_claimed: '学校录入，尚未与考试签发的证书核对',
      status_help_verified: '由考试签发，或经总部确认',
      verified_of: '其中已核验 %{count}',
      verified_only_help: '自该年度起，本层次的证书指标（及求职平台活跃率中的获证学生）只计考试签发或总部确认的证书。',
      verify_title: '核验证书 %{certNo}',
      verify_help: '确认一张并非本项目考试签发的证书（如平台上线前取得的证书），请先核对原件。核验后计为已核验，学校不能再修改。',
      verify_comment: '核对方式（可选）',
      verified: '证书已核验',
      other_region: '另一大区的院校',
      no_number: '无编号',
      import_results_help: '导入本场考试的成绩（报名截止后，一次导入全部考生）：通过的考生获得证书，状态为已核验。',
      reconciliation_title: '证书核对',
      reconciliation_help: '对不上的证书编号：学校填报的编号已发给他人、同一编号被多名学生填报、同一学生同类证书取得两次。',
      problem: {
        issued_elsewhere: '编号已发给他人',
        claimed_twice: '编号被多人填报',
        certified_twice: '同类证书重复',
      },
      others: '相关证书',
      none: '没有问题：所有填报的编号都对得上。',
    },
  },
  resources: {
    certificates: { fields: { status: '状态', verifiedAt: '核验时间', verifiedBy: '核验人' } },
    'certificate-reconciliation': {
      name: '证书核对 |||| 证书核对',
      fields: {
        problem: '问题', schoolId: '院校', schoolName: '院校', studentId: '学生', studentName: '学生', certNo: '证书编号',
        kind: '证书类型', certificateId: '证书', others: '相关证书', q: '搜索',
      },
    },
    'exam-results': {
      name: '考试成绩 |||| 考试成绩',
      fields: {
        candidateId: '考生编号', studentNo: '学号', school: '学校', theoryScore: '理论成绩', practiceScore: '实操成绩',
        result: '考试结果', certNo: '证书编号', issuedOn: '发证日期',
      },
    },
    'tier-policies': { fields: { certificatesVerifiedOnly: '只计已核验证书' } },
  },
};
