import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useRefresh, useTranslate } from 'react-admin';
import { needsReload, type Problem } from './parse-problem';
import { useTranslateProblem } from './translate-problem';

/**
 * A refused request, in words, the same on every screen:
 * - 409: the record changed meanwhile (someone else acted, or its state moved on); a button reloads
 *   it, and what the user typed stays where it is;
 * - 400 with details, when `fieldLabel` is given: the list of what to fix, each with its field's label
 *   (for dialogs whose inputs do not show the server's field problems themselves);
 * - anything else: the message (under "correct and try again" for a 400).
 * Every text is the problem's code in the user's language, or the server's own message.
 */
export function ProblemAlert({ problem, entity, onReload, fieldLabel }: {
  problem: Problem | null | undefined;
  /** The record type (application, agreement…), for the 409 text; without it the text is general. */
  entity?: string;
  /** What the reload button does; the page's queries are refetched when none is given. */
  onReload?: () => void;
  /** Lists the 400's details, each field named by this label. */
  fieldLabel?: (field: string) => string;
}) {
  const translate = useTranslate();
  const say = useTranslateProblem();
  const refresh = useRefresh();
  if (!problem) return null;
  const message = say(problem);
  if (needsReload(problem)) {
    return (
      <Alert
        severity="warning"
        role="alert"
        data-testid="action-conflict"
        action={<Button color="inherit" size="small" onClick={onReload ?? refresh}>{translate('app.errors.reload')}</Button>}
      >
        <AlertTitle>
          {entity
            ? translate('app.workflow.conflict', { entity: translate(`app.entity.${entity}`, { _: entity }) })
            : translate('app.evaluation.changed_meanwhile')}
        </AlertTitle>
        {message}
      </Alert>
    );
  }
  const listed = fieldLabel && problem.details.length ? problem.details : [];
  return (
    <Alert severity="error" role="alert" data-testid="action-error">
      {listed.length ? (
        <>
          {translate('app.workflow.fix_problems')}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {listed.map((p, i) => (
              <li key={i}>
                {p.field ? <strong>{fieldLabel!(p.field)}：</strong> : null}
                {say(p)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          {problem.status === 400 ? <AlertTitle>{translate('app.evaluation.fix_and_retry')}</AlertTitle> : null}
          {message}
        </>
      )}
    </Alert>
  );
}
