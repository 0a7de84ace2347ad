import { AutocompleteInput, DataTable, List, ReferenceInput, type Validator } from 'react-admin';
import { schoolColumn, useExporter, type ExportColumn } from '../../components/exporter';
import { DateCol, FactListActions, SchoolRefField, StudentField, StudentReferenceInput, schoolFilter, useManySchools } from '../../components/facts/shared';
import { useRowClick } from '../../components/facts/FactPages';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

interface CourseCompletionRecord {
  id: number;
  schoolId: number;
  studentId: number;
  studentName: string;
  studentNo: string;
  courseId: number;
  courseCode: string | null;
  courseTitle: string;
  completedOn: string;
}

export const CourseReferenceInput = ({ source = 'courseId', validate }: { source?: string; validate?: Validator }) => (
  <ReferenceInput source={source} reference="courses" sort={{ field: 'title', order: 'ASC' }} perPage={50}>
    <AutocompleteInput optionText={(c: { title: string; code?: string | null }) => (c.code ? `${c.code} ${c.title}` : c.title)} filterToQuery={(q: string) => ({ q })} validate={validate} sx={{ minWidth: 320 }} />
  </ReferenceInput>
);

function useCompletionExporter() {
  const many = useManySchools();
  const columns: ExportColumn<CourseCompletionRecord>[] = [
    ...(many ? [schoolColumn<CourseCompletionRecord>()] : []),
    // The student number and course code the import keys completions by (the file imports back).
    { key: 'studentNo' },
    { key: 'studentName' },
    { key: 'courseCode' },
    { key: 'courseTitle' },
    { key: 'completedOn' },
  ];
  return useExporter<CourseCompletionRecord>('course-completions', columns, many ? [{ field: 'schoolId', resource: 'schools' }] : []);
}

/** Which student completed which course (teaching delivery counts graduates who completed every required one). */
export function CourseCompletionList() {
  const rowClick = useRowClick('course-completions');
  const many = useManySchools();
  const exporter = useCompletionExporter();
  const filters = [
    ...(many ? [schoolFilter(true)] : []),
    <StudentReferenceInput key="studentId" source="studentId" validate={false} alwaysOn />,
    <CourseReferenceInput key="courseId" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'completedOn', order: 'DESC' }} perPage={25} pagination={<ListPagination />} exporter={exporter} actions={<FactListActions />}>
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false}>
        {many ? <DataTable.Col source="schoolId" disableSort field={SchoolRefField} /> : null}
        <DataTable.Col source="studentId" disableSort field={StudentField} />
        <DataTable.Col source="courseTitle" disableSort />
        <DataTable.Col source="completedOn"><DateCol source="completedOn" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
