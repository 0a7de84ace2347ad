import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  BooleanField,
  EditButton,
  Labeled,
  ReferenceField,
  Show,
  TextField,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { StateField, TierField, TranslatedField } from '../../components/chips';
import { LocalDateField, RegionNameField } from '../../components/fields';
import { AuditTrail } from '../../components/audit/AuditTrail';
import { programmeEntityTypes } from '../../components/audit/entity-links';
import { SchoolProvidersPanel } from '../providers/SchoolProvidersPanel';
import { SchoolActiveButton } from './SchoolActiveButton';

interface School {
  id: number;
  name: string;
  nameEn: string | null;
}

function SchoolTitle() {
  const record = useRecordContext<School>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return <span>{locale === 'en' && record.nameEn ? record.nameEn : record.name}</span>;
}

function SchoolHeader() {
  const record = useRecordContext<School>();
  if (!record) return null;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
      <Box>
        <Typography variant="h5" component="h2">{record.name}</Typography>
        {record.nameEn ? <Typography color="text.secondary">{record.nameEn}</Typography> : null}
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TierField size="medium" />
        <StateField size="medium" />
        <SchoolEditButton />
        <SchoolActiveButton />
      </Stack>
    </Stack>
  );
}

/** "编辑" for HQ (the permissions table). */
function SchoolEditButton() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'edit' });
  return canAccess ? <EditButton /> : null;
}

function SchoolHistory() {
  const record = useRecordContext<School>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'audit-events', action: 'list' });
  if (!record || !canAccess) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader title={translate('app.common.history')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <AuditTrail filter={{ schoolId: record.id, entityType: programmeEntityTypes }} />
    </Card>
  );
}

export function SchoolShow() {
  return (
    <Show title={<SchoolTitle />}>
      <CardContent>
        <SchoolHeader />
        <Grid container spacing={2} sx={{ mt: 2 }}>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="regionId">
              <ReferenceField source="regionId" reference="regions" link={false}>
                <RegionNameField />
              </ReferenceField>
            </Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="province"><TextField source="province" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="city"><TextField source="city" emptyText="—" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="kind"><TranslatedField source="kind" prefix="app.school_kind" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="contactName"><TextField source="contactName" emptyText="—" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="contactEmail"><TextField source="contactEmail" emptyText="—" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="contactPhone"><TextField source="contactPhone" emptyText="—" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="active"><BooleanField source="active" /></Labeled>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Labeled source="createdAt"><LocalDateField source="createdAt" /></Labeled>
          </Grid>
        </Grid>
      </CardContent>
      <Box sx={{ px: 2, pb: 2 }}>
        <SchoolProvidersPanel />
        <SchoolHistory />
      </Box>
    </Show>
  );
}
