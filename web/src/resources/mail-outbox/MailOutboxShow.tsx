import { Labeled, NumberField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { TranslatedField } from '../../components/chips';
import { LinkifiedText } from './LinkifiedText';
import { MailStatusField } from './MailStatusField';
import { RetryMailButton } from './RetryMailButton';

function MailTitle() {
  const record = useRecordContext<{ subject: string }>();
  return <span>{record?.subject}</span>;
}

function MailBody() {
  const record = useRecordContext<{ text: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Labeled label={translate('resources.mail-outbox.fields.text')} fullWidth>
      <LinkifiedText text={record.text} />
    </Labeled>
  );
}

/** One mail as it was written (its plain text, links clickable) and its delivery: attempts, next try, last error. */
export function MailOutboxShow() {
  return (
    <Show title={<MailTitle />} actions={<TopToolbar><RetryMailButton /></TopToolbar>}>
      <SimpleShowLayout>
        <TextField source="recipient" />
        <TranslatedField source="kind" prefix="app.mail.kind" />
        <TextField source="subject" />
        <MailStatusField source="status" />
        <NumberField source="attempts" />
        <LocalDateField source="createdAt" showTime />
        <LocalDateField source="nextAttemptAt" showTime />
        <LocalDateField source="sentAt" showTime emptyText="—" />
        <TextField source="lastError" emptyText="—" />
        <MailBody />
      </SimpleShowLayout>
    </Show>
  );
}
