import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess, type Role } from '../providers/permissions';
import { resourceModules } from '../resources';

const groups = ['programme', 'facts', 'administration'] as const;

/**
 * The dashboard, then each group's resources that the role may list (the shared permissions table),
 * in a navigation landmark. Each group is a menu of its own named by its heading: a heading is not a
 * menu item, so it may not stand inside react-admin's role="menu" list (WCAG 1.3.1, 4.1.2).
 */
export function Menu() {
  const { permissions: role } = usePermissions<Role>();
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <Box component="nav" aria-label={translate('app.a11y.navigation')}>
      <RaMenu aria-label={translate('app.menu.dashboard')} sx={{ mb: 0 }}>
        <RaMenu.DashboardItem primaryText={translate('app.menu.dashboard')} />
      </RaMenu>
      {groups.map((group) => {
        const names = Object.entries(resourceModules)
          .filter(([name, module]) => module.menuGroup === group && canAccess(role, name, 'list'))
          .map(([name]) => name);
        if (!names.length) return null;
        const label = translate(`app.menu.${group}`);
        return (
          <Box key={group} data-menu-group={group}>
            {open ? (
              <Typography component="h2" variant="body2" color="text.secondary" sx={{ fontWeight: 500, lineHeight: '32px', px: 2, mt: 1 }}>
                {label}
              </Typography>
            ) : null}
            <RaMenu aria-label={label} sx={{ mt: 0, mb: 0 }}>
              {names.map((name) => <RaMenu.ResourceItem key={name} name={name} />)}
            </RaMenu>
          </Box>
        );
      })}
    </Box>
  );
}
