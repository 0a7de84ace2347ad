import { useCallback, useState } from 'react';
import { useDataProvider, useRefresh, type RaRecord } from 'react-admin';
import { parseProblem, type Problem } from '../problem/parse-problem';
import type { WorkflowRecord } from './workflow-record';

/**
 * The one way the web takes a workflow action: POST /api/<resource>/:id/actions/<action> with the
 * action's fields and the record's version, through the data provider, answered by the updated
 * record (with its new allowedActions).
 * - `send` answers the record or throws the API's error (for a WorkflowDialog, which shows it);
 * - `run` keeps the refusal as `problem` and answers undefined, refreshing the page on success (for
 *   a form that shows the problem itself, with `pending` while it is under way).
 */
export function useWorkflowAction<T extends RaRecord = WorkflowRecord>(resource: string) {
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const send = useCallback(
    async (record: Pick<WorkflowRecord, 'id' | 'version'>, action: string, fields: Record<string, unknown> = {}): Promise<T> => {
      const { data } = await dataProvider.create(`${resource}/${record.id}/actions/${action}`, {
        data: { ...fields, version: record.version },
      });
      return data as T;
    },
    [dataProvider, resource],
  );

  const run = useCallback(
    async (record: Pick<WorkflowRecord, 'id' | 'version'>, action: string, fields: Record<string, unknown> = {}): Promise<T | undefined> => {
      setPending(true);
      setProblem(null);
      try {
        const data = await send(record, action, fields);
        refresh();
        return data;
      } catch (error) {
        setProblem(parseProblem(error));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [send, refresh],
  );

  const clearProblem = useCallback(() => setProblem(null), []);
  return { send, run, pending, problem, clearProblem };
}
