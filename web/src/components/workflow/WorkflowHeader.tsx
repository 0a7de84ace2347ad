import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { StateChip } from '../chips';
import type { WorkflowRecord } from './workflow-record';

/**
 * The head of a workflow record's page: what it is, its title and who it concerns, and on the right
 * its state with the actions the user may take now (`actions`, e.g. a ReviewActions).
 */
export function WorkflowHeader({ resource, entity, record, title, subtitle, actions }: {
  /** The resource, whose singular name stands over the title. */
  resource: string;
  /** The record type, for the state's words. */
  entity: string;
  record: WorkflowRecord;
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
      <Box>
        <Typography variant="overline" color="text.secondary">{translate(`resources.${resource}.name`, { smart_count: 1 })}</Typography>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{title}</Typography>
        {subtitle ? <Typography variant="body2" color="text.secondary">{subtitle}</Typography> : null}
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <StateChip state={record.status} entity={entity} size="medium" />
        {actions}
      </Stack>
    </Stack>
  );
}
