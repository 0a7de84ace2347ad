import Alert from '@mui/material/Alert';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { useNotifySaveError } from '../../components/problem/use-notify-save-error';
import { useTierChoices, useVocabularyChoices } from '../../components/choices';
import { withoutEmpty } from '../../components/forms';

/** The decisions an agreement year evaluated before the product may carry (server: existing-agreement-input.ts). */
const importedDecisions = ['continue', 'rectify'] as const;
const liveStates = ['active', 'rectifying'] as const;

interface Values {
  status?: string;
  startDate?: string;
  rectificationNotice?: string | null;
  rectificationDeadline?: string | null;
  evaluatedYears?: { year?: number; decision?: string }[] | null;
}

/** The body of POST /api/agreements: no empty fields, no rectification unless rectifying, the evaluated years filled in. */
export function toExistingAgreementBody(data: Values & Record<string, unknown>) {
  const { rectificationNotice, rectificationDeadline, evaluatedYears, ...rest } = data;
  const years = (evaluatedYears ?? []).filter((y) => y?.year && y.decision).map((y) => ({ year: Number(y.year), decision: y.decision }));
  return withoutEmpty({
    ...rest,
    ...(data.status === 'rectifying' ? { rectificationNotice, rectificationDeadline } : {}),
    evaluatedYears: years,
  });
}

/** Before sending: the start is not in the future (China date of the browser's clock, the server checks again). */
function validate(values: Values) {
  const errors: Record<string, string> = {};
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  if (values.startDate && values.startDate > today) errors.startDate = 'resources.agreements.existing.start_in_future';
  return errors;
}

/**
 * HQ records a partnership that began before the product: the school, tier, start date, term and
 * state (a rectification with its notice and deadline), and the agreement years already evaluated
 * outside the product with their decision. The server creates the agreement with those evaluations,
 * the school's tier and status follow, and its compliance is computed at once.
 */
export function ExistingAgreementCreate() {
  const translate = useTranslate();
  const notifySaveError = useNotifySaveError();
  const tierChoices = useTierChoices();
  const statusChoices = useVocabularyChoices(liveStates, 'app.state');
  const decisionChoices = useVocabularyChoices(importedDecisions, 'app.action');
  return (
    <Create
      title="resources.agreements.existing.title"
      redirect="show"
      transform={toExistingAgreementBody}
      mutationOptions={{
        onError: notifySaveError,
      }}
    >
      <SimpleForm validate={validate} defaultValues={{ status: 'active', evaluatedYears: [] }}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>{translate('resources.agreements.existing.help')}</Alert>
        <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <SelectInput source="tier" choices={tierChoices} validate={required()} sx={{ minWidth: 220 }} />
        <DateInput source="startDate" validate={required()} />
        <NumberInput source="termYears" min={1} max={10} step={1} validate={[minValue(1), maxValue(10)]} helperText="resources.agreements.existing.term_help" />
        <SelectInput source="status" choices={statusChoices} validate={required()} sx={{ minWidth: 220 }} />
        <FormDataConsumer<Values>>
          {({ formData }) => (formData.status === 'rectifying' ? (
            <>
              <TextInput source="rectificationNotice" multiline minRows={2} validate={required()} sx={{ width: '100%', maxWidth: 640 }} />
              <DateInput source="rectificationDeadline" validate={required()} />
            </>
          ) : null)}
        </FormDataConsumer>
        <ArrayInput source="evaluatedYears" label="resources.agreements.existing.evaluated_years" helperText="resources.agreements.existing.evaluated_years_help">
          <SimpleFormIterator inline disableReordering>
            <NumberInput source="year" label="resources.agreements.existing.year" min={1} max={10} step={1} validate={[required(), minValue(1), maxValue(10)]} />
            <SelectInput source="decision" label="resources.agreements.existing.decision" choices={decisionChoices} validate={required()} sx={{ minWidth: 160 }} />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="comment" label="resources.agreements.existing.comment" multiline sx={{ width: '100%', maxWidth: 640 }} />
      </SimpleForm>
    </Create>
  );
}
