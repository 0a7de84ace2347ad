import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { useGetList, usePermissions, useTranslate } from 'react-admin';
import { inFlightApplicationStates } from '@campus/common';
import { StateChip, TierChip } from '../components/chips';
import { canAccess, type Role } from '../providers/permissions';

interface ApplicationRow { id: number; tier: string; status: string }

/**
 * A school without a partnership tier: the way to get one. Its application in flight when it has one
 * (a draft or a returned one to go on with, one under review to follow), otherwise the form that
 * starts one (a school has at most one application in flight, DOMAIN.md).
 */
export function StartApplication() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const mayApply = canAccess(role, 'applications', 'create');
  const { data, isPending } = useGetList<ApplicationRow>(
    'applications',
    { filter: { status: [...inFlightApplicationStates] }, sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled: canAccess(role, 'applications', 'list') },
  );
  const current = data?.[0];
  const editable = current && (current.status === 'draft' || current.status === 'returned');
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="start-application">
      <CardContent>
        <Typography color="text.secondary">{translate('app.dashboard.no_tier')}</Typography>
        {current ? (
          <Typography variant="body2" sx={{ mt: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            {translate('app.no_tier.in_flight')} <TierChip tier={current.tier} /> <StateChip state={current.status} entity="application" />
          </Typography>
        ) : mayApply ? (
          <Typography variant="body2" sx={{ mt: 1 }}>{translate('app.no_tier.how')}</Typography>
        ) : null}
      </CardContent>
      {isPending ? null : (
        <CardActions>
          {current ? (
            <Button component={Link} to={`/applications/${current.id}${editable ? '' : '/show'}`} variant="contained" size="small">
              {translate(editable ? 'app.no_tier.continue' : 'app.no_tier.follow')}
            </Button>
          ) : mayApply ? (
            <Button component={Link} to="/applications/create" variant="contained" size="small">{translate('app.no_tier.apply')}</Button>
          ) : null}
          <Button component={Link} to="/tier-policies" size="small">{translate('app.no_tier.tiers')}</Button>
        </CardActions>
      )}
    </Card>
  );
}
