import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link, useParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { ImportPage } from '../../components/import/ImportPage';

/** The path of a session's results import screen. */
export const resultsImportPath = (sessionId: number | string) => `/exam-sessions/${sessionId}/results/import`;

/**
 * HQ's "import results" on a session's page: drawn when the session's allowedActions offer publish_results (HQ, a
 * session whose registration is closed and whose results are not yet published: the server's transition table).
 */
export function ImportResultsButton({ session }: { session: { id: number | string; allowedActions?: string[] } }) {
  const translate = useTranslate();
  if (!session.allowedActions?.includes('publish_results')) return null;
  return (
    <Button component={Link} to={resultsImportPath(session.id)} variant="contained" startIcon={<UploadFileIcon />} data-action="publish_results">
      {translate('app.action.import_results')}
    </Button>
  );
}

/** /exam-sessions/:id/results/import: the import kit's screen on the session's results, back to the session. */
export function ExamResultsImportPage() {
  const { id } = useParams();
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>{translate('app.certification.import_results_help')}</Alert>
      <ImportPage resource="exam-results" under={{ path: `exam-sessions/${id}/results`, back: `/exam-sessions/${id}/show` }} />
    </>
  );
}
