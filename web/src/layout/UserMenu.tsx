import { UserMenu as RaUserMenu, useGetIdentity, useTranslate, type UserMenuProps } from 'react-admin';
import { DocumentTitle } from './DocumentTitle';

/**
 * react-admin's user menu, named by what it shows: on a wide screen the button's visible text is the
 * user's name, so its accessible name starts with it ("王芳 的个人资料"), not a bare "个人资料"
 * (WCAG 2.5.3 label in name); on a narrow screen (an icon only) the same name.
 */
export function UserMenu(props: UserMenuProps) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const name = identity?.fullName;
  const label = name ? translate('app.a11y.user_menu', { name }) : translate('ra.auth.user_menu');
  // The app bar's one always-present piece also keeps the browser tab's title in step with the page.
  return (
    <>
      <DocumentTitle />
      <RaUserMenu label={label} {...props} />
    </>
  );
}
