import type { Catalogue } from './catalogue.js';
import { problemTextsZh } from '@campus/common';

/** The API's problems in Chinese: the shared texts (@campus/common) and the Chinese terms that fill them. */
export const zh: Catalogue = {
  problems: problemTextsZh,
  terms: {
    role: { hq: '总部', regional: '大区', school: '院校', provider: '服务商' },
    tier: { industry_college: '产业学院', talent_base: '人才基地', pilot_1x: '1+X试点院校', partner_school: '阿里认证合作院校' },
    state: {
      draft: '草稿', pending_regional: '待大区审核', pending_hq: '待总部审核', returned: '已退回', approved: '已通过',
      rejected: '已驳回', withdrawn: '已撤回', pending_signing: '待签约', pending_plaque: '待揭牌', pending_inspection: '待验收',
      active: '执行中', rectifying: '整改中', terminated: '已终止', expired: '已到期', superseded: '已被替代', renewed: '已续约',
      open: '待处理', decided: '已决定', submitted: '已提交', confirmed: '已确认', pending: '待审批', replied: '已回复',
      closed: '已关闭',
      proposed: '待审核', declined: '未通过', suspended: '已暂停', scheduled: '已排期', cancelled: '已取消', results_published: '成绩已发布',
    },
    action: {
      submit: '提交', regional_approve: '大区通过', regional_reject: '大区驳回', regional_return: '大区退回', hq_approve: '总部通过',
      hq_reject: '总部驳回', hq_return: '总部退回', resubmit: '重新提交', withdraw: '撤回', sign: '签约', hold_plaque_ceremony: '揭牌',
      pass_inspection: '验收通过', fail_inspection: '验收未通过', continue: '继续合作', rectify: '限期整改', upgrade: '升级',
      terminate: '终止', close_rectification: '整改完成', renew: '续约', not_renew: '不续约', refresh: '刷新快照', decide: '作出决定',
      approve: '批准', reject: '驳回', confirm: '确认', reply: '回复', close: '关闭', delete: '删除',
      decline: '拒绝', suspend: '暂停', reinstate: '恢复', close_registration: '截止报名', cancel: '取消',
      list: '查看列表', show: '查看', create: '创建', edit: '修改', export: '导出', import: '导入',
    },
    entity: {
      agreement: '合作协议', application: '申报', audit_event: '审计', certificate: '证书', compliance_row: '达标情况',
      content_proposal: '内容提案', course_completion: '课程完成', course: '课程', evaluation: '评审', evidence_file: '证明材料',
      feedback: '反馈', instructor: '师资', job_fair: '招聘会', job_platform_registration: '招聘平台注册', notification: '通知',
      practice_record: '实践记录', provider_report: '实践报告', provider: '服务商', region: '大区', school: '院校',
      student: '学生', tier_policy: '层次政策', user: '用户', job: '任务', record: '',
      exam_site: '考点', exam_session: '考试场次', exam_candidate: '考生',
    },
    step: { approval: '批准', signing: '签约', plaque_ceremony: '揭牌', inspection: '验收' },
    type: {
      string: '文本', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '对象', date: '日期', bigint: '数字',
      null: '空值', undefined: '已填写',
    },
  },
  listSeparator: '、',
  fieldSeparator: '：',
  wait: (seconds) => (seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`),
};
