import type { bulkZh } from './bulk.zh';

/** Bulk actions on lists (issue 17 item 2): select records, confirm once, all of them or none. */
export const bulkEn: typeof bulkZh = {
  app: {
    bulk: {
      confirm_hint: '%{smart_count} record: all succeed or nothing changes. |||| %{smart_count} records: all succeed or nothing changes.',
      mark_left: 'Mark as left',
      mark_left_title: 'Mark the selected student as left |||| Mark the %{smart_count} selected students as left',
      left_on: 'Left on',
      left_reason: 'Reason for leaving',
      marked_left: '%{smart_count} student marked “%{reason}” |||| %{smart_count} students marked “%{reason}”',
      mark_read_done: '%{smart_count} notification marked read |||| %{smart_count} notifications marked read',
      close_feedback: 'Close feedback',
      close_feedback_title: 'Close the selected feedback |||| Close the %{smart_count} selected feedback items',
      closed_feedback: '%{smart_count} feedback item closed |||| %{smart_count} feedback items closed',
      not_on_page: 'This works on the records of the page shown; go to the page of the selected records first.',
    },
    import: {
      showing_new: 'The list is sorted newest first: the records just imported are at the top.',
    },
  },
};
