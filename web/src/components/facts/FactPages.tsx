import type { ReactNode } from 'react';
import {
  Create,
  Edit,
  Show,
  SimpleShowLayout,
  useNotify,
  usePermissions,
  type RaRecord,
} from 'react-admin';
import { canAccess, type Role } from '../../providers/permissions';
import { useErrorText } from '../problem/parse-problem';

/**
 * The create, edit and show pages of a fact. Saves wait for the server (pessimistic): a refused
 * save keeps the form as typed and shows the server's message, with field errors under the inputs.
 */
function useOnError() {
  const notify = useNotify();
  const errorText = useErrorText();
  return (error: unknown) => {
    const message = errorText(error) || 'ra.notification.http_error';
    notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
  };
}

export function FactCreate({ children, transform }: { children: ReactNode; transform?: (data: RaRecord) => RaRecord }) {
  const onError = useOnError();
  return (
    <Create redirect="list" transform={transform} mutationOptions={{ onError }}>
      {children}
    </Create>
  );
}

export function FactEdit({ children, transform }: { children: ReactNode; transform?: (data: RaRecord) => RaRecord }) {
  const onError = useOnError();
  return (
    <Edit redirect="list" mutationMode="pessimistic" transform={transform} mutationOptions={{ onError }}>
      {children}
    </Edit>
  );
}

export function FactShow({ children }: { children: ReactNode }) {
  return (
    <Show>
      <SimpleShowLayout>{children}</SimpleShowLayout>
    </Show>
  );
}

/** A row opens the edit page for those who may edit (the school), the read-only page for the others. */
export function useRowClick(resource: string) {
  const { permissions: role } = usePermissions<Role>();
  return canAccess(role, resource, 'edit') ? 'edit' : 'show';
}
