import Chip from '@mui/material/Chip';
import {
  DataTable,
  DateInput,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  SearchInput,
  SelectInput,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { canAccess, type Role } from '../../providers/permissions';
import { useVocabularyChoices } from '../../components/choices';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, schoolFilter, useManySchools } from '../../components/facts/shared';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

export const courseKinds = ['official_textbook', 'official_online', 'platform_training', 'offline'] as const;

export interface CourseRecord {
  id: number;
  schoolId: number | null;
  kind: (typeof courseKinds)[number];
  code: string | null;
  title: string;
  classHours: number;
  term: string | null;
  taughtFrom: string | null;
  taughtTo: string | null;
}

export function CourseKindField(_: { source?: string; label?: string }) {
  const record = useRecordContext<CourseRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant={record.kind === 'offline' ? 'filled' : 'outlined'} color={record.kind === 'offline' ? 'primary' : 'default'} label={translate(`app.course_kind.${record.kind}`)} />;
}

function useCourseExporter() {
  const translate = useTranslate();
  const many = useManySchools();
  const columns: ExportColumn<CourseRecord>[] = [
    ...(many ? [schoolColumn<CourseRecord>()] : []),
    { key: 'kind', value: (r) => translate(`app.course_kind.${r.kind}`) },
    { key: 'code' },
    { key: 'title' },
    { key: 'classHours' },
    { key: 'term' },
    { key: 'taughtFrom' },
    { key: 'taughtTo' },
  ];
  return useExporter<CourseRecord>('courses', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/**
 * The official catalogue (read-only, every school's) and the schools' own offline CBEC B2B
 * courses, which a school adds and edits (the offline-course KPI counts them).
 */
export function CourseList() {
  const many = useManySchools();
  const { permissions: role } = usePermissions<Role>();
  const canEdit = canAccess(role, 'courses', 'edit');
  const kinds = useVocabularyChoices(courseKinds, 'app.course_kind');
  const exporter = useCourseExporter();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={kinds} alwaysOn sx={{ minWidth: 150 }} />,
    ...(many ? [schoolFilter(true)] : []),
    <NullableBooleanInput key="catalogue" source="catalogue" />,
    <NumberInput key="minClassHours" source="minClassHours" sx={{ width: 140 }} />,
    <DateInput key="taughtUntilFrom" source="taughtUntilFrom" />,
    <DateInput key="taughtBefore" source="taughtBefore" />,
  ];
  // Catalogue courses open read-only; a school's own offline course opens for editing.
  const rowClick = (_id: unknown, _resource: string, record: RaRecord) => (canEdit && record.schoolId != null ? 'edit' : 'show');
  return (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }} perPage={25} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="kind" field={CourseKindField} />
        <DataTable.Col source="code" disableSort field={TextField} />
        <DataTable.Col source="title" />
        <DataTable.Col source="classHours" align="right"><NumberField source="classHours" /></DataTable.Col>
        <DataTable.Col source="term" disableSort field={TextField} />
        <DataTable.Col source="taughtFrom"><DateCol source="taughtFrom" /></DataTable.Col>
        <DataTable.Col source="taughtTo" disableSort><DateCol source="taughtTo" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
