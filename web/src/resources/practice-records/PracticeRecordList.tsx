import Chip from '@mui/material/Chip';
import CheckIcon from '@mui/icons-material/TaskAlt';
import {
  BulkUpdateButton,
  DataTable,
  DateInput,
  List,
  NullableBooleanInput,
  NumberField,
  SearchInput,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canAccess, type Role } from '../../providers/permissions';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, StudentField, StudentReferenceInput, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

export interface PracticeRecord {
  id: number;
  schoolId: number;
  studentId: number;
  studentName: string;
  studentNo: string;
  providerId: number | null;
  providerName: string | null;
  project: string;
  hours: number;
  practicedOn: string;
  confirmed: boolean;
}

export function ConfirmedField(_: { source?: string; label?: string }) {
  const record = useRecordContext<PracticeRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.confirmed
    ? <Chip size="small" color="success" variant="outlined" icon={<CheckIcon />} label={translate('app.state.confirmed')} />
    : <Chip size="small" color="warning" label={translate('app.facts.unconfirmed')} />;
}

export function ProviderField(_: { source?: string; label?: string }) {
  const record = useRecordContext<PracticeRecord>();
  if (!record?.providerName) return <span>—</span>;
  return <span>{record.providerName}</span>;
}

function usePracticeFilters() {
  const many = useManySchools();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many ? [schoolFilter(true)] : []),
    <NullableBooleanInput key="confirmed" source="confirmed" alwaysOn sx={{ minWidth: 150 }} />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="before" source="before" alwaysOn />,
    <StudentReferenceInput key="studentId" source="studentId" validate={false} />,
  ];
}

function usePracticeExporter() {
  const translate = useTranslate();
  const many = useManySchools();
  const columns: ExportColumn<PracticeRecord>[] = [
    ...(many ? [schoolColumn<PracticeRecord>()] : []),
    // The student number the import keys students by (the file imports back).
    { key: 'studentNo' },
    { key: 'studentName' },
    { key: 'project' },
    { key: 'hours' },
    { key: 'practicedOn' },
    { key: 'confirmed', value: (r) => translate(`app.facts.confirmation.${r.confirmed ? 'true' : 'false'}`) },
    { key: 'providerName' },
  ];
  return useExporter<PracticeRecord>('practice-records', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/** The school confirms the hours a provider recorded: only confirmed hours count (DOMAIN.md). */
function ConfirmButton() {
  return (
    <BulkUpdateButton
      label="app.facts.confirm"
      icon={<CheckIcon />}
      data={{ confirmed: true }}
      mutationMode="pessimistic"
      successMessage="app.facts.confirmed_n"
    />
  );
}

/** Real-project practice hours of the students, recorded by the school or its provider. */
export function PracticeRecordList() {
  const rowClick = useRowClick('practice-records');
  const filters = usePracticeFilters();
  const exporter = usePracticeExporter();
  const many = useManySchools();
  const { permissions: role } = usePermissions<Role>();
  const canConfirm = canAccess(role, 'practice-records', 'edit');
  return (
    <List filters={filters} sort={{ field: 'practicedOn', order: 'DESC' }} perPage={25} pagination={<ListPagination />} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={canConfirm ? <ConfirmButton /> : false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="studentId" disableSort field={StudentField} />
        <DataTable.Col source="project" field={TextField} />
        <DataTable.Col source="hours" align="right"><NumberField source="hours" /></DataTable.Col>
        <DataTable.Col source="practicedOn"><DateCol source="practicedOn" /></DataTable.Col>
        <DataTable.Col source="confirmed" field={ConfirmedField} />
        <DataTable.Col source="providerName" disableSort field={ProviderField} />
      </ResponsiveDataTable>
    </List>
  );
}
