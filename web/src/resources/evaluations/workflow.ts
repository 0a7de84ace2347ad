import { useState } from 'react';
import { useDataProvider, useRefresh, type HttpError, type RaRecord } from 'react-admin';

/** A record that moves through states: the server says which actions the signed-in user may take now. */
export interface WorkflowRecord extends RaRecord {
  status: string;
  version: number;
  allowedActions?: string[];
}

/** What went wrong with an action, as the server said it (API.md "Workflow actions"). */
export interface ActionProblem {
  status: number;
  /** The server's code: validation_failed, stale_version, invalid_state, forbidden, not_found… */
  code?: string;
  message: string;
  /** Messages per field (details[].field), for the inputs they are about. */
  fields: Record<string, string>;
}

/** The server's answer to a failed request, as a problem to show; fields from details[].field. */
export function problemOf(error: unknown): ActionProblem {
  const e = error as Partial<HttpError> & { body?: { error?: string; message?: string; details?: unknown } };
  const fields: Record<string, string> = {};
  if (Array.isArray(e?.body?.details)) {
    for (const d of e.body.details as { field?: unknown; message?: unknown }[]) {
      if (typeof d?.field === 'string' && typeof d.message === 'string') {
        const field = d.field.replace(/^body\./, '');
        fields[field] = fields[field] ? `${fields[field]}; ${d.message}` : d.message;
      }
    }
  }
  return {
    status: typeof e?.status === 'number' ? e.status : 0,
    code: typeof e?.body?.error === 'string' ? e.body.error : undefined,
    message: (typeof e?.body?.message === 'string' && e.body.message) || e?.message || String(error),
    fields,
  };
}

/** 409: the record changed since it was read (stale version or another state): reload to see it. */
export const needsReload = (problem: ActionProblem | null | undefined) => problem?.status === 409;

/**
 * Runs a workflow action: POST /api/<resource>/:id/actions/<action> with the record's version and
 * the action's fields, answered by the updated record. Refreshes every query on success so the page
 * shows the new state and its new allowedActions.
 */
export function useWorkflowAction<T extends RaRecord = WorkflowRecord>(resource: string) {
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function run(record: WorkflowRecord, action: string, fields: Record<string, unknown> = {}): Promise<T | undefined> {
    setPending(true);
    setProblem(null);
    try {
      const { data } = await dataProvider.create(`${resource}/${record.id}/actions/${action}`, {
        data: { version: record.version, ...fields },
      });
      refresh();
      return data as T;
    } catch (error) {
      setProblem(problemOf(error));
      return undefined;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, problem, clearProblem: () => setProblem(null) };
}

/**
 * A create body without empty optional fields: react-admin's inputs hold null or '' for "not
 * filled", which the API's strict schemas refuse for an optional field (it wants it absent).
 */
export function withoutEmpty<T extends Record<string, unknown>>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}
