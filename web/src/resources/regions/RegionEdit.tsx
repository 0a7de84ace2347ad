import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import {
  Edit, NumberInput, SimpleForm, TextInput, maxLength, required,
  useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, type HttpError,
} from 'react-admin';
import { isConflict, useErrorText } from '../../components/problem/parse-problem';
import { useRegionName } from '../../components/fields';

/** Provinces as one line of text: separated by 、 , ， ; ； or spaces. */
export const formatProvinces = (v: unknown) => (Array.isArray(v) ? v.join('、') : '');
export const parseProvinces = (v: unknown) =>
  typeof v === 'string' ? v.split(/[、,，;；\s]+/).map((p) => p.trim()).filter(Boolean) : [];

/** PUT /api/regions/:id: the version read, the names, the provinces, the order. */
export function toRegionBody(data: Record<string, unknown>) {
  const provinces = Array.isArray(data.provinces) ? data.provinces : parseProvinces(data.provinces);
  return {
    version: data.version,
    nameZh: typeof data.nameZh === 'string' ? data.nameZh.trim() : '',
    nameEn: typeof data.nameEn === 'string' ? data.nameEn.trim() : '',
    provinces,
    ...(typeof data.sortOrder === 'number' ? { sortOrder: data.sortOrder } : {}),
  };
}

function EditTitle() {
  const record = useRecordContext<{ nameZh: string; nameEn: string }>();
  const translate = useTranslate();
  const regionName = useRegionName();
  return record ? <span>{translate('app.region_admin.edit_title', { name: regionName(record) })}</span> : null;
}

/**
 * HQ edits a region: its names and provinces. A province added here leaves the region that listed
 * it, and its schools move here (their regional staff and queues with them); the form says so.
 */
export function RegionEdit() {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const errorText = useErrorText();
  const [conflict, setConflict] = useState(false);
  return (
    <Edit
      title={<EditTitle />}
      mutationMode="pessimistic"
      transform={toRegionBody}
      mutationOptions={{
        onError: (error: unknown) => {
          if (isConflict(error)) setConflict(true);
          if ((error as HttpError)?.body?.errors) return;
          const message = errorText(error) || 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
        },
        onSuccess: () => {
          setConflict(false);
          notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
          redirect('list', 'regions');
        },
      }}
    >
      {conflict ? (
        <Alert
          severity="warning"
          sx={{ m: 2, mb: 0 }}
          action={<Button color="inherit" size="small" onClick={() => { setConflict(false); refresh(); }}>{translate('app.errors.reload')}</Button>}
        >
          {translate('app.region_admin.stale')}
        </Alert>
      ) : null}
      <SimpleForm>
        <TextInput source="nameZh" validate={[required(), maxLength(50)]} />
        <TextInput source="nameEn" validate={[required(), maxLength(100)]} />
        <TextInput
          source="provinces"
          format={formatProvinces}
          parse={parseProvinces}
          helperText="app.region_admin.provinces_help"
          sx={{ minWidth: 480 }}
        />
        <NumberInput source="sortOrder" min={0} max={1000} />
      </SimpleForm>
    </Edit>
  );
}
