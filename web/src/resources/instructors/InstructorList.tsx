import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DataTable, DateInput, List, SearchInput, TextField, useRecordContext, useTranslate, type Exporter } from 'react-admin';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { FactListActions, SchoolRefField, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

export interface Certification {
  id?: number; certNo: string; level: 'junior' | 'intermediate' | 'senior'; validFrom: string; validTo: string;
  /** The instructor training whose pass issued it (HQ's record; the school's edits keep it); absent or null when entered by the school. */
  trainingId?: number | null; trainingTitle?: string | null;
}

export interface InstructorRecord {
  id: number;
  schoolId: number;
  name: string;
  staffNo: string | null;
  email: string | null;
  certifications: Certification[];
  validToday: boolean;
}

/** Whether one of the instructor's 1+X certifications is valid today (the server says so). */
export function ValidTodayField(_: { source?: string; label?: string }) {
  const record = useRecordContext<InstructorRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.validToday
    ? <Chip size="small" color="success" label={translate('app.facts.valid_today')} />
    : <Chip size="small" variant="outlined" label={translate('app.facts.not_valid_today')} />;
}

export function CertificationsField(_: { source?: string; label?: string }) {
  const record = useRecordContext<InstructorRecord>();
  const translate = useTranslate();
  if (!record?.certifications?.length) return <span>—</span>;
  return (
    <Box>
      {record.certifications.map((c) => (
        <Typography key={c.id ?? c.certNo} variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {translate(`app.cert_level.${c.level}`)} · {c.certNo}
          <Typography component="span" variant="caption" color="text.secondary">{` ${c.validFrom} – ${c.validTo}`}</Typography>
          {c.trainingTitle ? <Typography component="span" variant="caption" color="text.secondary">{` · ${translate('app.training.from_training', { title: c.trainingTitle })}`}</Typography> : null}
        </Typography>
      ))}
    </Box>
  );
}

/** One row of the instructors' export: an instructor with one of its certifications (or none). */
type InstructorExportRow = InstructorRecord & { cert: Certification | null };

/**
 * The instructors' export, one row per certification with the staff number repeated (an instructor
 * without one: one row, its certification cells empty), under the headers the import reads and with
 * the level in words: the file imports back unchanged (server round-trip-instructors.test.ts).
 */
export function useInstructorExporter(): Exporter<InstructorRecord> {
  const translate = useTranslate();
  const many = useManySchools();
  const columns: ExportColumn<InstructorExportRow>[] = [
    ...(many ? [schoolColumn<InstructorExportRow>()] : []),
    { key: 'name' },
    { key: 'staffNo' },
    { key: 'email' },
    { key: 'certNo', value: (r) => r.cert?.certNo },
    { key: 'certLevel', value: (r) => (r.cert ? translate(`app.cert_level.${r.cert.level}`) : '') },
    { key: 'certValidFrom', value: (r) => r.cert?.validFrom },
    { key: 'certValidTo', value: (r) => r.cert?.validTo },
    { key: 'validToday', value: (r) => translate(r.validToday ? 'app.facts.valid_today' : 'app.facts.not_valid_today') },
  ];
  const exporter = useExporter<InstructorExportRow>('instructors', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
  return (records, fetchRelated, dataProvider, resource) => exporter(
    records.flatMap((r): InstructorExportRow[] => (r.certifications?.length ? r.certifications.map((cert) => ({ ...r, cert })) : [{ ...r, cert: null }])),
    fetchRelated, dataProvider, resource,
  );
}

/** The school's instructors and their 1+X instructor certifications. */
export function InstructorList() {
  const rowClick = useRowClick('instructors');
  const many = useManySchools();
  const exporter = useInstructorExporter();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many ? [schoolFilter(true)] : []),
    <DateInput key="certifiedOn" source="certifiedOn" alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="name" />
        <DataTable.Col source="staffNo" field={TextField} />
        <DataTable.Col source="email" disableSort field={TextField} />
        <DataTable.Col source="validToday" disableSort field={ValidTodayField} />
        <DataTable.Col source="certifications" disableSort field={CertificationsField} />
      </ResponsiveDataTable>
    </List>
  );
}
