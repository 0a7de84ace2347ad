/** 列表的批量操作（issue 17 第 2 项）：选中多条记录，一次确认，全部成功或全部不变。 */
export const bulkZh = {
  app: {
    bulk: {
      confirm_hint: '共 %{smart_count} 条记录，全部成功或全部不变。 |||| 共 %{smart_count} 条记录，全部成功或全部不变。',
      mark_left: '标记离校',
      mark_left_title: '将选中的 %{smart_count} 名学生标记为离校 |||| 将选中的 %{smart_count} 名学生标记为离校',
      left_on: '离校日期',
      left_reason: '离校原因',
      marked_left: '已将 %{smart_count} 名学生标记为“%{reason}” |||| 已将 %{smart_count} 名学生标记为“%{reason}”',
      mark_read_done: '已将 %{smart_count} 条通知标为已读 |||| 已将 %{smart_count} 条通知标为已读',
      close_feedback: '关闭反馈',
      close_feedback_title: '关闭选中的 %{smart_count} 条反馈 |||| 关闭选中的 %{smart_count} 条反馈',
      closed_feedback: '已关闭 %{smart_count} 条反馈 |||| 已关闭 %{smart_count} 条反馈',
      not_on_page: '只能对当前页上的记录执行此操作；请先翻到所选记录所在页。',
    },
    import: {
      showing_new: '列表已按新建顺序排列，刚导入的记录在最前面。',
    },
  },
};
