import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Typography from '@mui/material/Typography';
import { DataTable, ListBase, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { TierField } from '../components/chips';
import { CompliantChip, FailingKpiChips, KpiValueField, OutlookChip } from '../resources/compliance/KpiParts';
import { PeriodText } from '../resources/compliance/ComplianceYear';
import { type ComplianceRecord } from '@campus/common';
import { ResponsiveDataTable } from '../components/list/ResponsiveDataTable';

const Year = (_: { source?: string }) => {
  const r = useRecordContext<ComplianceRecord>();
  const translate = useTranslate();
  return r ? <span style={{ whiteSpace: 'nowrap' }}>{translate('app.compliance.year', { year: r.year })} · <PeriodText row={r} /></span> : null;
};
const Verdict = (_: { source?: string }) => {
  const r = useRecordContext<ComplianceRecord>();
  return r ? <CompliantChip compliant={r.compliant} /> : null;
};
const Failing = (_: { source?: string }) => {
  const r = useRecordContext<ComplianceRecord>();
  return r ? <FailingKpiChips kpis={r.failingKpis} /> : null;
};
const Outlook = (_: { source?: string }) => {
  const r = useRecordContext<ComplianceRecord>();
  return r ? <OutlookChip row={r} /> : null;
};

function Rows() {
  const { total, isPending } = useListContext();
  const translate = useTranslate();
  if (!isPending && !total) return <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>{translate('app.dashboard.no_measured')}</Typography>;
  return (
    <ResponsiveDataTable resource="compliance" rowClick="show" bulkActionButtons={false} size="small" sx={{ '& .MuiTableCell-root': { px: 1 } }}>
      <DataTable.Col source="schoolName" />
      <DataTable.Col source="tier" field={TierField} />
      <DataTable.Col source="year" field={Year} />
      <DataTable.Col source="compliant" field={Verdict} />
      <DataTable.Col source="failingKpis" field={Failing} />
      {(['practiceHours', 'certificates1x', 'certificatesOperator'] as const).map((kpi) => (
        <DataTable.Col key={kpi} source={`kpis.${kpi}`} align="right"><KpiValueField kpi={kpi} /></DataTable.Col>
      ))}
      <DataTable.Col source="projection" field={Outlook} />
    </ResponsiveDataTable>
  );
}

/** A provider's schools with this year's compliance (the list is scoped to the schools it serves). */
export function ProviderCompliance() {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.provider_schools')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <ListBase resource="compliance" filter={{ current: true }} sort={{ field: 'schoolName', order: 'ASC' }} perPage={25} disableSyncWithLocation storeKey={false}>
        <Rows />
      </ListBase>
    </Card>
  );
}
