import type { ReactElement } from 'react';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  ReferenceField,
  ReferenceInput,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../fields';
import { ListToolbar } from '../list/ListToolbar';

/**
 * Pieces the facts screens share (students, certificates, practice records, …): the student picker,
 * the school filter and column for HQ and regional staff, and the list toolbar.
 */

export interface Student extends RaRecord {
  id: number;
  schoolId: number;
  studentNo: string;
  name: string;
}

/** "2024010101 李明" in pickers. */
export const studentLabel = (s: Student | undefined) => (s ? `${s.studentNo} ${s.name}` : '');

/** A student of the user's scope, found by name or student number (the students list's q). */
export function StudentReferenceInput({ source = 'studentId', validate = true, alwaysOn, disabled }: { source?: string; validate?: boolean; alwaysOn?: boolean; disabled?: boolean }) {
  const translate = useTranslate();
  return (
    <ReferenceInput source={source} reference="students" sort={{ field: 'studentNo', order: 'ASC' }} perPage={20} alwaysOn={alwaysOn}>
      <AutocompleteInput
        optionText={studentLabel}
        filterToQuery={(q: string) => ({ q })}
        validate={validate ? required() : undefined}
        helperText={translate('app.facts.student_search')}
        disabled={disabled}
        sx={{ minWidth: 260 }}
      />
    </ReferenceInput>
  );
}

/** The student of a fact: the name the server joins in, and the number. */
export function StudentField(_: { source?: string; label?: string }) {
  const record = useRecordContext<{ studentName?: string; studentNo?: string; studentId: number }>();
  if (!record) return null;
  if (record.studentName) {
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        <span style={{ fontWeight: 500 }}>{record.studentName}</span>
        {record.studentNo ? <Typography component="span" variant="caption" color="text.secondary">{` ${record.studentNo}`}</Typography> : null}
      </span>
    );
  }
  return (
    <ReferenceField source="studentId" reference="students" link={false}>
      <StudentReferenceText />
    </ReferenceField>
  );
}

function StudentReferenceText() {
  const record = useRecordContext<Student>();
  return <span>{studentLabel(record)}</span>;
}

/** Whether the user sees several schools (HQ, regional, provider): then the school is a column and a filter. */
export function useManySchools() {
  const { permissions: role } = usePermissions<string>();
  return role !== undefined && role !== 'school';
}

/** A filter on the school, for users who see several. */
export const schoolFilter = (alwaysOn = false) => (
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }} alwaysOn={alwaysOn}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>
);

/** The school's name as a column. */
export function SchoolRefField(_: { source?: string; label?: string }) {
  return <ReferenceField source="schoolId" reference="schools" link="show" emptyText="—" />;
}

/** A calendar date column. */
export const DateCol = ({ source }: { source: string; label?: string }) => <LocalDateField source={source} emptyText="—" />;

/** Create, import (for roles that may) and export in a facts list's toolbar. */
export function FactListActions({ extra }: { extra?: ReactElement | null }) {
  return <ListToolbar create importable exportable>{extra}</ListToolbar>;
}
