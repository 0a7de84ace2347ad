import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** One fact of a record's page: its label (a message key, or words) over its value, a dash when empty. */
export function Fact({ label, children }: { label: string; children?: ReactNode }) {
  const translate = useTranslate();
  const empty = children === null || children === undefined || children === '';
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">{translate(label, { _: label })}</Typography>
      <Typography variant="body2" component="div">{empty ? '—' : children}</Typography>
    </Box>
  );
}
