import { useRecordContext, useTranslate } from 'react-admin';
import { VersionedEdit } from '../../components/VersionedEdit';
import { UserForm, toUpdateBody } from './UserForm';

function EditTitle() {
  const record = useRecordContext<{ name: string }>();
  const translate = useTranslate();
  return record ? <span>{translate('app.user_admin.edit_title', { name: record.name })}</span> : null;
}

/** Edits an account (versioned: when someone else saved first, the page says so and offers to reload). */
export function UserEdit() {
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.user_admin.stale" transform={toUpdateBody}>
      <UserForm />
    </VersionedEdit>
  );
}
