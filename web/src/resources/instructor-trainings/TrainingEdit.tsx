import { useRecordContext, useTranslate } from 'react-admin';
import { VersionedEdit } from '../../components/VersionedEdit';
import { TrainingForm, toUpdateBody } from './TrainingForm';
import type { Training } from './training-types';

function EditTitle() {
  const record = useRecordContext<Training>();
  const translate = useTranslate();
  return record ? <span>{translate('app.training.edit_title', { title: record.title })}</span> : null;
}

/** HQ edits a training; once it has participants the server keeps its level, dates and validity (400 on those fields). */
export function TrainingEdit() {
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.training.stale" transform={toUpdateBody}>
      <TrainingForm edit />
    </VersionedEdit>
  );
}
