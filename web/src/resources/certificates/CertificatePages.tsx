import { DateInput, ReferenceField, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { RecordEvidence } from '../../components/evidence/RecordEvidence';
import { StudentField, StudentReferenceInput } from '../../components/facts/shared';
import { CertificateKindField, useCertificateKindChoices } from './CertificateList';
import { CertificateActions, CertificateStatusField } from './CertificateStatus';

function CertificateForm() {
  const kinds = useCertificateKindChoices();
  return (
    <SimpleForm sx={{ maxWidth: 640 }}>
      <StudentReferenceInput />
      <SelectInput source="kind" choices={kinds} validate={required()} sx={{ minWidth: 260 }} />
      <TextInput source="certNo" />
      <DateInput source="issuedOn" validate={required()} />
    </SimpleForm>
  );
}

export const CertificateCreate = () => <FactCreate><CertificateForm /></FactCreate>;
export const CertificateEdit = () => (
  <FactEdit>
    <CertificateForm />
    <RecordEvidence heading entityType="certificate" resource="certificates" help="app.evidence.certificate_help" />
  </FactEdit>
);
export const CertificateShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" />
    <StudentField source="studentId" />
    <CertificateKindField source="kind" />
    <TextField source="certNo" emptyText="—" />
    <LocalDateField source="issuedOn" />
    <CertificateStatusField source="status" />
    <CertificateActions size="medium" />
    <RecordEvidence label="app.evidence.title" entityType="certificate" resource="certificates" help="app.evidence.certificate_help" />
  </FactShow>
);
