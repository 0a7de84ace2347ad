import {
  AutocompleteArrayInput, Create, DateInput, ReferenceArrayInput, SelectInput, SimpleForm, TextInput, maxLength, required,
  useRecordContext, useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { examinableKinds, examSessionTypes } from '@campus/common';
import { useVocabularyChoices } from '../../components/choices';
import { VersionedEdit } from '../../components/VersionedEdit';
import type { ExamSession } from './types';

const atLeastOne = (v: unknown) => (Array.isArray(v) && v.length ? undefined : 'ra.validation.required');
/** The window in order: opens ≤ closes ≤ exam (the server says the same, exam_window_order). */
const inOrder = (_v: unknown, all: Record<string, unknown>) => {
  const [opens, closes, exam] = [all.registrationOpensOn, all.registrationClosesOn, all.examOn].map((d) => String(d ?? ''));
  return opens && closes && exam && (opens > closes || closes > exam) ? 'app.problem.exam_window_order' : undefined;
};

/** The approved sites that examine the chosen certificate, searched by name. */
function SitesInput() {
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  return (
    <ReferenceArrayInput source="siteIds" reference="exam-sites" filter={kind ? { availableFor: kind } : { status: 'approved' }} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <AutocompleteArrayInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={atLeastOne} helperText="app.exam.sites_help" sx={{ minWidth: 480 }} />
    </ReferenceArrayInput>
  );
}

function SessionFields() {
  const kindChoices = useVocabularyChoices(examinableKinds, 'app.certificate_kind');
  const typeChoices = useVocabularyChoices(examSessionTypes, 'app.exam_session_type');
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ minWidth: 360 }} />
      <SelectInput source="sessionType" choices={typeChoices} validate={required()} />
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <DateInput source="registrationOpensOn" validate={required()} />
      <DateInput source="registrationClosesOn" validate={[required(), inOrder]} />
      <DateInput source="examOn" validate={[required(), inOrder]} />
      <SitesInput />
    </>
  );
}

const body = (d: Record<string, unknown>) => ({
  title: d.title, sessionType: d.sessionType, kind: d.kind, examOn: d.examOn,
  registrationOpensOn: d.registrationOpensOn, registrationClosesOn: d.registrationClosesOn, siteIds: d.siteIds,
});

export function ExamSessionCreate() {
  const translate = useTranslate();
  return (
    <Create title={translate('app.exam.session_create_title')} redirect="show" transform={body}>
      <SimpleForm defaultValues={{ sessionType: 'unified', siteIds: [] }}><SessionFields /></SimpleForm>
    </Create>
  );
}

function EditTitle() {
  const record = useRecordContext<ExamSession>();
  const translate = useTranslate();
  return record ? <span>{translate('app.exam.session_edit_title', { title: record.title })}</span> : null;
}

export function ExamSessionEdit() {
  return (
    <VersionedEdit title={<EditTitle />} staleKey="app.exam.stale" transform={(d) => ({ ...body(d), version: d.version })}>
      <SimpleForm><SessionFields /></SimpleForm>
    </VersionedEdit>
  );
}
