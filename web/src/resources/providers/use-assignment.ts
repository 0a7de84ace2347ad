import { useCallback, useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';

/**
 * Assigns one school to a provider or unassigns it: PUT / DELETE /api/providers/:id/schools/:schoolId
 * (server/src/modules/providers/routes.ts), through the data provider, then refreshes the page's
 * reads (the provider's schools, the school's providers). A refusal is shown as a notification.
 */
export function useAssignment() {
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const notify = useNotify();
  const errorText = useErrorText();
  const [pending, setPending] = useState(false);

  const change = useCallback(async (providerId: number, schoolId: number, assign: boolean, done: string) => {
    setPending(true);
    try {
      const resource = `providers/${providerId}/schools`;
      if (assign) await dataProvider.update(resource, { id: schoolId, data: {}, previousData: { id: schoolId } });
      else await dataProvider.delete(resource, { id: schoolId, previousData: { id: schoolId } });
      notify(done, { type: 'info', messageArgs: { _: done } });
      refresh();
      return true;
    } catch (error) {
      const message = errorText(error) || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
      return false;
    } finally {
      setPending(false);
    }
  }, [dataProvider, notify, refresh, errorText]);

  return {
    pending,
    assign: (providerId: number, schoolId: number, done: string) => change(providerId, schoolId, true, done),
    unassign: (providerId: number, schoolId: number, done: string) => change(providerId, schoolId, false, done),
  };
}
