import { Route } from 'react-router-dom';
import { lazyPage, suspended } from '../lazy-page';

// Loaded when opened: nobody signing in needs it.
const CertificateCheckPage = suspended(lazyPage(() => import('./CertificateCheckPage'), 'CertificateCheckPage'));

/** The public certificate check: outside the layout, open without signing in (App.tsx's CustomRoutes noLayout). */
export const checkRoutes = [<Route key="check" path="/check" element={<CertificateCheckPage />} />];
