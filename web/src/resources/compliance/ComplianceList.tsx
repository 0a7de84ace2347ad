import {
  DataTable,
  List,
  NullableBooleanInput,
  SelectInput,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { TierChip } from '../../components/chips';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter, useRegionFilter } from '../../components/list/filters';
import { useTierChoices, useVocabularyChoices } from '../../components/choices';
import { useExporter, type ExportColumn } from '../../components/exporter';
import { CompliantChip, KpiValueField, OutlookChip } from './KpiParts';
import Typography from '@mui/material/Typography';
import { formatPeriod } from '../../components/dates';
import { formatKpiNumber, kpiNames } from '../../components/kpi/kpi';
import { kpiStatus, projectionOutlook } from './kpi';
import { type ComplianceRecord } from '@campus/common';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

function useComplianceFilters() {
  const { permissions: role } = usePermissions<string>();
  const tierChoices = useTierChoices();
  const kpiChoices = useVocabularyChoices(kpiNames, 'app.kpi');
  const regionFilter = useRegionFilter({ alwaysOn: true, minWidth: 130 });
  const yearChoices = [1, 2, 3, 4, 5].map((y) => ({ id: y, name: `${y}` }));
  const many = role !== 'school';
  return [
    ...(many ? [searchFilter()] : []),
    <NullableBooleanInput key="current" source="current" alwaysOn sx={{ minWidth: 140 }} />,
    ...(role === 'hq' || role === 'regional' ? [regionFilter] : []),
    ...(many ? [<SelectInput key="tier" source="tier" choices={tierChoices} alwaysOn sx={{ minWidth: 150 }} />] : []),
    <NullableBooleanInput key="compliant" source="compliant" alwaysOn sx={{ minWidth: 130 }} />,
    <SelectInput key="failingKpi" source="failingKpi" choices={kpiChoices} alwaysOn sx={{ minWidth: 160 }} />,
    <SelectInput key="year" source="year" choices={yearChoices} sx={{ minWidth: 110 }} />,
  ];
}

/** "第 2 年" over its dates, compact: the list has a column per KPI to make room for. */
function YearField(_: { source?: string; label?: string }) {
  const record = useRecordContext<ComplianceRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const period = formatPeriod(record.from, record.to, locale);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {translate('app.compliance.year', { year: record.year })}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {period.from} – {period.to}
      </Typography>
    </span>
  );
}

function CompliantField(_: { source?: string; label?: string }) {
  const record = useRecordContext<ComplianceRecord>();
  if (!record) return null;
  return <CompliantChip compliant={record.compliant} />;
}

function OutlookField(_: { source?: string; label?: string }) {
  const record = useRecordContext<ComplianceRecord>();
  if (!record) return null;
  return <OutlookChip row={record} />;
}

function SchoolField(_: { source?: string; label?: string }) {
  const record = useRecordContext<ComplianceRecord>();
  if (!record) return null;
  return (
    <span style={{ display: 'block', minWidth: 150 }}>
      <Typography component="span" variant="body2" sx={{ fontWeight: 500, display: 'block', mb: 0.5 }}>{record.schoolName}</Typography>
      <TierChip tier={record.tier} />
    </span>
  );
}

function useComplianceExporter() {
  const translate = useTranslate();
  const columns: ExportColumn<ComplianceRecord>[] = [
    { key: 'schoolName' },
    { key: 'regionId', value: (r, related) => related.regionId?.[r.regionId]?.nameZh },
    { key: 'tier', value: (r) => translate(`app.tier.${r.tier}`) },
    { key: 'year' },
    { key: 'from', label: 'app.export.from', value: (r) => r.from },
    { key: 'to', label: 'app.export.to', value: (r) => r.to },
    { key: 'compliant', value: (r) => translate(r.compliant ? 'app.compliance.compliant' : 'app.compliance.not_compliant') },
    { key: 'failingKpis', value: (r) => r.failingKpis.map((k) => translate(`app.kpi.${k}`)).join('; ') },
    ...kpiNames.flatMap((kpi): ExportColumn<ComplianceRecord>[] => [
      { key: kpi, label: `app.kpi.${kpi}`, value: (r) => (r.kpis[kpi]?.value === null ? '' : formatKpiNumber(kpi, r.kpis[kpi]?.value, 'en').replace(/,/g, '')) },
      { key: `${kpi}.status`, label: 'app.export.kpi_status', value: (r) => translate(`app.kpi_status.${kpiStatus(r.kpis[kpi])}`) },
    ]),
    { key: 'projection', value: (r) => translate(`app.outlook.${projectionOutlook(r)}`) },
  ];
  return useExporter<ComplianceRecord>('compliance', columns, [{ field: 'regionId', resource: 'regions' }]);
}

/**
 * Every agreement year's KPIs, one row per school and year (the current years by default), each
 * KPI coloured by its verdict; sortable by any KPI, filterable by region, tier, verdict, failing KPI.
 */
export function ComplianceList() {
  const filters = useComplianceFilters();
  const exporter = useComplianceExporter();
  const { permissions: role } = usePermissions<string>();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ current: true }}
      sort={{ field: 'schoolName', order: 'ASC' }}
      perPage={25}
      exporter={exporter}
      actions={<ListToolbar exportable />}
    >
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        size="small"
        sx={{ '& .MuiTableCell-root': { px: 0.75 }, '& .MuiTableCell-head': { lineHeight: 1.25, verticalAlign: 'bottom' }, '& .MuiTableCell-head .MuiTableSortLabel-root': { maxWidth: 76 } }}
      >
        {role !== 'school' ? <DataTable.Col source="schoolName" field={SchoolField} /> : null}
        <DataTable.Col source="from" label="resources.compliance.fields.year" field={YearField} />
        <DataTable.Col source="compliant" field={CompliantField} />
        {kpiNames.map((kpi) => (
          <DataTable.Col key={kpi} source={`kpis.${kpi}`} align="right">
            <KpiValueField kpi={kpi} />
          </DataTable.Col>
        ))}
        <DataTable.Col source="projection" disableSort field={OutlookField} />
      </ResponsiveDataTable>
    </List>
  );
}
