import Alert from '@mui/material/Alert';
import {
  AutocompleteInput,
  Create,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { withoutEmpty } from '../../components/forms';

/**
 * A provider proposes training content beyond the official curriculum; it may be used only once HQ
 * approves it (DOMAIN.md). Optionally for one of its schools.
 */
export function ContentProposalCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={withoutEmpty}>
      <SimpleForm>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>{translate('app.work.content_proposal.create_help')}</Alert>
        <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ maxWidth: 640 }} />
        <TextInput source="description" validate={[required(), minLength(10), maxLength(10_000)]} multiline minRows={5} />
        <NumberInput source="classHours" validate={[minValue(1), maxValue(1000)]} sx={{ width: 160 }} />
        <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" helperText="app.work.content_proposal.school_help" sx={{ maxWidth: 480 }} />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
