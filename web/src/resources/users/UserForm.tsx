import {
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  useGetIdentity,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import { useRoleChoices, useVocabularyChoices } from '../../components/choices';
import { RegionNameField } from '../../components/fields';

/** The links each role needs: regions for regional staff, a school for a school account, a provider for a provider account. */
function RoleLinks() {
  const role = useWatch({ name: 'role' }) as string | undefined;
  if (role === 'regional') {
    return (
      <ReferenceArrayInput source="regionIds" reference="regions" sort={{ field: 'sortOrder', order: 'ASC' }} perPage={100}>
        <SelectArrayInput label="resources.users.fields.regionIds" optionText={<RegionNameField />} validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceArrayInput>
    );
  }
  if (role === 'school') {
    return (
      // The whole directory of a programme the deck's size is offered at once; typing searches by name.
      <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
    );
  }
  if (role === 'provider') {
    return (
      <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
    );
  }
  return null;
}

/**
 * An account's fields: name, e-mail (creation only: it is the sign-in name), role (HQ chooses any;
 * regional staff only school accounts), the links the role needs, the language of its mails and
 * screens. Never a password: a new account is invited by mail.
 */
export function UserForm({ creating = false, ...props }: Omit<SimpleFormProps, 'children'> & { creating?: boolean }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const regional = identity?.role === 'regional';
  const roleChoices = useRoleChoices().filter((c) => !regional || c.id === 'school');
  const localeChoices = useVocabularyChoices(['zh', 'en'], 'app.locale');
  return (
    <SimpleForm {...props}>
      {creating ? <Alert severity="info" sx={{ mb: 2 }}>{translate('app.user_admin.create_help')}</Alert> : null}
      {creating && regional ? <Alert severity="info" sx={{ mb: 2 }}>{translate('app.user_admin.regional_help')}</Alert> : null}
      <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ minWidth: 320 }} />
      <TextInput source="email" type="email" validate={[required(), email(), maxLength(200)]} disabled={!creating} sx={{ minWidth: 320 }} />
      <SelectInput source="role" choices={roleChoices} validate={required()} disabled={regional} sx={{ minWidth: 200 }} />
      <RoleLinks />
      <SelectInput source="locale" choices={localeChoices} validate={required()} sx={{ minWidth: 200 }} />
    </SimpleForm>
  );
}

const id = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : null);

/** POST /api/users: the fields of the role only (no password: the server invites). */
export function toCreateBody(data: Record<string, unknown>) {
  const role = data.role as string;
  return {
    email: typeof data.email === 'string' ? data.email.trim() : '',
    name: typeof data.name === 'string' ? data.name.trim() : '',
    role,
    locale: data.locale ?? 'zh',
    ...(role === 'regional' ? { regionIds: ((data.regionIds as unknown[]) ?? []).map(Number) } : {}),
    ...(role === 'school' ? { schoolId: id(data.schoolId) } : {}),
    ...(role === 'provider' ? { providerId: id(data.providerId) } : {}),
  };
}

/** PUT /api/users/:id: the version read and what the form edits (never the e-mail). */
export function toUpdateBody(data: Record<string, unknown>) {
  const { email: _email, ...body } = toCreateBody(data);
  return { version: data.version, ...body };
}
