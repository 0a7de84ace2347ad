import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';

interface Named { id: number; name: string }

/**
 * Picks one record of a resource by name, searched on the server as one types (filter q, 20 at a
 * time), leaving out those already chosen; the button hands the pick on.
 */
export function RecordPicker({ resource, label, action, exclude, filter = {}, disabled, onPick }: {
  resource: string;
  label: string;
  action: string;
  exclude: number[];
  filter?: Record<string, unknown>;
  disabled?: boolean;
  onPick: (record: Named) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Named | null>(null);
  const { data = [], isPending } = useGetList<Named>(resource, {
    filter: { ...filter, ...(q.trim() ? { q: q.trim() } : {}) },
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
  });
  const options = data.filter((r) => !exclude.includes(r.id));
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Autocomplete
        size="small"
        sx={{ minWidth: 280, flex: 1 }}
        options={options}
        loading={isPending}
        value={picked}
        onChange={(_, value) => setPicked(value)}
        inputValue={q}
        onInputChange={(_, value) => setQ(value)}
        filterOptions={(x) => x}
        getOptionLabel={(o) => o.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText={translate('ra.navigation.no_results', { name: translate(`resources.${resource}.name`, { smart_count: 2 }) })}
        renderInput={(params) => <TextField {...params} label={translate(label)} />}
      />
      <Button
        variant="contained"
        size="small"
        disabled={!picked || disabled}
        onClick={async () => {
          if (picked && (await onPick(picked))) { setPicked(null); setQ(''); }
        }}
      >
        {translate(action)}
      </Button>
    </Stack>
  );
}
