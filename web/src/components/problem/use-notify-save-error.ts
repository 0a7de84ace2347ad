import { useCallback } from 'react';
import { useNotify, type HttpError } from 'react-admin';
import { useErrorText } from './parse-problem';

/**
 * A create or edit page's save refused: problems with a field (`body.errors`) stay on their inputs, where the form shows
 * them; anything else is notified in the user's language (the problem's code, else the server's message).
 */
export function useNotifySaveError() {
  const notify = useNotify();
  const errorText = useErrorText();
  return useCallback((error: unknown) => {
    if ((error as HttpError)?.body?.errors) return;
    const message = errorText(error) || 'ra.notification.http_error';
    notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
  }, [notify, errorText]);
}
