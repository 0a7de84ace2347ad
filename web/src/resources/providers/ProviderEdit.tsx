import { useRecordContext, useTranslate } from 'react-admin';
import { VersionedEdit } from '../../components/VersionedEdit';
import { ProviderForm, toUpdateBody } from './ProviderForm';
import type { Provider } from './scorecard';

function EditTitle() {
  const record = useRecordContext<Provider>();
  const translate = useTranslate();
  return record ? <span>{translate('app.provider_admin.edit_title', { name: record.name })}</span> : null;
}

/**
 * HQ edits a provider: contact, active, and its schools (the whole set, which the save replaces).
 * The save sends the version read; when someone else saved first (409) the page says so, keeps
 * what was typed and offers to reload.
 */
export function ProviderEdit() {
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.provider_admin.stale" transform={toUpdateBody}>
      <ProviderForm edit />
    </VersionedEdit>
  );
}
