import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { FieldTitle, InputHelperText, useInput, useResourceContext, useTranslate } from 'react-admin';

/**
 * A list of calendar dates (the job applications a student sent): the dates as chips, each one
 * removable, and a date box to add one. Stored as an array of YYYY-MM-DD strings, sorted, distinct.
 */
export function DateListInput({ source }: { source: string; label?: string }) {
  const translate = useTranslate();
  const resource = useResourceContext();
  const { field, fieldState, id } = useInput({ source, format: (v: unknown) => v, parse: (v: unknown) => v });
  const dates = (Array.isArray(field.value) ? field.value : []) as string[];
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft)) return;
    field.onChange([...new Set([...dates, draft])].sort());
    setDraft('');
  };
  return (
    <Box sx={{ width: '100%', mb: 2 }}>
      <Typography variant="body2" color="text.secondary" component="label" htmlFor={id}>
        <FieldTitle source={source} resource={resource} />
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', my: 1 }} data-testid="date-list">
        {dates.length ? dates.map((d) => (
          <Chip key={d} size="small" label={d} onDelete={() => field.onChange(dates.filter((x) => x !== d))} />
        )) : <Typography variant="body2" color="text.disabled">—</Typography>}
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField id={id} type="date" size="small" value={draft} onChange={(e) => setDraft(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <Button size="small" startIcon={<AddIcon />} onClick={add} disabled={!draft}>{translate('ra.action.add')}</Button>
      </Stack>
      <FormHelperText error={fieldState.invalid}>
        <InputHelperText error={fieldState.error?.message} helperText={translate('app.facts.applications_count', { smart_count: dates.length })} />
      </FormHelperText>
    </Box>
  );
}
