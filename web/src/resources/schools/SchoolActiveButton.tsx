import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmedActionButton } from '../../components/workflow/ConfirmedActionButton';

interface SchoolLike { id: number; name: string; active: boolean; version: number }

/**
 * HQ deactivates a school (it keeps every record; a school with records is never deleted) or
 * reactivates it: POST /api/schools/:id/actions/deactivate|reactivate with the version read.
 */
export function SchoolActiveButton() {
  const record = useRecordContext<SchoolLike>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'edit' });
  if (!record || !canAccess || record.active === undefined) return null;
  const action = record.active ? 'deactivate' : 'reactivate';
  return (
    <ConfirmedActionButton
      resource="schools" record={record} action={action} color={record.active ? 'error' : 'success'}
      label={translate(`app.school_admin.${action}`)}
      title={translate(`app.school_admin.${action}_title`)}
      content={translate(`app.school_admin.${action}_confirm`, { name: record.name })}
      done={{ message: `app.school_admin.${action}d`, args: { name: record.name } }}
    />
  );
}
