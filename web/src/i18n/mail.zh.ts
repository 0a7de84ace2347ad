/** Labels of the mail outbox (HQ) and the daily digest switch in the user menu, in Chinese. mail.en.ts has exactly the same keys. */
export const mailZh = {
  app: {
    entity: {
      mail: '邮件',
    },
    action: {
      retry: '重新发送',
    },
    mail: {
      status: {
        queued: '待发送',
        sent: '已发送',
        failed: '发送失败',
      },
      kind: {
        invitation: '账号邀请',
        password_reset: '重置密码',
        digest: '每日待办',
        join_confirm: '加入申请邮箱确认',
        join_declined: '加入申请被拒绝',
      },
      retry: '重新发送',
      retried: '邮件已重新排队，将尽快发送',
      digest: '每日待办邮件',
      digest_help: '每天早上把等待您处理的事项（审核、签约、评审决定、30 天内到期的整改）发到您的邮箱',
      digest_on: '已开启每日待办邮件',
      digest_off: '已关闭每日待办邮件',
    },
  },
  resources: {
    'mail-outbox': {
      name: '发件箱',
      fields: {
        id: '编号',
        q: '搜索',
        recipient: '收件人',
        kind: '类型',
        subject: '主题',
        text: '正文',
        status: '状态',
        attempts: '尝试次数',
        nextAttemptAt: '下次尝试',
        lastError: '最近一次错误',
        createdAt: '写入时间',
        sentAt: '发送时间',
      },
    },
  },
};
