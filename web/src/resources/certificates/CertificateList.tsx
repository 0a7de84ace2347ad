import Chip from '@mui/material/Chip';
import {
  DataTable,
  DateInput,
  List,
  SearchInput,
  SelectInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { certificateKinds } from '@campus/common';
import { useVocabularyChoices } from '../../components/choices';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, StudentField, StudentReferenceInput, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';
import { CertificateActions, CertificateStatusField, useCertificateStatusChoices } from './CertificateStatus';

export { certificateKinds };

export interface CertificateRecord {
  id: number;
  schoolId: number;
  studentId: number;
  studentName: string;
  studentNo: string;
  kind: string;
  certNo: string | null;
  issuedOn: string;
  /** claimed (the school entered it) or verified (issued by an exam session, or confirmed by HQ). */
  status?: 'claimed' | 'verified';
  allowedActions?: string[];
}

const kindColor = (kind: string) => (kind.startsWith('1x') ? '#2e7d32' : kind === 'operator' ? '#b33f00' : undefined);

export function CertificateKindField(_: { source?: string; label?: string }) {
  const record = useRecordContext<CertificateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const color = kindColor(record.kind);
  return (
    <Chip
      size="small"
      label={translate(`app.certificate_kind.${record.kind}`, { _: record.kind })}
      variant={color ? 'filled' : 'outlined'}
      sx={color ? { bgcolor: color, color: '#fff' } : undefined}
    />
  );
}

/** The kinds a user picks: the 1+X levels, the Operator certificate and the others; the filter adds "1+X, any level". */
export const useCertificateKindChoices = (withAny1x = false) =>
  useVocabularyChoices(withAny1x ? ['1x', ...certificateKinds] : certificateKinds, 'app.certificate_kind');

function useCertificateFilters() {
  const many = useManySchools();
  const kinds = useCertificateKindChoices(true);
  const statuses = useCertificateStatusChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many ? [schoolFilter(true)] : []),
    <SelectInput key="kind" source="kind" choices={kinds} alwaysOn sx={{ minWidth: 160 }} />,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn sx={{ minWidth: 140 }} />,
    <DateInput key="issuedFrom" source="issuedFrom" alwaysOn />,
    <DateInput key="issuedBefore" source="issuedBefore" alwaysOn />,
    <StudentReferenceInput key="studentId" source="studentId" validate={false} />,
  ];
}

function useCertificateExporter() {
  const translate = useTranslate();
  const many = useManySchools();
  const columns: ExportColumn<CertificateRecord>[] = [
    ...(many ? [schoolColumn<CertificateRecord>()] : []),
    { key: 'studentNo' },
    { key: 'studentName' },
    { key: 'kind', value: (r) => translate(`app.certificate_kind.${r.kind}`, { _: r.kind }) },
    { key: 'certNo' },
    { key: 'issuedOn' },
    { key: 'status', value: (r) => (r.status ? translate(`app.certificate_status.${r.status}`) : '') },
  ];
  return useExporter<CertificateRecord>('certificates', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/** Certificates the school's students hold, by kind and issue date (what the certificate KPIs count). */
export function CertificateList() {
  const rowClick = useRowClick('certificates');
  const filters = useCertificateFilters();
  const exporter = useCertificateExporter();
  const many = useManySchools();
  return (
    <List filters={filters} sort={{ field: 'issuedOn', order: 'DESC' }} perPage={25} pagination={<ListPagination />} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="studentId" field={StudentField} />
        <DataTable.Col source="kind" field={CertificateKindField} />
        <DataTable.Col source="certNo" disableSort field={TextField} />
        <DataTable.Col source="issuedOn"><DateCol source="issuedOn" /></DataTable.Col>
        <DataTable.Col source="status" field={CertificateStatusField} />
        <DataTable.Col source="allowedActions" label="" disableSort><CertificateActions /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
