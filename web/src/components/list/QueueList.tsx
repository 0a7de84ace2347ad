import type { ReactElement, ReactNode } from 'react';
import { List, usePermissions, type Exporter } from 'react-admin';
import { ListToolbar } from './ListToolbar';
import { ListPagination } from './ListPagination';

/**
 * The list of a workflow record that waits for someone (evaluations, reports, proposals, feedback):
 * newest first; the role whose queue it is (`queue.role`) opens it on what awaits it
 * (`queue.status`), everyone else on everything they may see. The toolbar has the filter button,
 * create (or what stands for it) and export for the roles that may.
 */
export function QueueList({ queue, exporter, filters, create = true, empty, children }: {
  queue: { role: string; status: string };
  exporter: Exporter;
  filters: ReactElement[];
  create?: boolean | ReactElement;
  empty?: false;
  children: ReactNode;
}) {
  const { permissions: role } = usePermissions<string>();
  return (
    <List
      exporter={exporter}
      filters={filters}
      filterDefaultValues={role === queue.role ? { status: queue.status } : undefined}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
      actions={<ListToolbar filters create={create} exportable />}
      empty={empty}
    >
      {children}
    </List>
  );
}
