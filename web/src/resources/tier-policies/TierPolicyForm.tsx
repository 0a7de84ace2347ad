import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxValue,
  minValue,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useTierChoices } from '../../components/choices';
import { ThresholdInput } from './ThresholdInput';
import type { TierPolicy } from '../../components/policy/thresholds';

function Section({ title, children, note }: { title: string; children: ReactNode; note?: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle1" sx={{ mt: 1, fontWeight: 600 }}>{translate(title)}</Typography>
      {note}
      <Stack spacing={2} sx={{ mt: 1.5 }}>{children}</Stack>
      <Divider sx={{ mt: 2 }} />
    </Box>
  );
}

function VersionNote() {
  const record = useRecordContext<TierPolicy>();
  const translate = useTranslate();
  if (!record?.version) return null;
  return <Alert severity="info" variant="outlined" sx={{ width: '100%', boxSizing: 'border-box' }}>{translate('app.policy.version_note', { version: record.version })}</Alert>;
}

const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * The thresholds of one tier and year; `create` adds the tier and the year, which an edit cannot change.
 * Leaving with unsaved values asks first (react-admin's warnWhenUnsavedChanges: a confirm on a route
 * change, the browser's own prompt on closing the tab); a successful save leaves without asking.
 */
export function TierPolicyForm({ create = false, defaultValues, preview }: { create?: boolean; defaultValues?: Record<string, unknown>; preview?: ReactNode }) {
  const translate = useTranslate();
  const tierChoices = useTierChoices();
  // noValidate: our validators speak the user's language and units; the browser's would not.
  return (
    <SimpleForm toolbar={<FormToolbar />} defaultValues={defaultValues} noValidate warnWhenUnsavedChanges sx={{ maxWidth: 760 }}>
      {create ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
          <SelectInput source="tier" choices={tierChoices} validate={required()} sx={{ minWidth: 220 }} />
          <NumberInput source="effectiveYear" validate={[required(), minValue(2000), maxValue(2100)]} step={1} />
        </Stack>
      ) : (
        <VersionNote />
      )}
      <Section title="app.policy.section_signing">
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <BooleanInput source="requiresSigning" />
          <BooleanInput source="requiresPlaque" />
          <BooleanInput source="requiresInspection" />
        </Stack>
        <ThresholdInput source="termYears" />
      </Section>
      <Section title="app.policy.section_teaching">
        <ThresholdInput source="certifiedInstructors" />
        <ThresholdInput source="teachingDelivery" />
        <ThresholdInput source="offlineCourses" />
        <ThresholdInput source="offlineCourseMinHours" />
        <ThresholdInput source="practiceHours" />
      </Section>
      <Section title="app.policy.section_outcomes" note={<Typography variant="body2" color="text.secondary">{translate('app.policy.certificates_rule')}</Typography>}>
        <ThresholdInput source="certificates1x" />
        <ThresholdInput source="certificatesOperator" />
        <BooleanInput source="certificatesVerifiedOnly" helperText="app.certification.verified_only_help" />
        <ThresholdInput source="jobPlatformRate" />
        <ThresholdInput source="jobFairs" />
      </Section>
      <Section title="app.policy.section_active">
        <ThresholdInput source="activeResumeCompleteness" />
        <ThresholdInput source="activeMinApplications" />
      </Section>
      <TextInput source="comment" multiline minRows={2} fullWidth helperText="app.policy.comment_help" />
      {preview}
    </SimpleForm>
  );
}
