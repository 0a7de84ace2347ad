import { DataTable, DateInput, List, NumberField, SearchInput, TextField } from 'react-admin';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

interface JobFairRecord {
  id: number;
  schoolId: number;
  title: string;
  heldOn: string;
  employers: number;
  attendance: number;
}

function useJobFairExporter() {
  const many = useManySchools();
  const columns: ExportColumn<JobFairRecord>[] = [
    ...(many ? [schoolColumn<JobFairRecord>()] : []),
    { key: 'title' },
    { key: 'heldOn' },
    { key: 'employers' },
    { key: 'attendance' },
  ];
  return useExporter<JobFairRecord>('job-fairs', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/** Job fairs the school held (the job-fair KPI counts those of the year). */
export function JobFairList() {
  const rowClick = useRowClick('job-fairs');
  const many = useManySchools();
  const exporter = useJobFairExporter();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many ? [schoolFilter(true)] : []),
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="before" source="before" alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'heldOn', order: 'DESC' }} perPage={25} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="title" field={TextField} />
        <DataTable.Col source="heldOn"><DateCol source="heldOn" /></DataTable.Col>
        <DataTable.Col source="employers" align="right" disableSort><NumberField source="employers" /></DataTable.Col>
        <DataTable.Col source="attendance" align="right"><NumberField source="attendance" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
