import { useState, type ReactNode } from 'react';
import { Button, Confirm, useDataProvider, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll, type DataProvider, type HttpError, type RaRecord } from 'react-admin';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';

/**
 * A list's bulk action: a button over the selected rows that opens a confirmation (what will happen,
 * to how many records, all or none), runs the action on the server in one request (one transaction
 * there), then says how many records it changed, clears the selection and refreshes the list.
 * `run` gets the selected ids and the selected records of the page shown, and answers the count.
 */
export function BulkActionButton({ label, icon, title, children, run, done, resource, after }: {
  label: string;
  icon?: ReactNode;
  /** The dialog's title key (smart_count = the selection's size). */
  title: string;
  /** What the dialog asks besides the confirmation (a date, a reason). */
  children?: ReactNode;
  run: (dataProvider: DataProvider, ids: number[], records: RaRecord[]) => Promise<number>;
  /** The message key of the result (smart_count = the records changed). */
  done: string | ((count: number) => [string, Record<string, unknown>]);
  resource: string;
  /** Called after a success (to refresh what else counts these records, such as the bell's count). */
  after?: () => Promise<void> | void;
}) {
  const { selectedIds, data } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = selectedIds.length;

  const confirm = async () => {
    setBusy(true);
    try {
      const ids = selectedIds.map(Number);
      const records = (data ?? []).filter((r) => selectedIds.includes(r.id));
      const changed = await run(dataProvider, ids, records);
      const [key, args] = typeof done === 'string' ? [done, {}] : done(changed);
      notify(key, { type: 'success', messageArgs: { smart_count: changed, ...args } });
      unselectAll();
      setOpen(false);
      refresh();
      await after?.();
    } catch (e) {
      notify((e as HttpError).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} disabled={!count}>{icon as React.ReactElement}</Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate(title, { smart_count: count })}
        content={
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            <Typography variant="body2" color="text.secondary">{translate('app.bulk.confirm_hint', { smart_count: count })}</Typography>
          </Stack>
        }
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
