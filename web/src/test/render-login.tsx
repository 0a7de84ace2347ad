import { render } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { LoginPage } from '../layout/LoginPage';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { i18nProvider } from '../i18n';
import { API } from './api';

/** The sign-in page as the app shows it before anyone is signed in: its providers against msw, a store of its own. */
export function renderLoginPage() {
  return render(
    <MemoryRouter>
      <AdminContext dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} i18nProvider={i18nProvider} store={memoryStore()}>
        <LoginPage />
      </AdminContext>
    </MemoryRouter>,
  );
}
