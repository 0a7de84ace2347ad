import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { i18nProvider } from '../i18n';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { API } from '../test/api';

/** A public page on a path, with the app's providers and no session (as the sign-in page's test does). */
export function renderPublic(page: ReactNode, path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AdminContext dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} i18nProvider={i18nProvider} store={memoryStore()}>
        {page}
      </AdminContext>
    </MemoryRouter>,
  );
}
