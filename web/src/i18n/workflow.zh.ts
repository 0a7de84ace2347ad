/** Labels of the partnership workflow: applications, agreements, the history timeline, notifications. */
export const workflowZh = {
  app: {
    action: {
      attach_file: '上传附件',
      remove_file: '删除附件',
    },
    history: {
      title: '流转记录',
      empty: '暂无流转记录',
      system: '系统',
      field_comments: '逐项意见',
      plan_item_decisions: '平台支持项决定',
      approved: '同意',
      declined: '不同意',
      missing: '缺少',
      on: '日期',
      place: '地点',
      checklist: '验收确认',
      more: '仅显示前 %{shown} 条，共 %{total} 条',
      item: '计划项 #%{id}',
      check: {
        instructorsInPlace: '师资已到位',
        resourcesConfigured: '教学资源已配置',
      },
    },
  },
};
