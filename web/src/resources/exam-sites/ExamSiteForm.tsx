import { useMemo } from 'react';
import {
  CheckboxGroupInput, Create, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, email, maxLength, maxValue, minValue,
  required, useGetIdentity, usePermissions, useRecordContext, useTranslate,
} from 'react-admin';
import { examinableKinds } from '@campus/common';
import { RegionNameField } from '../../components/fields';
import { VersionedEdit } from '../../components/VersionedEdit';
import type { ExamSite } from './types';

const phone = (v: unknown) => (typeof v === 'string' && v && !/^[0-9+\-\s()]{6,30}$/.test(v) ? 'app.problem.invalid_format' : undefined);
const atLeastOne = (v: unknown) => (Array.isArray(v) && v.length ? undefined : 'ra.validation.required');

/**
 * An exam site's fields: name, address, seats, the certificates it may examine (checkboxes, in the UI's words),
 * its contact; staff name the venue's region (regional staff: theirs), a school proposes its own school.
 */
export function ExamSiteFields() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const { identity } = useGetIdentity();
  const record = useRecordContext<ExamSite>();
  const kindChoices = useMemo(() => examinableKinds.map((k) => ({ id: k, name: translate(`app.certificate_kind.${k}`, { _: k }) })), [translate]);
  const venue = role !== 'school' && (!record || record.schoolId === null);
  const regionFilter = role === 'regional' && identity ? { id: identity.regionIds } : {};
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ minWidth: 360 }} />
      {venue ? (
        <ReferenceInput source="regionId" reference="regions" filter={regionFilter} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={100}>
          <SelectInput optionText={<RegionNameField />} validate={required()} helperText="app.exam.site_region_help" />
        </ReferenceInput>
      ) : null}
      <TextInput source="address" validate={[required(), maxLength(300)]} sx={{ minWidth: 480 }} />
      <NumberInput source="capacity" validate={[required(), minValue(1), maxValue(100000)]} step={1} />
      <CheckboxGroupInput source="kinds" choices={kindChoices} validate={atLeastOne} helperText="app.exam.kinds_help" />
      <TextInput source="contactName" validate={[required(), maxLength(100)]} />
      <TextInput source="contactPhone" validate={[required(), phone]} />
      <TextInput source="contactEmail" type="email" validate={[email(), maxLength(200)]} />
    </>
  );
}

const body = (d: Record<string, unknown>) => ({
  name: d.name, address: d.address, capacity: d.capacity, kinds: d.kinds, contactName: d.contactName, contactPhone: d.contactPhone,
  contactEmail: typeof d.contactEmail === 'string' && d.contactEmail.trim() ? d.contactEmail.trim() : null,
  ...(d.regionId != null ? { regionId: d.regionId } : {}),
});

export function ExamSiteCreate() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  return (
    <Create title={translate('app.exam.site_create_title')} redirect="show" transform={body}>
      <SimpleForm defaultValues={{ kinds: [] }}>
        {role === 'school' ? <span>{translate('app.exam.site_school_help')}</span> : null}
        <ExamSiteFields />
      </SimpleForm>
    </Create>
  );
}

function EditTitle() {
  const record = useRecordContext<ExamSite>();
  const translate = useTranslate();
  return record ? <span>{translate('app.exam.site_edit_title', { name: record.name })}</span> : null;
}

export function ExamSiteEdit() {
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.exam.stale" transform={(d) => ({ ...body(d), version: d.version })}>
      <SimpleForm><ExamSiteFields /></SimpleForm>
    </VersionedEdit>
  );
}
