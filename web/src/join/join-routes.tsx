import { Route } from 'react-router-dom';
import { lazyPage, suspended } from '../lazy-page';

// Loaded when opened: nobody signing in needs them.
const JoinPage = suspended(lazyPage(() => import('./JoinPage'), 'JoinPage'));
const JoinConfirmPage = suspended(lazyPage(() => import('./JoinConfirmPage'), 'JoinConfirmPage'));

/** The join page and its confirmation page: outside the layout, open without signing in (App.tsx's CustomRoutes noLayout). */
export const joinRoutes = [
  <Route key="join" path="/join" element={<JoinPage />} />,
  <Route key="join-confirm" path="/join/confirm" element={<JoinConfirmPage />} />,
];
