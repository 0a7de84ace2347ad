import type { ProblemCode, Reason, RefusalKind } from '@campus/common';
import { AppError, ErrorCode, type ErrorDetail } from './errors.js';

/** Why the domain refuses, plus the server's own: the record changed since the client read it. */
export type Refusal = RefusalKind | 'stale_version';

/**
 * The one place where a reason's kind becomes an HTTP status (API.md's order of checks): a role
 * that may never act 403; a record whose state does not allow the action, or that changed since it
 * was read, 409; an unknown action or a guard's problems 400.
 */
export const refusalStatus: Record<Refusal, [number, ErrorCode]> = {
  unknown_action: [400, ErrorCode.validation],
  forbidden_role: [403, ErrorCode.forbidden],
  wrong_state: [409, ErrorCode.invalidState],
  stale_version: [409, ErrorCode.staleVersion],
  guard_failed: [400, ErrorCode.validation],
};

/** The error of a refusal: its reason as the body's problem; a guard's problems as details, every one in the message. */
export function refused(kind: Refusal, reason: Reason | ProblemCode, problems?: ErrorDetail[]): AppError {
  const [status, code] = refusalStatus[kind];
  if (problems?.length) return new AppError(status, code, undefined, problems, 'all');
  return new AppError(status, code, typeof reason === 'string' ? { code: reason } : { code: reason.code, params: reason.params });
}
