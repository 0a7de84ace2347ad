import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  CreateButton,
  DataTable,
  List,
  SelectInput,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { TierChip } from '../../components/chips';
import { useTierChoices } from '../../components/choices';
import { tiers } from '../../components/vocabulary';
import { CertificatesValue, SigningSteps, ThresholdValue } from './PolicyFields';
import { policiesInForce, type TierPolicy } from '../../components/policy/thresholds';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

function YearField({ inForce }: { inForce: Set<unknown> }) {
  const record = useRecordContext<TierPolicy>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>{translate('app.common.from_year', { year: record.effectiveYear })}</Typography>
      {inForce.has(record.id) ? <Chip size="small" color="success" variant="outlined" label={translate('app.common.in_force')} /> : null}
      {record.effectiveYear > new Date().getFullYear() ? <Chip size="small" color="info" variant="outlined" label={translate('app.common.upcoming')} /> : null}
    </Stack>
  );
}

function TierGroup({ tier, policies, inForce }: { tier: string; policies: TierPolicy[]; inForce: Set<unknown> }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader
        title={<TierChip tier={tier} size="medium" />}
        subheader={translate(`app.tier_description.${tier}`)}
        sx={{ pb: 0 }}
      />
      <ResponsiveDataTable
        data={policies}
        total={policies.length}
        rowClick="show"
        bulkActionButtons={false}
        size="small"
        sort={{ field: 'effectiveYear', order: 'DESC' }}
        // The same column widths in every tier's table, so the tiers compare at a glance.
        sx={{ '& table': { tableLayout: 'fixed' }, '& th:first-of-type, & td:first-of-type': { width: 150 }, '& .column-certificates': { width: 200 } }}
      >
        <DataTable.Col source="effectiveYear" disableSort>
          <YearField inForce={inForce} />
        </DataTable.Col>
        <DataTable.Col source="certifiedInstructors" disableSort><ThresholdValue source="certifiedInstructors" /></DataTable.Col>
        <DataTable.Col source="teachingDelivery" disableSort><ThresholdValue source="teachingDelivery" /></DataTable.Col>
        <DataTable.Col source="practiceHours" disableSort><ThresholdValue source="practiceHours" /></DataTable.Col>
        <DataTable.Col source="certificates" disableSort field={CertificatesValue} />
        <DataTable.Col source="jobPlatformRate" disableSort><ThresholdValue source="jobPlatformRate" /></DataTable.Col>
        <DataTable.Col source="jobFairs" disableSort><ThresholdValue source="jobFairs" /></DataTable.Col>
        <DataTable.Col source="termYears" disableSort><ThresholdValue source="termYears" /></DataTable.Col>
        <DataTable.Col source="signing_steps" disableSort field={SigningSteps} />
      </ResponsiveDataTable>
    </Card>
  );
}

/** Policies grouped by tier in the programme's order (deepest first), newest year first in each. */
function TierPolicyGroups() {
  const { data, isPending } = useListContext<TierPolicy>();
  if (isPending || !data) return null;
  const inForce = policiesInForce(data, new Date().getFullYear());
  const groups = tiers
    .map((tier) => ({ tier, policies: data.filter((p) => p.tier === tier).sort((a, b) => b.effectiveYear - a.effectiveYear) }))
    .filter((g) => g.policies.length);
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {groups.map((g) => <TierGroup key={g.tier} {...g} inForce={inForce} />)}
    </Stack>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography color="text.secondary">{translate('ra.navigation.no_results', { name: translate('resources.tier-policies.name', { smart_count: 2 }) })}</Typography>
    </Box>
  );
}

export function TierPolicyList() {
  const tierChoices = useTierChoices();
  const filters = [<SelectInput key="tier" source="tier" choices={tierChoices} alwaysOn sx={{ minWidth: 180 }} />];
  return (
    <List
      filters={filters}
      sort={{ field: 'effectiveYear', order: 'DESC' }}
      perPage={1000}
      pagination={false}
      exporter={false}
      empty={<Empty />}
      actions={<TopToolbar><CreateButton /></TopToolbar>}
    >
      <TierPolicyGroups />
    </List>
  );
}
