import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/Check';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  useGetIdentity,
  useLocaleState,
  useLocales,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { useSmallScreen } from '../components/list/ResponsiveDataTable';
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

/**
 * On a phone the app bar keeps the menu button, the screen's title, the bell and the user menu; who is
 * signed in and the language switch fold into the user menu (these entries show only there).
 */
function PhoneUserMenuItems() {
  const small = useSmallScreen();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const userMenu = useUserMenu();
  if (!small) return null;
  return (
    <>
      {identity ? (
        <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }} data-testid="current-user-phone">
          <Typography variant="body2" sx={{ fontWeight: 500 }}>{identity.fullName}</Typography>
          <RoleChip role={identity.role as string} variant="outlined" size="small" />
        </Box>
      ) : null}
      <Divider />
      <Typography variant="caption" component="div" sx={{ px: 2, pt: 1, color: 'text.secondary' }}>
        {translate('resources.users.fields.locale')}
      </Typography>
      {locales.map((l) => (
        <MenuItem
          key={l.locale}
          lang={l.locale === 'zh' ? 'zh-CN' : l.locale}
          selected={l.locale === locale}
          onClick={() => {
            setLocale(l.locale);
            userMenu?.onClose();
          }}
        >
          <ListItemIcon>{l.locale === locale ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
          <ListItemText>{l.name}</ListItemText>
        </MenuItem>
      ))}
      <Divider />
    </>
  );
}

/** Shown from `sm` up; on a phone it is in the user menu (PhoneUserMenuItems). */
function WideOnly({ children }: { children: ReactNode }) {
  return <Box sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center' }}>{children}</Box>;
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
          <WideOnly>
            <LocalesMenuButton />
            <LoadingIndicator />
          </WideOnly>
        </>
      }
      userMenu={
        <UserMenu className="user-menu">
          <PhoneUserMenuItems />
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
