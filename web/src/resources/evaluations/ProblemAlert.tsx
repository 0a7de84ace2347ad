import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useRefresh, useTranslate } from 'react-admin';
import { needsReload, type ActionProblem } from './workflow';

/**
 * The server's answer to a refused action, in words: a 409 says the record changed meanwhile and
 * offers to reload it (what the user typed stays in the form); other refusals show the message.
 */
export function ProblemAlert({ problem, onReload }: { problem: ActionProblem | null; onReload?: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  if (!problem) return null;
  if (needsReload(problem)) {
    return (
      <Alert
        severity="warning"
        role="alert"
        action={(
          <Button color="inherit" size="small" onClick={() => { refresh(); onReload?.(); }}>
            {translate('app.errors.reload')}
          </Button>
        )}
      >
        <AlertTitle>{translate('app.evaluation.changed_meanwhile')}</AlertTitle>
        {problem.message}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert">
      {problem.status === 400 ? <AlertTitle>{translate('app.evaluation.fix_and_retry')}</AlertTitle> : null}
      {problem.message}
    </Alert>
  );
}
