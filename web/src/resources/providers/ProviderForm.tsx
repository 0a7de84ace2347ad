import {
  AutocompleteArrayInput,
  BooleanInput,
  ReferenceArrayInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  type SimpleFormProps,
} from 'react-admin';

/** The school search of the schools input: the server searches by name (filter q), 25 at a time. */
const schoolSearch = (q: string) => ({ q });

/**
 * A provider's fields (HQ): name, contact, the schools it serves (a multi-select that searches the
 * schools on the server as one types) and, when editing, whether it is active.
 */
export function ProviderForm({ edit = false, ...props }: { edit?: boolean } & Omit<SimpleFormProps, 'children'>) {
  return (
    <SimpleForm {...props}>
      <TextInput source="name" validate={[required(), maxLength(200)]} sx={{ minWidth: 360 }} />
      <TextInput source="contactName" validate={maxLength(100)} />
      <TextInput source="contactEmail" type="email" validate={[email(), maxLength(200)]} />
      <TextInput source="contactPhone" validate={maxLength(50)} />
      <ReferenceArrayInput source="schoolIds" reference="schools" sort={{ field: 'name', order: 'ASC' }} perPage={25}>
        <AutocompleteArrayInput
          optionText="name"
          filterToQuery={schoolSearch}
          helperText="app.provider_admin.schools_help"
          sx={{ minWidth: 480 }}
        />
      </ReferenceArrayInput>
      {edit ? <BooleanInput source="active" helperText="app.provider_admin.active_help" /> : null}
    </SimpleForm>
  );
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

/** POST /api/providers: the provider's fields and its schools. */
export function toCreateBody(data: Record<string, unknown>) {
  return {
    name: typeof data.name === 'string' ? data.name.trim() : '',
    contactName: text(data.contactName),
    contactEmail: text(data.contactEmail),
    contactPhone: text(data.contactPhone),
    schoolIds: ids(data.schoolIds),
  };
}

/** PUT /api/providers/:id: the version read, the fields, and the whole set of schools (it replaces the provider's). */
export function toUpdateBody(data: Record<string, unknown>) {
  return { version: data.version, ...toCreateBody(data), active: data.active !== false };
}
