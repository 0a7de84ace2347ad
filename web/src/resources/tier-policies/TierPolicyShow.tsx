import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  BooleanField,
  CloneButton,
  EditButton,
  Labeled,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { TierChip } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { AuditTrail } from '../../components/audit/AuditTrail';
import { CertificatesValue, ThresholdValue } from './PolicyFields';
import type { ThresholdField, TierPolicy } from '../../components/policy/thresholds';

function PolicyTitle() {
  const record = useRecordContext<TierPolicy>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{`${translate(`app.tier.${record.tier}`)} · ${translate('app.common.from_year', { year: record.effectiveYear })}`}</span>;
}

/** HQ may start a new version from this one, effective next year at the earliest. */
function NewVersionButton() {
  const record = useRecordContext<TierPolicy>();
  const { canAccess } = useCanAccess({ resource: 'tier-policies', action: 'create' });
  if (!record || !canAccess) return null;
  const effectiveYear = Math.max(record.effectiveYear + 1, new Date().getFullYear() + 1);
  return <CloneButton label="app.policy.new_version" record={{ ...record, effectiveYear }} />;
}

function Actions() {
  return (
    <TopToolbar>
      <NewVersionButton />
      <EditButton />
    </TopToolbar>
  );
}

function Threshold({ source }: { source: ThresholdField }) {
  const translate = useTranslate();
  return (
    <Box>
      <Labeled source={source}>
        <ThresholdValue source={source} variant="h6" />
      </Labeled>
      <Typography variant="caption" color="text.secondary" component="p">{translate(`app.policy.help.${source}`)}</Typography>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate(title)} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} sx={{ pb: 0 }} />
      <CardContent>
        <Grid container spacing={2}>{children}</Grid>
      </CardContent>
    </Card>
  );
}

const cell = { xs: 12, sm: 6, md: 4 } as const;

function PolicyHeader() {
  const record = useRecordContext<TierPolicy>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TierChip tier={record.tier} size="medium" />
      <Typography variant="h6">{translate('app.common.from_year', { year: record.effectiveYear })}</Typography>
      <Typography variant="body2" color="text.secondary">{translate(`app.tier_description.${record.tier}`)}</Typography>
    </Stack>
  );
}

function UpdatedBy() {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
  return canAccess ? (
    <Labeled source="updatedBy"><ReferenceField source="updatedBy" reference="users" emptyText="—" /></Labeled>
  ) : null;
}

function PolicyHistory() {
  const record = useRecordContext<TierPolicy>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'audit-events', action: 'list' });
  if (!record || !canAccess) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.common.history')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <AuditTrail filter={{ entityType: 'tier_policy', entityId: record.id }} showEntity={false} />
    </Card>
  );
}

export function TierPolicyShow() {
  const translate = useTranslate();
  return (
    <Show title={<PolicyTitle />} actions={<Actions />}>
      <Stack spacing={2} sx={{ p: 2 }}>
        <PolicyHeader />
        <Section title="app.policy.section_signing">
          <Grid size={cell}><Labeled source="requiresSigning"><BooleanField source="requiresSigning" /></Labeled></Grid>
          <Grid size={cell}><Labeled source="requiresPlaque"><BooleanField source="requiresPlaque" /></Labeled></Grid>
          <Grid size={cell}><Labeled source="requiresInspection"><BooleanField source="requiresInspection" /></Labeled></Grid>
          <Grid size={cell}><Threshold source="termYears" /></Grid>
        </Section>
        <Section title="app.policy.section_teaching">
          <Grid size={cell}><Threshold source="certifiedInstructors" /></Grid>
          <Grid size={cell}><Threshold source="teachingDelivery" /></Grid>
          <Grid size={cell}><Threshold source="offlineCourses" /></Grid>
          <Grid size={cell}><Threshold source="offlineCourseMinHours" /></Grid>
          <Grid size={cell}><Threshold source="practiceHours" /></Grid>
        </Section>
        <Section title="app.policy.section_outcomes">
          <Grid size={{ xs: 12, md: 8 }}>
            <Labeled label="resources.tier-policies.fields.certificates"><CertificatesValue /></Labeled>
            <Typography variant="caption" color="text.secondary" component="p">{translate('app.policy.certificates_rule')}</Typography>
          </Grid>
          <Grid size={cell}><Labeled source="certificatesVerifiedOnly"><BooleanField source="certificatesVerifiedOnly" /></Labeled></Grid>
          <Grid size={cell}><Threshold source="jobPlatformRate" /></Grid>
          <Grid size={cell}><Threshold source="jobFairs" /></Grid>
        </Section>
        <Section title="app.policy.section_active">
          <Grid size={cell}><Threshold source="activeResumeCompleteness" /></Grid>
          <Grid size={cell}><Threshold source="activeMinApplications" /></Grid>
        </Section>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }}>
          <Labeled source="version"><TextField source="version" /></Labeled>
          <Labeled source="updatedAt"><LocalDateField source="updatedAt" showTime /></Labeled>
          <UpdatedBy />
        </Stack>
        <PolicyHistory />
      </Stack>
    </Show>
  );
}
