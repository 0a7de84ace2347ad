import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLocaleState } from 'react-admin';
import { formatNumber } from '../components/dates';

export function StatCard({ label, value, icon, color, to, suffix = '' }: { label: string; value: number | undefined; icon: ReactNode; color: string; to?: string; suffix?: string }) {
  const [locale] = useLocaleState();
  const body = (
    <CardContent>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Stack sx={{ bgcolor: color, color: '#fff', borderRadius: 2, p: 1.25 }}>{icon}</Stack>
        <Stack>
          <Typography variant="body2" color="text.secondary">{label}</Typography>
          <Typography variant="h4" component="p" sx={{ fontWeight: 600, lineHeight: 1.1 }}>
            {value === undefined ? <Skeleton width={48} /> : `${formatNumber(value, locale, 1)}${suffix}`}
          </Typography>
        </Stack>
      </Stack>
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      {to ? <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>{body}</CardActionArea> : body}
    </Card>
  );
}

export const schoolsWhere = (filter: Record<string, unknown>) => `/schools?filter=${encodeURIComponent(JSON.stringify(filter))}`;
