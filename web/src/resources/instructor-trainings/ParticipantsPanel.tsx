import { useRef, useState, type ChangeEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  ArrayInput, AutocompleteInput, BooleanInput, Confirm, Form, NumberInput, ReferenceInput, SaveButton, SimpleFormIterator, TextInput,
  required, useCanAccess, useDelete, useGetList, useNotify, useRefresh, useTranslate,
} from 'react-admin';
import { todayInChina } from '@campus/common';
import { detailsOf, useErrorText } from '../../components/problem/parse-problem';
import { translateProblem } from '../../components/problem/translate-problem';
import { ImportErrorTable } from '../../components/import';
import { problemsOf, type ImportProblem } from '../../components/import/problems';
import { addParticipants, importParticipants, templateUrl, type ParticipantRow } from './participants-api';
import type { Participant, Training } from './training-types';

const instructorText = (r: { name: string; staffNo?: string | null; id: number }) => `${r.name}${r.staffNo ? `（${r.staffNo}）` : ''} #${r.id}`;

/** HQ adds instructors with their results: one row each, all saved or none (the server's problems on their rows' fields). */
function AddParticipantsForm({ training, onDone }: { training: Training; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [key, setKey] = useState(0);
  const save = async (values: Record<string, unknown>) => {
    const rows = ((values.participants ?? []) as Record<string, unknown>[]).map((r): ParticipantRow => ({
      instructorId: Number(r.instructorId), passed: !!r.passed,
      ...(r.score !== null && r.score !== undefined && r.score !== '' ? { score: Number(r.score) } : {}),
      ...(r.passed && r.certNo ? { certNo: String(r.certNo) } : {}),
    }));
    try {
      const done = await addParticipants(training.id, rows);
      notify('app.training.saved', { messageArgs: done });
      setKey((k) => k + 1);
      onDone();
      return undefined;
    } catch (error) {
      const onFields = detailsOf(error).filter((d) => d.field?.startsWith('participants.'));
      if (onFields.length) return Object.fromEntries(onFields.map((d) => [d.field!, translateProblem(d, translate)]));
      const message = errorText(error) || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
      return undefined;
    }
  };
  return (
    // A form of its own, not of the training (whose record has a `participants` count).
    <Form key={key} record={{}} onSubmit={save} defaultValues={{ participants: [{ passed: true }] }}>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>{translate('app.training.add_title')}</Typography>
      <ArrayInput source="participants" label={false}>
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="instructorId" reference="instructors" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput label={translate('app.training.instructor')} optionText={instructorText} validate={required()} sx={{ minWidth: 260 }} />
          </ReferenceInput>
          <BooleanInput source="passed" label={translate('app.training.passed')} />
          <NumberInput source="score" label={translate('app.training.score')} min={0} max={1000} sx={{ width: 110 }} />
          <TextInput source="certNo" label={translate('app.training.cert_no')} helperText={translate('app.training.cert_no_help')} />
        </SimpleFormIterator>
      </ArrayInput>
      <SaveButton label={translate('app.training.save')} alwaysEnable />
    </Form>
  );
}

/** HQ imports a file of participants (CSV or Excel), all rows or none, the refused rows listed. */
function ImportParticipants({ training, onDone }: { training: Training; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [sending, setSending] = useState(false);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setSending(true);
    setProblems(null);
    try {
      const done = await importParticipants(training.id, file);
      notify('app.training.imported', { messageArgs: done });
      onDone();
    } catch (error) {
      const found = problemsOf(error);
      if (found.length) setProblems(found);
      else notify(errorText(error) || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">{translate('app.training.import_title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('app.training.import_help')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={sending}>
          {translate('app.training.import_file')}
          <input ref={input} type="file" hidden accept=".csv,.xlsx,text/csv" onChange={onFile} aria-label={translate('app.training.import_file')} />
        </Button>
        <Link href={templateUrl(training.id, 'xlsx')} download>{translate('app.training.template')}</Link>
      </Stack>
      {problems ? (
        <Box sx={{ mt: 2 }} data-testid="participants-import-report">
          <Alert severity="error" sx={{ mb: 1 }}>{translate('app.training.import_failed')}</Alert>
          <ImportErrorTable resource="instructor-training-participants" problems={problems} file={null} />
        </Box>
      ) : null}
    </Box>
  );
}

function RemoveButton({ participant, onDone }: { participant: Participant; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [remove, { isPending }] = useDelete();
  return (
    <>
      <IconButton size="small" aria-label={`${translate('app.training.remove')} ${participant.instructorName}`} onClick={() => setOpen(true)}><DeleteIcon fontSize="small" /></IconButton>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`${translate('app.training.remove')} ${participant.instructorName}`}
        content={translate('app.training.remove_confirm')}
        onClose={() => setOpen(false)}
        onConfirm={() => remove('instructor-training-participants', { id: participant.id, previousData: participant }, {
          mutationMode: 'pessimistic',
          onSuccess: () => { setOpen(false); onDone(); },
          onError: (error) => { setOpen(false); notify(errorText(error) || 'ra.notification.http_error', { type: 'error' }); },
        })}
      />
    </>
  );
}

/**
 * The instructors who took a training, as the reader may see them (HQ all, regional staff their regions',
 * a school its own); HQ adds them (a form, or a file) once the training has ended, and removes them.
 */
export function ParticipantsPanel({ training }: { training: Training }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { canAccess: canRecord } = useCanAccess({ resource: 'instructor-trainings', action: 'edit' });
  const { canAccess: canRemove } = useCanAccess({ resource: 'instructor-training-participants', action: 'delete' });
  const { data = [], refetch } = useGetList<Participant>('instructor-training-participants', {
    filter: { trainingId: training.id }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' },
  });
  const changed = () => { void refetch(); refresh(); };
  const field = (name: string) => translate(`resources.instructor-training-participants.fields.${name}`);
  const ended = training.endsOn <= todayInChina();
  return (
    <Card variant="outlined" sx={{ mt: 2 }} component="section" aria-labelledby="training-participants">
      <CardContent>
        <Typography variant="h6" component="h2" id="training-participants">{translate('app.training.participants_title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('app.training.participants_help', { months: training.validityMonths })}</Typography>
        {data.length ? (
          <Table size="small" aria-labelledby="training-participants">
            <TableHead>
              <TableRow>
                {['instructorName', 'staffNo', 'schoolName', 'passed', 'score', 'certNo', 'validTo'].map((c) => <TableCell key={c}>{field(c)}</TableCell>)}
                {canRemove ? <TableCell>{translate('app.training.remove')}</TableCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{p.instructorName}</TableCell>
                  <TableCell>{p.staffNo ?? '—'}</TableCell>
                  <TableCell>{p.schoolName}</TableCell>
                  <TableCell>{translate(p.passed ? 'app.training.passed' : 'app.training.failed')}</TableCell>
                  <TableCell>{p.score ?? '—'}</TableCell>
                  <TableCell>{p.certNo ?? '—'}</TableCell>
                  <TableCell>{p.validTo ?? '—'}</TableCell>
                  {canRemove ? <TableCell><RemoveButton participant={p} onDone={changed} /></TableCell> : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : <Typography color="text.secondary">{translate('app.training.none')}</Typography>}
        {canRecord ? (
          ended ? (
            <Stack spacing={3} sx={{ mt: 3 }}>
              <AddParticipantsForm training={training} onDone={changed} />
              <ImportParticipants training={training} onDone={changed} />
            </Stack>
          ) : <Alert severity="info" sx={{ mt: 2 }}>{translate('app.training.not_ended', { endsOn: training.endsOn })}</Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
