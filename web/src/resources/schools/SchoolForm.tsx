import { useMemo } from 'react';
import {
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  useGetList,
  type SimpleFormProps,
} from 'react-admin';
import { useVocabularyChoices } from '../../components/choices';
import { useRegionName } from '../../components/fields';

interface Region { id: number; nameZh: string; nameEn: string; provinces: string[] }

/** Every province the regions list, named with its region: the province decides the school's region. */
function useProvinceChoices() {
  const regionName = useRegionName();
  const { data = [] } = useGetList<Region>('regions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'sortOrder', order: 'ASC' } });
  return useMemo(
    () => data.flatMap((r) => r.provinces.map((p) => ({ id: p, name: `${p}（${regionName(r)}）` }))),
    [data, regionName],
  );
}

/**
 * A school's directory fields (HQ): names, province (the region follows from it; HQ may name another
 * region), city, kind and the contact. The server checks the name is unique and answers on the field.
 */
export function SchoolForm(props: Omit<SimpleFormProps, 'children'>) {
  const provinces = useProvinceChoices();
  const kinds = useVocabularyChoices(['university', 'vocational'], 'app.school_kind');
  const regionName = useRegionName();
  return (
    <SimpleForm {...props}>
      <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ minWidth: 360 }} />
      <TextInput source="nameEn" validate={maxLength(200)} sx={{ minWidth: 360 }} />
      <SelectInput source="province" choices={provinces} validate={required()} sx={{ minWidth: 240 }} />
      <ReferenceInput source="regionId" reference="regions" sort={{ field: 'sortOrder', order: 'ASC' }} perPage={100}>
        <SelectInput optionText={(r: Region) => regionName(r)} emptyText="app.school_admin.region_from_province" helperText="app.school_admin.region_help" sx={{ minWidth: 240 }} />
      </ReferenceInput>
      <TextInput source="city" validate={maxLength(50)} />
      <SelectInput source="kind" choices={kinds} validate={required()} />
      <TextInput source="contactName" validate={maxLength(100)} />
      <TextInput source="contactEmail" type="email" validate={[email(), maxLength(200)]} />
      <TextInput source="contactPhone" validate={maxLength(30)} />
    </SimpleForm>
  );
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const id = (v: unknown) => (typeof v === 'number' ? v : null);

/** POST /api/schools: the directory fields; no region means "from the province". */
export function toCreateBody(data: Record<string, unknown>) {
  return {
    name: typeof data.name === 'string' ? data.name.trim() : '',
    nameEn: text(data.nameEn),
    province: typeof data.province === 'string' ? data.province : '',
    regionId: id(data.regionId),
    city: text(data.city),
    kind: data.kind,
    contactName: text(data.contactName),
    contactEmail: text(data.contactEmail),
    contactPhone: text(data.contactPhone),
  };
}

/** PUT /api/schools/:id: the version read and the fields (a new province brings its region unless another is named). */
export function toUpdateBody(data: Record<string, unknown>) {
  return { version: data.version, ...toCreateBody(data) };
}
