import { Route } from 'react-router-dom';
import { JoinPage } from './JoinPage';
import { JoinConfirmPage } from './JoinConfirmPage';

/** The join page and its confirmation page: outside the layout, open without signing in (App.tsx's CustomRoutes noLayout). */
export const joinRoutes = [
  <Route key="join" path="/join" element={<JoinPage />} />,
  <Route key="join-confirm" path="/join/confirm" element={<JoinConfirmPage />} />,
];
