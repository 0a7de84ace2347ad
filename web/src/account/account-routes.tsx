import { Route } from 'react-router-dom';
import { lazyPage, suspended } from '../lazy-page';

// Loaded when opened: nobody signing in needs them.
const SetPasswordPage = suspended(lazyPage(() => import('./SetPasswordPage'), 'SetPasswordPage'));
const ForgotPasswordPage = suspended(lazyPage(() => import('./ForgotPasswordPage'), 'ForgotPasswordPage'));

/** The password pages: outside the layout, open without signing in (App.tsx's CustomRoutes noLayout). */
export const accountRoutes = [
  <Route key="set-password" path="/set-password" element={<SetPasswordPage purpose="invitation" />} />,
  <Route key="reset-password" path="/reset-password" element={<SetPasswordPage purpose="reset" />} />,
  <Route key="forgot-password" path="/forgot-password" element={<ForgotPasswordPage />} />,
];
