import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Confirm, useCanAccess, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { RecordPicker } from './RecordPicker';
import { useAssignment } from './use-assignment';
import type { Provider } from './scorecard';

interface SchoolLike { id: number; name: string }

/**
 * The school page's providers: every provider that serves the school (GET /api/providers with the
 * filter schoolId; each role sees those it may). HQ assigns an existing provider here or removes
 * one, which ends that provider's access to the school at once. `school` defaults to the page's record.
 */
export function SchoolProvidersPanel({ school: given }: { school?: SchoolLike }) {
  const fromPage = useRecordContext<SchoolLike>();
  const school = given ?? fromPage;
  const translate = useTranslate();
  const { canAccess: canAssign } = useCanAccess({ resource: 'providers', action: 'edit' });
  const { data = [], total, isPending } = useGetList<Provider & { active?: boolean }>('providers', {
    filter: { schoolId: school?.id }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' },
  }, { enabled: !!school });
  const { assign, unassign, pending } = useAssignment();
  const [removing, setRemoving] = useState<Provider | null>(null);
  if (!school) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title={translate('app.provider_admin.school_providers', { smart_count: total ?? data.length })}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? null : !data.length ? (
          <Typography color="text.secondary">{translate('app.provider_admin.no_providers')}</Typography>
        ) : (
          <List dense disablePadding>
            {data.map((provider) => (
              <ListItem
                key={provider.id}
                disableGutters
                secondaryAction={canAssign ? (
                  <Button size="small" color="error" disabled={pending} onClick={() => setRemoving(provider)}>
                    {translate('app.provider_admin.unassign')}
                  </Button>
                ) : undefined}
              >
                <ListItemText
                  primary={(
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Link component={RouterLink} to={`/providers/${provider.id}/show`}>{provider.name}</Link>
                      {provider.active === false ? <Chip size="small" label={translate('app.provider_admin.inactive')} /> : null}
                    </Stack>
                  )}
                  secondary={[provider.contactName, provider.contactEmail, provider.contactPhone].filter(Boolean).join(' · ') || undefined}
                />
              </ListItem>
            ))}
          </List>
        )}
        {canAssign ? (
          <Stack sx={{ mt: 2 }}>
            <RecordPicker
              resource="providers"
              label="app.provider_admin.choose_provider"
              action="app.provider_admin.assign"
              filter={{ active: true }}
              exclude={data.map((p) => p.id)}
              disabled={pending}
              onPick={(provider) => assign(provider.id, school.id, translate('app.provider_admin.assigned', { name: provider.name }))}
            />
          </Stack>
        ) : null}
      </CardContent>
      <Confirm
        isOpen={!!removing}
        loading={pending}
        title={translate('app.provider_admin.unassign_confirm_title')}
        content={translate('app.provider_admin.unassign_confirm', { school: school.name, provider: removing?.name ?? '' })}
        onConfirm={async () => {
          if (removing) await unassign(removing.id, school.id, translate('app.provider_admin.unassigned', { name: removing.name }));
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}
