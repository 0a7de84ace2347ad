import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { RoleChip } from '../components/chips';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import { DigestMenuItem } from './DigestMenuItem';
import { ChangePasswordMenuItem } from '../account/ChangePasswordMenuItem';

/** Who is signed in, as what: name and role are always in view. */
function CurrentUser() {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  return (
    <Box sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center', gap: 1, mx: 1 }} data-testid="current-user">
      <Typography variant="body2" sx={{ fontWeight: 500 }}>{identity.fullName}</Typography>
      <RoleChip role={identity.role as string} size="small" inverse />
    </Box>
  );
}

function AppTitle() {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ fontWeight: 600, mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', md: 'block' } }}>
      {translate('app.title')}
    </Typography>
  );
}

export function AppBar() {
  return (
    <RaAppBar
      color="secondary"
      toolbar={
        <>
          <CurrentUser />
          <NotificationBell />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
      userMenu={
        <UserMenu>
          <DigestMenuItem />
          <ChangePasswordMenuItem />
          <Logout />
        </UserMenu>
      }
    >
      <AppTitle />
      <TitlePortal />
    </RaAppBar>
  );
}
