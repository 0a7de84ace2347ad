import { forwardRef, useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import PasswordIcon from '@mui/icons-material/Password';
import { useNotify, useTranslate } from 'react-admin';
import { parseProblem, useErrorText } from '../components/problem/parse-problem';
import { accountApi } from './account-api';

/** The dialog of "change my password": the current password, the new one twice (POST /api/auth/change-password). */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field?: string; text: string } | undefined>();
  const mismatch = again !== '' && again !== next;
  const close = () => {
    setCurrent(''); setNext(''); setAgain(''); setProblem(undefined);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current || !next || mismatch || busy) return;
    setBusy(true);
    try {
      await accountApi.change(current, next);
      notify('app.account.changed', { type: 'info' });
      close();
    } catch (error) {
      setProblem({ field: parseProblem(error).details[0]?.field, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const on = (field: string) => problem && (problem.field === field || (!problem.field && field === 'currentPassword'));
  return (
    <Dialog open={open} onClose={close} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{translate('app.account.change_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              label={translate('app.account.current_password')} type="password" name="currentPassword" autoComplete="current-password" required autoFocus
              value={current} onChange={(e) => setCurrent(e.target.value)} error={!!on('currentPassword')} helperText={on('currentPassword') ? problem!.text : ' '}
            />
            <TextField
              label={translate('app.account.password')} type="password" name="newPassword" autoComplete="new-password" required
              value={next} onChange={(e) => setNext(e.target.value)} error={!!on('newPassword')}
              helperText={on('newPassword') ? problem!.text : translate('app.account.password_rules')}
            />
            <TextField
              label={translate('app.account.password_again')} type="password" name="passwordAgain" autoComplete="new-password" required
              value={again} onChange={(e) => setAgain(e.target.value)} error={mismatch} helperText={mismatch ? translate('app.account.mismatch') : ' '}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('app.account.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!current || !next || !again || mismatch || busy}>{translate('app.account.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** "Change my password" in the user menu. */
export const ChangePasswordMenuItem = forwardRef<HTMLLIElement>(function ChangePasswordMenuItem(_props, ref) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <MenuItem ref={ref} onClick={() => setOpen(true)}>
        <ListItemIcon><PasswordIcon fontSize="small" /></ListItemIcon>
        <ListItemText>{translate('app.account.change')}</ListItemText>
      </MenuItem>
      <ChangePasswordDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
});
