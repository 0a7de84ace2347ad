import type { workflowZh } from './workflow.zh';

/** English labels of the workflow; the type keeps the keys the same as workflow.zh.ts. */
export const workflowEn: typeof workflowZh = {
  app: {
    action: {
      attach_file: 'Attach file',
      remove_file: 'Remove file',
    },
    history: {
      title: 'History',
      empty: 'Nothing has happened yet',
      system: 'System',
      field_comments: 'Comments by field',
      plan_item_decisions: 'Platform support decisions',
      approved: 'approved',
      declined: 'declined',
      missing: 'Missing',
      on: 'Date',
      place: 'Place',
      checklist: 'Confirmed',
      more: 'Showing the first %{shown} of %{total}',
      item: 'Plan item #%{id}',
      check: {
        instructorsInPlace: 'instructors in place',
        resourcesConfigured: 'teaching resources configured',
      },
    },
  },
};
