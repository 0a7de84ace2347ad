import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  minValue,
  maxValue,
  useTranslate,
} from 'react-admin';
import { withoutEmpty } from '../../components/forms';

interface Row { studentId?: number; hours?: number; practicedOn?: string }
interface Session { cohortYear?: number; major?: string; hours?: number; practicedOn?: string }
interface Values { schoolId?: number; periodFrom?: string; periodTo?: string; records?: Row[]; sessions?: Session[] }

/** What is wrong with the whole form before it is sent: the period, and days outside it. */
export function validateReport(values: Values): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  if (values.periodFrom && values.periodTo && values.periodTo < values.periodFrom) {
    errors.periodTo = 'app.work.provider_report.period_order';
  }
  if (!values.records?.length && !values.sessions?.length) errors.records = 'app.work.provider_report.need_records';
  else if (values.periodFrom && values.periodTo) {
    const outside = (r: { practicedOn?: string } | undefined) => (r?.practicedOn && (r.practicedOn < values.periodFrom! || r.practicedOn > values.periodTo!)
      ? { practicedOn: 'app.work.provider_report.outside_period' } : {});
    const rows = (values.records ?? []).map(outside);
    if (rows.some((r) => Object.keys(r).length)) errors.records = rows;
    const sessions = (values.sessions ?? []).map(outside);
    if (sessions.some((r) => Object.keys(r).length)) errors.sessions = sessions;
  }
  return errors;
}

/** The body sent: no empty fields, in the report nor in its class sessions (an empty major is the whole cohort). */
export function transformReport(data: Record<string, unknown>) {
  const sessions = (data.sessions as Record<string, unknown>[] | undefined ?? []).map((x) => withoutEmpty(x ?? {}));
  return withoutEmpty({ ...data, sessions, records: data.records ?? [] });
}

/** The student picker of a row: only students of the school chosen above, searched by name or number. */
function StudentInput({ source }: { source: string }) {
  const schoolId = useWatch({ name: 'schoolId' });
  const translate = useTranslate();
  if (!schoolId) return <Typography variant="body2" color="text.secondary" sx={{ minWidth: 240, pt: 2 }}>{translate('app.work.provider_report.choose_school_first')}</Typography>;
  return (
    <ReferenceInput source={source} reference="students" filter={{ schoolId }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        optionText={(s: { name: string; studentNo: string }) => `${s.name}（${s.studentNo}）`}
        filterToQuery={(q: string) => ({ q })}
        validate={required()}
        sx={{ minWidth: 260 }}
        label="resources.provider-reports.fields.studentId"
      />
    </ReferenceInput>
  );
}

/**
 * A provider files a practice-project report for one of its schools: the project, the period, the
 * outcomes and each student's hours on each day. The hours count once the school confirms the
 * report. Evidence files are attached on the report's page, right after creating it.
 */
export function ProviderReportCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={transformReport}>
      <SimpleForm validate={validateReport} defaultValues={{ sessions: [{}], records: [] }}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>{translate('app.work.provider_report.create_help')}</Alert>
        <ReferenceInput source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" validate={required()} sx={{ maxWidth: 480 }} />
        </ReferenceInput>
        <TextInput source="project" validate={required()} sx={{ maxWidth: 640 }} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <DateInput source="periodFrom" validate={required()} sx={{ width: 220 }} />
          <DateInput source="periodTo" validate={required()} sx={{ width: 220 }} />
        </Stack>
        <TextInput source="outcomes" multiline minRows={3} sx={{ maxWidth: 960 }} />
        {/* A class's day in one entry: its students (a cohort, optionally of one major) each get the hours (issue 17 item 7). */}
        <Typography variant="subtitle2">{translate('app.class_session.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('app.class_session.help')}</Typography>
        <ArrayInput source="sessions" label={false}>
          <SimpleFormIterator inline disableReordering>
            <NumberInput source="cohortYear" label="app.class_session.cohort_year" validate={[required(), minValue(1990), maxValue(2100)]} sx={{ width: 140 }} />
            <TextInput source="major" label="app.class_session.major" helperText="app.class_session.major_help" sx={{ width: 220 }} />
            <NumberInput source="hours" label="app.class_session.hours" validate={[required(), minValue(0.5), maxValue(24)]} sx={{ width: 140 }} />
            <DateInput source="practicedOn" label="resources.provider-reports.fields.practicedOn" validate={required()} sx={{ width: 200 }} />
          </SimpleFormIterator>
        </ArrayInput>
        <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('app.class_session.by_student')}</Typography>
        <ArrayInput source="records" label={false}>
          <SimpleFormIterator inline disableReordering>
            <StudentInput source="studentId" />
            <NumberInput source="hours" label="resources.provider-reports.fields.hours" validate={[required(), minValue(0.5), maxValue(2000)]} sx={{ width: 120 }} />
            <DateInput source="practicedOn" label="resources.provider-reports.fields.practicedOn" validate={required()} sx={{ width: 200 }} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
