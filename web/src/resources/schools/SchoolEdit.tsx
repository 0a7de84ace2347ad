import { useRecordContext, useTranslate } from 'react-admin';
import { VersionedEdit } from '../../components/VersionedEdit';
import { SchoolForm, toUpdateBody } from './SchoolForm';

function EditTitle() {
  const record = useRecordContext<{ name: string }>();
  const translate = useTranslate();
  return record ? <span>{translate('app.school_admin.edit_title', { name: record.name })}</span> : null;
}

/**
 * HQ edits a school. The save sends the version read; when someone else saved first (409) the page
 * says so, keeps what was typed and offers to reload.
 */
export function SchoolEdit() {
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.school_admin.stale" transform={toUpdateBody}>
      <SchoolForm />
    </VersionedEdit>
  );
}
