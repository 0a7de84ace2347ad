import Alert from '@mui/material/Alert';
import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, useGetList, useTranslate } from 'react-admin';

/** A school tells HQ about its service provider, at any time (DOMAIN.md); HQ replies on the feedback's page. */
export function FeedbackCreate() {
  const translate = useTranslate();
  // GET /api/providers is scoped: a school sees only the providers that serve it.
  const { data: providers, isPending } = useGetList('providers', { pagination: { page: 1, perPage: 50 }, sort: { field: 'name', order: 'ASC' } });
  if (isPending) return null;
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={providers?.length === 1 ? { providerId: providers[0].id } : undefined}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>{translate('app.work.feedback.create_help')}</Alert>
        {providers?.length ? (
          <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput optionText="name" validate={required()} sx={{ maxWidth: 480 }} />
          </ReferenceInput>
        ) : (
          <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>{translate('app.work.feedback.no_provider')}</Alert>
        )}
        <TextInput source="subject" validate={[required(), maxLength(200)]} sx={{ maxWidth: 640 }} />
        <TextInput source="body" validate={[required(), maxLength(10_000)]} multiline minRows={6} />
      </SimpleForm>
    </Create>
  );
}
