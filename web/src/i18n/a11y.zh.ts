/**
 * Accessibility labels (issue 16 item 1): landmarks, chart tables, page titles. a11y.en.ts has
 * exactly the same keys.
 */
export const a11yZh = {
  app: {
    a11y: {
      navigation: '主菜单',
      show_table: '以表格查看',
      show_chart: '以图表查看',
      chart_data: '%{title}（数据表）',
      user_menu: '%{name} 的个人资料',
      col_tier: '层次',
      col_kpi: '指标',
      col_month: '月份',
      col_threshold: '要求',
      col_schools: '院校数',
      whatif_chart: '各大区院校达标情况（现行要求与修改后）',
      trend_chart: '%{kpi}：逐月进度',
      focus_after_action: '已完成：%{action}',
    },
  },
};
