import Alert from '@mui/material/Alert';
import { Route } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { lazyPage } from '../../lazy-page';

const ImportPage = lazyPage(() => import('../../components/import/ImportPage'), 'ImportPage');

/** The import of partnerships that began before the product, with how the evaluated years are written. */
function AgreementImportPage() {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mt: 2 }}>{translate('resources.agreements.existing.import_help')}</Alert>
      <ImportPage resource="agreements" />
    </>
  );
}

/** /agreements/import (HQ: the permissions table). */
export const agreementImportRoute = <Route key="import" path="import" element={<AgreementImportPage />} />;
