import { NumberInput, SimpleForm, TextInput, maxLength, required, useRecordContext, useTranslate } from 'react-admin';
import { VersionedEdit } from '../../components/VersionedEdit';
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
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.region_admin.stale" transform={toRegionBody} redirectTo="list">
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
    </VersionedEdit>
  );
}
