import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { AutocompleteArrayInput, Form, ReferenceArrayInput, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useErrorText } from '../../components/problem/parse-problem';
import type { ExamSession } from './types';

/** The school's current students, searched by name or number on the server. */
const studentSearch = (q: string) => ({ q });
const studentText = (r: { studentNo: string; name: string }) => `${r.studentNo} ${r.name}`;

function RegisterButton({ sessionId, siteId, onError }: { sessionId: number | string; siteId: number | ''; onError: (text: string) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const dataProvider = useDataProvider();
  const { getValues, reset } = useFormContext();
  const [busy, setBusy] = useState(false);
  const register = async () => {
    const studentIds = (getValues('studentIds') as number[] | undefined) ?? [];
    if (!siteId || !studentIds.length) return;
    setBusy(true);
    onError('');
    try {
      // POST /api/exam-candidates/bulk/register through the data provider (its API base and errors), as the other bulk actions.
      const { data } = await dataProvider.create('exam-candidates/bulk/register', { data: { sessionId, siteId, studentIds } });
      notify(translate('app.exam.registered_count', { smart_count: (data as unknown as { created: number }).created }), { type: 'success' });
      reset({ studentIds: [] });
      refresh();
    } catch (error) {
      onError(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return <Button variant="contained" onClick={register} disabled={busy || !siteId}>{translate('app.exam.register')}</Button>;
}

/**
 * A school registers its students for a session while registration is open: it picks the site (with its seats
 * left) and any number of its students (searched as it types), registered together, all or none; or it imports a
 * file (session number, student number, site).
 */
export function RegisterCandidates({ session }: { session: ExamSession }) {
  const translate = useTranslate();
  const [siteId, setSiteId] = useState<number | ''>(session.sites.length === 1 ? session.sites[0].siteId : '');
  const [error, setError] = useState('');
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>{translate('app.exam.register_title')}</Typography>
        <Form defaultValues={{ studentIds: [] }}>
          <Stack spacing={2}>
            <TextField
              select
              label={translate('app.exam.register_site')}
              value={siteId}
              onChange={(e) => setSiteId(Number(e.target.value))}
              sx={{ maxWidth: 480 }}
            >
              {session.sites.map((s) => (
                <MenuItem key={s.siteId} value={s.siteId} disabled={s.seatsLeft === 0}>
                  {`${s.name} · ${translate('app.exam.seats_left')} ${s.seatsLeft}`}
                </MenuItem>
              ))}
            </TextField>
            <ReferenceArrayInput source="studentIds" reference="students" filter={{ leftReason: 'none' }} sort={{ field: 'studentNo', order: 'ASC' }} perPage={25}>
              <AutocompleteArrayInput
                label={translate('app.exam.register_students')}
                optionText={studentText}
                filterToQuery={studentSearch}
                helperText="app.exam.register_students_help"
                sx={{ maxWidth: 640 }}
              />
            </ReferenceArrayInput>
            {error ? <Alert severity="error" sx={{ whiteSpace: 'pre-wrap' }}>{error}</Alert> : null}
            <Stack direction="row" spacing={1}>
              <RegisterButton sessionId={session.id} siteId={siteId} onError={setError} />
              <Button component={Link} to="/exam-candidates/import">{translate('app.exam.import_file')}</Button>
            </Stack>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
}
