/**
 * Accessibility labels (issue 16 item 1): landmarks, chart tables, page titles. a11y.zh.ts has
 * exactly the same keys.
 */
export const a11yEn = {
  app: {
    a11y: {
      navigation: 'Main menu',
      show_table: 'Show as table',
      show_chart: 'Show as chart',
      chart_data: '%{title} (data table)',
      user_menu: '%{name}: Profile',
      col_tier: 'Tier',
      col_kpi: 'KPI',
      col_month: 'Month',
      col_threshold: 'Requirement',
      col_schools: 'Schools',
      whatif_chart: 'Schools passing and failing per region (now and with the change)',
      trend_chart: '%{kpi}: month by month',
      focus_after_action: 'Done: %{action}',
    },
  },
};
