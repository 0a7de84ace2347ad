import {
  DataTable,
  List,
  NumberInput,
  SearchInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, StudentField, StudentReferenceInput, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

export interface JobRegistrationRecord {
  id: number;
  schoolId: number;
  studentId: number;
  studentName: string;
  studentNo: string;
  registeredOn: string;
  platformAccount: string | null;
  resumeCompleteness: number;
  applicationDates: string[];
}

export function ResumeField(_: { source?: string; label?: string }) {
  const record = useRecordContext<JobRegistrationRecord>();
  if (!record) return null;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{record.resumeCompleteness}%</span>;
}

export function ApplicationsField(_: { source?: string; label?: string }) {
  const record = useRecordContext<JobRegistrationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const dates = record.applicationDates ?? [];
  if (!dates.length) return <span>—</span>;
  return (
    <span title={dates.join(', ')} style={{ whiteSpace: 'nowrap' }}>
      {translate('app.facts.applications_count', { smart_count: dates.length })}
      {` · ${dates[dates.length - 1]}`}
    </span>
  );
}

function useFilters() {
  const many = useManySchools();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many ? [schoolFilter(true)] : []),
    <NumberInput key="minResume" source="minResume" alwaysOn min={0} max={100} sx={{ width: 160 }} />,
    <StudentReferenceInput key="studentId" source="studentId" validate={false} />,
  ];
}

function useJobRegistrationExporter() {
  const many = useManySchools();
  const columns: ExportColumn<JobRegistrationRecord>[] = [
    ...(many ? [schoolColumn<JobRegistrationRecord>()] : []),
    // The student number the import keys registrations by (the file imports back).
    { key: 'studentNo' },
    { key: 'studentName' },
    { key: 'registeredOn' },
    { key: 'platformAccount' },
    { key: 'resumeCompleteness' },
    { key: 'applicationDates' },
  ];
  return useExporter<JobRegistrationRecord>('job-registrations', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/** Students registered on the designated job platform: resume completeness and applications (the job-platform KPI). */
export function JobRegistrationList() {
  const rowClick = useRowClick('job-registrations');
  const filters = useFilters();
  const exporter = useJobRegistrationExporter();
  const many = useManySchools();
  return (
    <List filters={filters} sort={{ field: 'registeredOn', order: 'DESC' }} perPage={25} pagination={<ListPagination />} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="studentId" disableSort field={StudentField} />
        <DataTable.Col source="registeredOn"><DateCol source="registeredOn" /></DataTable.Col>
        <DataTable.Col source="platformAccount" disableSort field={TextField} />
        <DataTable.Col source="resumeCompleteness" align="right" field={ResumeField} />
        <DataTable.Col source="applicationDates" disableSort field={ApplicationsField} />
      </ResponsiveDataTable>
    </List>
  );
}
