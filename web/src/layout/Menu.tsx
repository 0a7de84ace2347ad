import ListSubheader from '@mui/material/ListSubheader';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess, type Role } from '../providers/permissions';
import { resourceModules } from '../resources';

const groups = ['programme', 'facts', 'administration'] as const;

/** The dashboard, then each group's resources that the role may list (the shared permissions table). */
export function Menu() {
  const { permissions: role } = usePermissions<Role>();
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText={translate('app.menu.dashboard')} />
      {groups.map((group) => {
        const names = Object.entries(resourceModules)
          .filter(([name, module]) => module.menuGroup === group && canAccess(role, name, 'list'))
          .map(([name]) => name);
        if (!names.length) return null;
        return [
          open ? (
            <ListSubheader key={`h-${group}`} sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>
              {translate(`app.menu.${group}`)}
            </ListSubheader>
          ) : null,
          ...names.map((name) => <RaMenu.ResourceItem key={name} name={name} />),
        ];
      })}
    </RaMenu>
  );
}
