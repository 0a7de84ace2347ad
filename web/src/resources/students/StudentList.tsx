import Chip from '@mui/material/Chip';
import {
  DataTable,
  DateInput,
  List,
  NumberInput,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useVocabularyChoices } from '../../components/choices';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { MarkStudentsLeftButton } from '../../components/bulk/MarkStudentsLeftButton';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

export interface StudentRecord {
  id: number;
  schoolId: number;
  studentNo: string;
  name: string;
  cohortYear: number;
  enrolledOn: string;
  leftOn: string | null;
  leftReason: 'graduated' | 'withdrew' | null;
  major: string | null;
}

export function LeftReasonField(_: { source?: string; label?: string }) {
  const record = useRecordContext<StudentRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const reason = record.leftReason ?? 'none';
  return (
    <Chip
      size="small"
      variant={reason === 'none' ? 'outlined' : 'filled'}
      color={reason === 'graduated' ? 'success' : reason === 'withdrew' ? 'default' : 'info'}
      label={translate(`app.left_reason.${reason}`)}
    />
  );
}

function useStudentFilters() {
  const many = useManySchools();
  const reasons = useVocabularyChoices(['none', 'graduated', 'withdrew'], 'app.left_reason');
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many ? [schoolFilter(true)] : []),
    <NumberInput key="cohortYear" source="cohortYear" alwaysOn sx={{ width: 120 }} />,
    <SelectInput key="leftReason" source="leftReason" choices={reasons} alwaysOn sx={{ minWidth: 120 }} />,
    <DateInput key="graduatedFrom" source="graduatedFrom" />,
    <DateInput key="graduatedBefore" source="graduatedBefore" />,
    <DateInput key="enrolledBefore" source="enrolledBefore" />,
    <DateInput key="notLeftBefore" source="notLeftBefore" />,
  ];
}

function useStudentExporter() {
  const translate = useTranslate();
  const many = useManySchools();
  const columns: ExportColumn<StudentRecord>[] = [
    ...(many ? [schoolColumn<StudentRecord>()] : []),
    { key: 'studentNo' },
    { key: 'name' },
    { key: 'cohortYear' },
    { key: 'enrolledOn' },
    { key: 'leftOn' },
    { key: 'leftReason', value: (r) => (r.leftReason ? translate(`app.left_reason.${r.leftReason}`) : '') },
    { key: 'major' },
  ];
  return useExporter<StudentRecord>('students', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/** The school's student roster (HQ and regional staff read every school's in their scope). */
export function StudentList() {
  const rowClick = useRowClick('students');
  const filters = useStudentFilters();
  const exporter = useStudentExporter();
  const many = useManySchools();
  return (
    <List filters={filters} sort={{ field: 'studentNo', order: 'ASC' }} perPage={25} pagination={<ListPagination />} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={many ? false : <MarkStudentsLeftButton />}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="studentNo" />
        <DataTable.Col source="name" />
        <DataTable.Col source="cohortYear" />
        <DataTable.Col source="major" disableSort />
        <DataTable.Col source="enrolledOn"><DateCol source="enrolledOn" /></DataTable.Col>
        <DataTable.Col source="leftOn"><DateCol source="leftOn" /></DataTable.Col>
        <DataTable.Col source="leftReason" disableSort field={LeftReasonField} />
      </ResponsiveDataTable>
    </List>
  );
}
