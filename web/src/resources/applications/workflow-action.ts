import { useCallback } from 'react';
import { useDataProvider, type HttpError, type RaRecord } from 'react-admin';
import type { ApiErrorBody } from '../../providers/httpClient';

/** What every workflow record carries (API.md): its state, its version, and what the user may do now. */
export interface WorkflowRecord extends RaRecord {
  status: string;
  version: number;
  allowedActions?: string[];
}

export interface Problem {
  field?: string;
  row?: number;
  message: string;
}

/**
 * POST /api/<resource>/:id/actions/<action> with { version, ...fields }, through the data provider
 * (so it goes where the rest of the API goes); answers the updated record.
 */
export function useWorkflowAction<T extends WorkflowRecord = WorkflowRecord>(resource: string) {
  const dataProvider = useDataProvider();
  return useCallback(
    async (record: Pick<WorkflowRecord, 'id' | 'version'>, action: string, fields: Record<string, unknown> = {}): Promise<T> => {
      const { data } = await dataProvider.create(`${resource}/${record.id}/actions/${action}`, {
        data: { ...fields, version: record.version },
      });
      return data as T;
    },
    [dataProvider, resource],
  );
}

const bodyOf = (error: unknown) => ((error as HttpError | undefined)?.body ?? undefined) as Partial<ApiErrorBody> | undefined;

export const statusOf = (error: unknown): number | undefined => (error as HttpError | undefined)?.status;

/** 409: the version is stale or the state moved on; the user must reload. */
export const isConflict = (error: unknown) => statusOf(error) === 409;

/** The field problems of a 400 answer (details: [{ field, message }]), field names without "body.". */
export function problemsOf(error: unknown): Problem[] {
  const details = bodyOf(error)?.details;
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is Problem => typeof d === 'object' && d !== null && typeof (d as Problem).message === 'string')
    .map((d) => ({ ...d, field: typeof d.field === 'string' ? d.field.replace(/^body\./, '') : undefined }));
}

/** The server's message, in words; a network failure or an unexpected answer says so. */
export const messageOf = (error: unknown) =>
  (typeof bodyOf(error)?.message === 'string' ? bodyOf(error)!.message : undefined) ?? (error as Error | undefined)?.message ?? String(error);

/** The error code of the API's error body (stale_version, invalid_state, …). */
export const codeOf = (error: unknown) => bodyOf(error)?.error;
